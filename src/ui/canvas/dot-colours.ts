import { DOT_COPY, DOT_NORMAL, DOT_REDELIVERED } from '../../sim-client/index.ts';

/** Dot fill per colour class: the index is the class number a frame carries per dot. */
export const DOT_COLOURS: readonly string[] = (() => {
  const colours: string[] = [];
  colours[DOT_NORMAL] = '#f59e0b';
  colours[DOT_COPY] = '#d946ef';
  colours[DOT_REDELIVERED] = '#e5421f';
  return colours;
})();
