import { create } from 'zustand';
import { MIN_SPEED, MAX_SPEED, type LedgerTotals, type NodeStats, type RunGoal, type RunState } from '../sim-client/index.ts';

/**
 * What React shows of the run: status-bar numbers (throttled) and per-node stats (~10 Hz).
 * Dots in flight are deliberately not here; the overlay reads them from sim-client.
 */
export interface SimState {
  state: RunState;
  simTimeMs: number;
  events: number;
  totals: LedgerTotals;
  /** Sum of the consumers' reorder counts. */
  reorders: number;
  fallingBehind: boolean;
  /** Set while running toward a stop time (run to a time, replay), for the progress bar. */
  goal: RunGoal | null;
  error: string | undefined;
  /** The speed the user chose; the worker is told on every load. */
  speed: number;
  /** Latest stats by node id; absent until a run is loaded. */
  nodeStats: Readonly<Record<string, NodeStats>>;
  /** Ids of the nodes crashed now (a fault); only present keys, each true. */
  downNodes: Readonly<Record<string, true>>;
  /** Ids of the links cut now (a fault); only present keys, each true. */
  cutEdges: Readonly<Record<string, true>>;
}

export const ZERO_TOTALS: LedgerTotals = {
  produced: 0,
  created: 0,
  delivered: 0,
  duplicates: 0,
  duplicatesSuppressed: 0,
  inFlight: 0,
  lost: 0,
  deadLettered: 0,
  rejected: 0,
};

/** Everything but the speed, as before any run. */
export const IDLE_VIEW: Omit<SimState, 'speed'> = {
  state: 'idle',
  simTimeMs: 0,
  events: 0,
  totals: ZERO_TOTALS,
  reorders: 0,
  fallingBehind: false,
  goal: null,
  error: undefined,
  nodeStats: {},
  downNodes: {},
  cutEdges: {},
};

export const useSimStore = create<SimState>()(() => ({ ...IDLE_VIEW, speed: 1 }));

export function clampSpeed(speed: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}
