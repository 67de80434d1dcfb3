import type { RouterKind } from '../model/index.ts';

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
  /** Processings of a message copy that had already been delivered. */
  duplicates: number;
  /** Repeats an idempotent receiver recognised and did not process. */
  duplicatesSuppressed: number;
  inFlight: number;
  lost: number;
  deadLettered: number;
  rejected: number;
}

export interface ProducerStats {
  kind: 'producer';
  produced: number;
  /** Sends a full queue refused (reject-publish): the producer was told. */
  refused: number;
  /** Mandatory messages an exchange could not route and returned (RMQ-R6). */
  returned: number;
  /** Publisher confirms received (acks). */
  confirmed: number;
  /** Resends after no confirm came in time. */
  retries: number;
  /** Messages given up on after the last retry went unconfirmed. */
  unconfirmed: number;
}
export interface QueueStats {
  kind: 'queue';
  received: number;
  /** Deliveries handed to consumers, redeliveries included. */
  dispatched: number;
  /** Ready messages waiting in the queue. */
  depth: number;
  /** Bytes of the ready messages. */
  bytes: number;
  /** Dispatched to a consumer and not yet acknowledged. */
  unacked: number;
  /** Publishes waiting for room (overflow: block). */
  blocked: number;
  /** Messages not yet visible (delayMs). */
  delayed: number;
  acked: number;
  nacked: number;
  /** Messages made ready again: nack with requeue, or ack timeout. */
  redelivered: number;
  expired: number;
  deadLettered: number;
  /** Messages this queue dropped (lost), any reason. */
  dropped: number;
  /** The same, by lost reason (overflow, expired, rejected, delivery-limit, crash). */
  droppedByReason: Record<string, number>;
  /** Publishes refused (reject-publish, reject-publish-dlx). */
  refused: number;
  /** Messages refused for being larger than `maxMessageBytes` (SQS-6). */
  tooLarge: number;
  /** Publishes accepted but not delivered: their id or content was seen within `dedupWindowMs`. */
  deduplicated: number;
  /** Publishes its ACL refused (dropped or rejected). */
  denied: number;
  /** Receive requests from polling consumers (SQS ReceiveMessage). */
  receives: number;
  /** Receives that ended with nothing (short polling on an empty queue, or a long poll that waited out). */
  emptyReceives: number;
}
export interface TopicStats {
  kind: 'topic';
  received: number;
  /** Copies sent to subscribers. */
  copiesOut: number;
  /** Publishes its ACL refused. */
  denied: number;
  /** Copies not sent because the subscriber's filter policy did not match (SNS-2). */
  filtered: number;
}
export interface ConsumerStats {
  kind: 'consumer';
  received: number;
  processed: number;
  /** Messages being processed right now. */
  busy: number;
  /** Received, waiting for a free processing slot. */
  backlog: number;
  /** Per producer: a sequence number below one already seen. */
  reorders: number;
  /** Per key: a key sequence number below one already seen for that key. */
  keyReorders: number;
  /** Processings that failed (then nacked or rejected). */
  failed: number;
  /** Messages received with the redelivered flag set. */
  redelivered: number;
  /** Repeats processed again (no idempotent receiver, or outside its window). */
  duplicates: number;
  /** Repeats the idempotent receiver recognised and acked without processing. */
  suppressed: number;
  /** Receive requests it made (a polling consumer). */
  polls: number;
}
export interface ExchangeStats {
  kind: 'exchange';
  received: number;
  /** Messages that reached at least one queue (through this exchange or its alternate). */
  routed: number;
  /** Copies sent to bound queues. */
  copiesOut: number;
  /** Messages no binding took, handed to the alternate exchange. */
  toAlternate: number;
  /** Messages nothing took: returned to the producer (mandatory) or dropped as unroutable. */
  unroutable: number;
  /** Publishes its ACL refused. */
  denied: number;
}
export interface MqttBrokerStats {
  kind: 'mqtt-broker';
  received: number;
  /** Deliveries to subscribers (sent, or queued for an offline persistent session). */
  copiesOut: number;
  /** Held now for offline persistent-session subscribers. */
  queued: number;
  /** Dropped because an offline subscriber's queue was full (max queued messages). */
  dropped: number;
  /** Queued copies deleted at their message expiry. */
  expired: number;
  /** Retained messages held now (one per topic at most). */
  retained: number;
  /** Last Wills published for clients gone without DISCONNECT. */
  wills: number;
  /** Publishes no subscriber took. */
  unroutable: number;
  /** Publishes its ACL refused. */
  denied: number;
}
/** A stateless router of SEMANTICS.md §5. */
export interface RouterStats<K extends RouterKind = RouterKind> {
  kind: K;
  received: number;
  /** Messages and copies sent on. */
  out: number;
  /** Messages it could not pass on (unroutable) or did not accept (filtered). */
  dropped: number;
  /** Wire tap: copies sent to the tap. */
  tapped?: number;
}
export interface ResequencerStats {
  kind: 'resequencer';
  received: number;
  out: number;
  /** Let go with nowhere to go (no output: unroutable). */
  dropped: number;
  /** Held now, waiting for an earlier one. */
  held: number;
  /** Sequence numbers given up on (a gap that timed out, or a full buffer). */
  skipped: number;
  /** Arrived after their place was passed (or twice), let go at once. */
  late: number;
}
export type NodeStats = ProducerStats | ResequencerStats | ExchangeStats | MqttBrokerStats | QueueStats | TopicStats | { [K in RouterKind]: RouterStats<K> }[RouterKind] | ConsumerStats;

/** Where a message a node holds stands. */
export type HeldState =
  /** In a queue, waiting to be dispatched. */
  | 'ready'
  /** Dispatched by a queue, waiting for the consumer's ack. */
  | 'unacked'
  /** In a queue, not visible yet (delayMs). */
  | 'delayed'
  /** A publish waiting for room in a full queue (overflow: block). */
  | 'blocked'
  /** Being processed by a consumer. */
  | 'processing'
  /** Received by a consumer, waiting for a free processing slot. */
  | 'backlog'
  /** Held by an MQTT broker for an offline subscriber with a persistent session. */
  | 'queued';

/** One message copy as a node holds it now (the inspector's message list). */
export interface MessageView {
  /** The produced message's id, shared by its copies. */
  id: number;
  /** A copy made by a fan-out or a dead-lettering. */
  copy: boolean;
  /** Producer node id and its sequence number (from 0). */
  producer: string;
  seq: number;
  key: string | null;
  headers: Record<string, string>;
  sizeBytes: number;
  createdAtMs: number;
  /** When it expires (TTL or retention); null: never. */
  expiresAtMs: number | null;
  /** Deliveries to a consumer so far. */
  attempts: number;
  /** Made ready again after a delivery that was not acked (nack with requeue, ack timeout, consumer crash). */
  redelivered: boolean;
  /** On a dead-letter copy: why the original was dead-lettered. */
  deadLetterReason: string | null;
  /** Its dead-letterings (RabbitMQ x-death): per queue and reason, how often; latest first. */
  deaths: { queue: string; reason: string; count: number }[];
  state: HeldState;
  /** For `unacked`: the consumer it went to; for `queued`: the subscriber it waits for. */
  consumer?: string;
  /** For `unacked`: when the ack timeout makes it ready again; null: no timeout. */
  ackDeadlineMs?: number | null;
}

/** The most messages one `heldMessages` answer lists (it crosses the worker boundary). */
export const MAX_HELD_LISTED = 1000;

/** The messages a queue or consumer holds at one sim time. */
export interface NodeMessages {
  node: string;
  simTimeMs: number;
  /** How many it holds in each state (all of them, not only those listed). */
  counts: Partial<Record<HeldState, number>>;
  /** Up to the limit asked for, in the node's own order within each state. */
  messages: MessageView[];
  /** True when more are held than listed. */
  truncated: boolean;
}

/** Colour classes of dots in flight (the `colour` field of each dot in a frame). */
export const DOT_NORMAL = 0;
/** A copy made by a fan-out (topic). */
export const DOT_COPY = 1;
/** A redelivery: after a nack with requeue or an ack timeout. */
export const DOT_REDELIVERED = 2;

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
  /** Time-series samples taken since the previous frame, oldest first. */
  samples: MetricSample[];
  /** Per node, in topology.nodes order; sent about 10 times a second, absent otherwise. */
  nodeStats?: NodeStats[];
  /** Node indices (topology.nodes order) that are crashed now. */
  downNodes: number[];
  /** Edge indices (topology.edges order) that are cut now. */
  cutEdges: number[];
  /** True when the engine could not keep sim time in step with wall time x speed. */
  fallingBehind: boolean;
  /** Set when state is 'error'. */
  error?: string;
}

/** One point of the time series (every `sampleIntervalMs` of sim time). Rates are per second over the interval. */
export interface MetricSample {
  /** Sim time at the end of the interval. */
  t: number;
  producedPerSec: number;
  deliveredPerSec: number;
  lostPerSec: number;
  deadLetteredPerSec: number;
  duplicatesPerSec: number;
  /** End-to-end latency percentiles of messages delivered in the interval (0 if none). */
  latencyP50: number;
  latencyP95: number;
  latencyP99: number;
  inFlight: number;
  /** Ready messages per queue, by node id. */
  depths: Record<string, number>;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;
