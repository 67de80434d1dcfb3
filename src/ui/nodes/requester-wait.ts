import { formatSimTime } from '../format.ts';

/** What a waiting requester shows: how long it has waited, and whether it is stuck. */
export interface RequesterWait {
  text: string;
  /** Its wait can only end by a reply that nothing will send (ZMQ-2 with no timeout). */
  stalled: boolean;
}

/** Waits longer than this many slowest round trips (at least a second each), with no timeout, are shown as stalled. */
const OVERDUE_ROUND_TRIPS = 3;

/**
 * The line under a requester's counters, or undefined while nothing waits. A requester with
 * no timeout cannot tell a lost request from a slow one: it is shown stalled once it has
 * waited several of its slowest round trips, and for certain when the run is over (nothing is
 * left that could answer). With a timeout it never stalls: the timeout ends every wait.
 */
export function requesterWait(
  stats: { waitingSinceMs: number | null; rttMaxMs: number },
  timeoutMs: number | undefined,
  simTimeMs: number,
  runOver: boolean,
): RequesterWait | undefined {
  if (stats.waitingSinceMs === null) return undefined;
  const waited = Math.max(0, simTimeMs - stats.waitingSinceMs);
  if (runOver) return { text: `stalled since ${formatSimTime(stats.waitingSinceMs)}`, stalled: true };
  const noTimeout = timeoutMs === undefined || timeoutMs === 0;
  if (noTimeout && waited > OVERDUE_ROUND_TRIPS * Math.max(stats.rttMaxMs, 1_000)) {
    return { text: `no reply for ${formatSimTime(waited)} · no timeout`, stalled: true };
  }
  return { text: `waiting ${formatSimTime(waited)}`, stalled: false };
}
