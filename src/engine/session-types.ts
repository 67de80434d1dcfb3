/**
 * What the engine session (running in the worker) tells the UI. These types cross the
 * worker boundary, so they are plain data; the UI gets them through src/sim-client.
 */

/** Ledger totals. Conservation: created = delivered + lost + deadLettered + rejected + inFlight. */
export interface LedgerTotals {
  /** Messages producers sent. */
  produced: number;
  /** Message copies in existence: produced plus the extra copies of each fan-out. */
  created: number;
  delivered: number;
  duplicates: number;
  inFlight: number;
  lost: number;
  deadLettered: number;
  rejected: number;
}

export interface ProducerStats {
  kind: 'producer';
  produced: number;
}
export interface QueueStats {
  kind: 'queue';
  received: number;
  /** Ready messages waiting in the queue. */
  depth: number;
  /** Dispatched to a consumer and not yet acknowledged. */
  unacked: number;
}
export interface TopicStats {
  kind: 'topic';
  received: number;
  /** Copies sent to subscribers. */
  copiesOut: number;
}
export interface ConsumerStats {
  kind: 'consumer';
  received: number;
  processed: number;
  /** Messages being processed right now. */
  busy: number;
  /** Received, waiting for a free processing slot. */
  backlog: number;
  reorders: number;
}
export type NodeStats = ProducerStats | QueueStats | TopicStats | ConsumerStats;

/** Colour classes of dots in flight (the `colour` field of each dot in a frame). */
export const DOT_NORMAL = 0;
/** A copy made by a fan-out (topic). */
export const DOT_COPY = 1;

/** Floats per dot in Frame.dots: edge index, progress 0..1 along the edge, colour class. */
export const DOT_STRIDE = 3;

export type RunState = 'idle' | 'running' | 'paused' | 'finished' | 'error';

export interface Frame {
  state: RunState;
  simTimeMs: number;
  /** Events processed since load. */
  events: number;
  speed: number;
  totals: LedgerTotals;
  /** `DOT_STRIDE` floats per message on a link; edge index = position in topology.edges. */
  dots: Float32Array;
  /** Per node, in topology.nodes order; sent about 10 times a second, absent otherwise. */
  nodeStats?: NodeStats[];
  /** True when the engine could not keep sim time in step with wall time x speed. */
  fallingBehind: boolean;
  /** Set when state is 'error'. */
  error?: string;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
