/**
 * Limits the engine needs at run time too. Kept apart from the schema so that importing
 * them does not bring zod into the worker bundle.
 */

/** The largest message (1 GiB). */
export const MAX_MESSAGE_BYTES = 1 << 30;
