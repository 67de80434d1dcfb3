/**
 * Numbered migrations: MIGRATIONS[n] turns a msgflow/n document into msgflow/n+1.
 * There must be no gaps; load.ts applies them in order. msgflow/1 is the first format,
 * so there is nothing to migrate yet.
 */
export const MIGRATIONS: Readonly<Record<number, (doc: unknown) => unknown>> = {};
