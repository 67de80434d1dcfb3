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
  /** RMQ-Q2: a transient queue is deleted at its restart; what arrives after is lost:unroutable. */
  deleted: boolean;
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
  /** Copies kept now for durable subscribers that are down. */
  kept: number;
  /** Copies a non-durable subscriber missed while it was down (lost:subscriber-offline). */
  missed: number;
  /** Kept copies dropped, oldest first, because a durable subscription held its maximum (lost:overflow). */
  overflowed: number;
}
/** One partition of a Kafka topic's log (K-1, K-6). */
export interface KafkaPartitionStats {
  /** Offset of the oldest record kept (the log start). */
  startOffset: number;
  /** The high watermark: the offset the next replicated record gets; consumers read below it. */
  endOffset: number;
  /** Records kept now (fewer than end - start once compaction removed some). */
  records: number;
  bytes: number;
}
/** One consumer in a Kafka consumer group. */
export interface KafkaMemberStats {
  /** The consumer's node id. */
  consumer: string;
  /** In the group now: its link is open and it is not crashed. */
  live: boolean;
  /** Records fetched (handed to it), per partition, repeats after a rebalance included. */
  fetched: number[];
}
/** A consumer group reading a Kafka topic (K-2, K-3). */
export interface KafkaGroupStats {
  group: string;
  /** Per partition: the committed offset, where the group resumes after a rebalance. */
  committed: number[];
  /** Per partition: the consumer (node id) it is assigned to; null while none is. */
  owners: (string | null)[];
  /** Records readable and not yet committed, all partitions together. */
  lag: number;
  /** Assignments so far: the first, then one per member that left (crashed) or came. */
  rebalances: number;
  members: KafkaMemberStats[];
}
export interface KafkaTopicStats {
  kind: 'kafka-topic';
  /** Records that arrived (resends included). */
  received: number;
  /** Records written to the partition leader. */
  appended: number;
  /** Written and not yet replicated: consumers cannot read them, a leader crash loses them (K-4). */
  unreplicated: number;
  /** K-5: resent records already written, dropped by the idempotent producer check. */
  duplicatesDropped: number;
  /** K-5: records that came ahead of a missing earlier one from their producer and were held back for it. */
  outOfSequence: number;
  /** K-4: records the leader had not replicated (or held back) when it crashed: lost. */
  lostInCrash: number;
  /** K-6: records deleted by retention (age or size). */
  deletedByRetention: number;
  /** K-6: records a compacted topic removed for a newer one with the same key. */
  compacted: number;
  /** Keyless records a compacted topic refused (Kafka: a compacted topic needs keys). */
  refused: number;
  partitions: KafkaPartitionStats[];
  groups: KafkaGroupStats[];
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
  /** Messages it could not process, moved to its invalid-message channel (dead-lettered: invalid). */
  invalid: number;
  /** Processed and passed on to its output (a processing step, not a final consumer). */
  forwarded: number;
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
  /** RMQ-Q2: bindings lost at restarts (a transient exchange loses all; a durable one those to transient queues). */
  bindingsLost: number;
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
/** A NATS server, core NATS (SEMANTICS.md §11): it keeps nothing, so it counts only what passed. */
export interface NatsServerStats {
  kind: 'nats-server';
  received: number;
  /** Copies sent to subscriptions: plain ones, and one member per matching queue group. */
  copiesOut: number;
  /** Of those, sent to a queue group member (N-3). */
  toQueueGroups: number;
  /** Publishes no subscription took, discarded (N-1, lost:unroutable). */
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
export interface SplitterStats {
  kind: 'splitter';
  received: number;
  /** Parts sent on. */
  out: number;
  /** Parts with nowhere to go (no output: unroutable). */
  dropped: number;
}
export interface AggregatorStats {
  kind: 'aggregator';
  received: number;
  /** Aggregates sent on, and messages that were not parts (passed on as they came). */
  out: number;
  /** Sent on with nowhere to go (no output: unroutable). */
  dropped: number;
  /** Groups collecting now. */
  open: number;
  /** Parts held now, in open groups. */
  held: number;
  /** Groups completed at their size. */
  completed: number;
  /** Groups the timeout completed with parts missing: aggregates flagged partial. */
  partial: number;
  /** Parts that came after their group's aggregate had gone (lost:late-part). */
  late: number;
  /** Repeats of a part already in its group (a redelivery, a duplicating link), kept once. */
  duplicates: number;
  /** Parts that came after a higher-numbered part of the same group. */
  outOfOrder: number;
}
/** What every message transformation node of SEMANTICS.md §5 counts. */
interface TransformStats {
  received: number;
  out: number;
  /** Let go with nowhere to go (no output: unroutable). */
  dropped: number;
  /** Bytes of the messages that came in, and of those sent on: the size on the wire before and after. */
  bytesIn: number;
  bytesOut: number;
}
export interface TranslatorStats extends TransformStats {
  kind: 'translator';
}
export interface ContentEnricherStats extends TransformStats {
  kind: 'content-enricher';
  /** Lookups in progress now. */
  busy: number;
  /** Messages waiting for a free lookup. */
  waiting: number;
  /** Lookups that failed (lost:enrichment-failed). */
  failed: number;
}
export interface ContentFilterStats extends TransformStats {
  kind: 'content-filter';
  /** Headers taken off, over all messages. */
  headersRemoved: number;
}
export interface EnvelopeWrapperStats extends TransformStats {
  kind: 'envelope-wrapper';
  /** Envelopes put on (wrap) or taken off (unwrap). */
  envelopes: number;
  /** unwrap: messages that came without an envelope, passed on unchanged. */
  notWrapped: number;
}
export interface ClaimCheckStats extends TransformStats {
  kind: 'claim-check';
  checkedIn: number;
  checkedOut: number;
  /** Bodies in its store now (the same on every node of the store). */
  parked: number;
  /** check-out: tokens whose body was not in the store (lost:claim-missing). */
  missing: number;
  /** check-in: bodies it parked that the store's retention deleted before anyone took them. */
  expired: number;
  /** check-in: bodies it parked that its crash deleted (a store that is not durable). */
  crashed: number;
  /** check-in: body bytes kept off the wire (each body's size less the token's), summed. */
  bytesSaved: number;
}
/** A ZeroMQ socket (SEMANTICS.md §10). A pipe holds what was sent to one peer and not yet processed by it. */
export interface ZmqSocketStats {
  kind: 'zmq-socket';
  /** Messages the application sent into the socket. */
  received: number;
  /** Messages (PUB: copies) put into a pipe to a peer. */
  sent: number;
  /** Peers connected now (their link open and the handshake done, ZMQ-4). */
  peers: number;
  /** PUB: subscribers that got no copy because none of their prefixes matched the key. */
  unsubscribed: number;
  /** PUB, ROUTER: copies dropped because the peer's pipe was at its high-water mark (lost:hwm-drop). */
  hwmDropped: number;
  /** PUB: no subscriber connected and matching; ROUTER: no connected peer by the key's identity (lost:unroutable). */
  unroutable: number;
  /** PUSH, DEALER: sends waiting now for room in a pipe. */
  blocked: number;
  /** PUSH, DEALER: sends that had to wait, all told. */
  blockedTotal: number;
  /** The longest a send has waited for room so far (one still waiting included), in ms. */
  waitMaxMs: number;
  /** Messages in all pipes now. */
  inPipes: number;
  /** Per peer (node id): messages in its pipe now. */
  pipeDepth: Record<string, number>;
  /** Per peer (node id): the most its pipe has held at once. */
  pipeMax: Record<string, number>;
  /** Messages in the pipe of a peer that crashed, lost with it (lost:crash). */
  lostToCrash: number;
}
/** A requester (SEMANTICS.md §4, ZMQ-2). */
export interface RequesterStats {
  kind: 'requester';
  /** Requests sent (first sends; resends are `retries`). */
  sent: number;
  /** Resends of a request whose reply did not come within the timeout. */
  retries: number;
  /** Replies that answered a request it was waiting on. */
  replies: number;
  /** Waits that ran out (each is followed by a resend or by giving up). */
  timeouts: number;
  /** Requests given up after the last resend went unanswered. */
  gaveUp: number;
  /** Replies to a request already answered or given up: discarded (lost:late-reply). */
  lateReplies: number;
  /** Requests waiting for a reply now. */
  outstanding: number;
  /** It has requests left to send but may not: `maxOutstanding` are outstanding, or no output is open. */
  blocked: boolean;
  /** Sim time the oldest outstanding request was first sent; null when none waits. */
  waitingSinceMs: number | null;
  /** Round trip from first send to reply, over the answered requests (0 before any). */
  rttMeanMs: number;
  rttP95Ms: number;
  rttMaxMs: number;
}
/** A replier (service activator; ZeroMQ REP). */
export interface ReplierStats {
  kind: 'replier';
  /** Requests received, repeats included. */
  requests: number;
  /** Replies sent. */
  replies: number;
  /** Requests it had processed before (a resend whose first reply was lost or late): processed again. */
  duplicates: number;
  /** Requests that failed and got no reply. */
  failed: number;
  /** Replies with no way back to the requester (no link to it and not exactly one output): lost:unroutable. */
  unroutable: number;
  /** Requests being processed now. */
  busy: number;
  /** Requests waiting for a free processing slot. */
  backlog: number;
}
/** A scatter-gather (SEMANTICS.md §5, NN-1 survey). */
export interface ScatterGatherStats {
  kind: 'scatter-gather';
  /** Requests received, each one survey. */
  surveys: number;
  /** Copies of requests sent to respondents. */
  asked: number;
  /** Replies collected in time. */
  answers: number;
  /** Replies after their survey completed: discarded (lost:late-reply). */
  late: number;
  /** Respondents with no reply by the deadline, summed over surveys. */
  missing: number;
  /** Surveys completed by the deadline (a respondent missing), not by every answer. */
  completedAtDeadline: number;
  /** Aggregates sent. */
  results: number;
  /** Aggregates with nowhere to go (no result output, no link to the reply-to): lost:unroutable. */
  unroutable: number;
  /** Surveys collecting now. */
  open: number;
}
export type NodeStats = KafkaTopicStats | ZmqSocketStats | ProducerStats | ResequencerStats | SplitterStats | AggregatorStats | ExchangeStats | MqttBrokerStats | NatsServerStats | QueueStats | TopicStats | { [K in RouterKind]: RouterStats<K> }[RouterKind] | ConsumerStats | TranslatorStats | ContentEnricherStats | ContentFilterStats | EnvelopeWrapperStats | ClaimCheckStats | RequesterStats | ReplierStats | ScatterGatherStats;

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
  /** Held by an MQTT broker for an offline subscriber with a persistent session, or by a topic for a durable subscriber that is down. */
  | 'queued'
  /** A part an aggregator holds until its group completes. */
  | 'collecting';

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
  /** RMQ-P2: its priority (0: none given). */
  priority: number;
  /** Its dead-letterings (RabbitMQ x-death): per queue and reason, how often; latest first. */
  deaths: { queue: string; reason: string; count: number }[];
  state: HeldState;
  /** For `unacked`: the consumer it went to; for `queued`: the subscriber it waits for. */
  consumer?: string;
  /** For `unacked`: when the ack timeout makes it ready again; null: no timeout. */
  ackDeadlineMs?: number | null;
  /** What it belongs to: the split message's id for a part or an aggregate (SEMANTICS.md §5). */
  correlationId?: number;
  /** A splitter's part: its place and the count, as "2/4". */
  part?: string;
  /** An aggregate the timeout completed with parts missing. */
  partial?: boolean;
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
  /**
   * The message id of each dot, in the order of `dots` (what a click on a dot traces).
   * The session always sends it; frames made by hand (tests) may leave it out.
   */
  dotMessages?: Float64Array;
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
  /** While running toward a stop time (run to a time, replay): where it started and where it stops. */
  goal: RunGoal | null;
  /** Set when state is 'error'. */
  error?: string;
}

/** A run toward a stop time: `fast` runs as fast as possible (run to a time), else at wall time x speed (replay). */
export interface RunGoal {
  fromMs: number;
  toMs: number;
  fast: boolean;
}

/** One node's part of a metric sample; rates are per second over the interval. */
export interface NodeSample {
  /** Messages that came in (received, requests, ...). */
  inPerSec: number;
  /** Messages it passed on, dispatched, processed or produced. */
  outPerSec: number;
  /** Messages it holds now (ready in a queue, busy + backlog in a consumer, ...); 0 for a kind that holds none. */
  held: number;
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
  /** Counts so far (not rates): lost and dead-lettered by reason, duplicates, and reorders seen by consumers. */
  lostByReason: Record<string, number>;
  deadLetteredByReason: Record<string, number>;
  duplicates: number;
  reorders: number;
  /** Per node, by node id. */
  nodes: Record<string, NodeSample>;
}

/** "Step to the next delivery" gives up after this many events (a topology that never delivers). */
export const MAX_EVENTS_TO_DELIVERY = 1_000_000;

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;

/**
 * What happened to a message copy at one moment, as the event log records it. The hop
 * kinds: `created` (a producer made it), `copied` (a fan-out or dead-letter copy),
 * `derived` (made from another message: a part, a reply, an aggregate), `sent` on a link,
 * `dispatched` by a queue to a consumer, `redelivered` (a queue's delivery after one that
 * was not acked), `arrived` at a node, `acked` / `nacked` at its queue. The fate kinds:
 * `delivered` (first processing at a final consumer or step), `duplicate` (processed
 * again), `lost`, `dead-lettered`, `rejected`, with a reason.
 */
export type TraceEventKind =
  | 'created'
  | 'copied'
  | 'derived'
  | 'sent'
  | 'dispatched'
  | 'redelivered'
  | 'arrived'
  | 'acked'
  | 'nacked'
  | 'delivered'
  | 'duplicate'
  | 'lost'
  | 'dead-lettered'
  | 'rejected';

/** The fate kinds of `TraceEventKind`: what the event log's fate filter chooses among. */
export const TRACE_FATES = ['delivered', 'duplicate', 'lost', 'dead-lettered', 'rejected'] as const;
export type TraceFate = (typeof TRACE_FATES)[number];

/** One row of the event log. */
export interface TraceEvent {
  /** Its number in the run's recording order, from 0 (stable while it stays in the log). */
  seq: number;
  t: number;
  kind: TraceEventKind;
  /** Where it happened: the node (a link's sender for `sent`), or null. */
  node: string | null;
  /** The link: the one travelled (`sent`, `dispatched`, `redelivered`), or arrived by; null when none. */
  edge: string | null;
  /** The produced message's id, shared by its copies. */
  message: number;
  /** The copy's own number, unique in the run: a message's copies share `message` and differ here. */
  copy: number;
  /** Which delivery from a queue this was (1 = first); 0 when not a queue's delivery. */
  attempt: number;
  /** A fate's reason (`link-loss`, `expired`, ...), a nack's `requeue`/`reject`, or null. */
  reason: string | null;
  /** `derived`: the message it was made from. */
  from?: number;
}

/** What the event log shows: every filter is optional; all given must match. */
export interface EventQuery {
  node?: string;
  fate?: TraceFate;
  reason?: string;
}

/** One page of the events that match a query, oldest first. */
export interface EventPage {
  /** Events in the log that match (the page is a slice of them). */
  total: number;
  /** Index of the page's first event among the matches. */
  offset: number;
  events: TraceEvent[];
  /** Every reason the log has met in this run, sorted (for the reason filter). */
  reasons: string[];
  /** Events recorded this run that the bounded log no longer holds (the oldest go first). */
  forgotten: number;
}

/** One hop of a message's trace: the event, with the headers the copy carried then. */
export interface TraceHop extends TraceEvent {
  headers: Record<string, string>;
}

/** A message's history, as far as the event log still holds it. */
export interface MessageTrace {
  id: number;
  /** Producer node id and its sequence number, key, creation time; null when the log no longer holds its start. */
  producer: string | null;
  seq: number | null;
  key: string | null;
  createdAtMs: number | null;
  /** Every event of the message and its copies the log holds, oldest first. */
  hops: TraceHop[];
  /** False when its first events have left the bounded log: the hops start part way. */
  complete: boolean;
  /** Per copy, its fate event (none while it is still in flight or held). */
  fates: TraceHop[];
}

/** Events the app's event log keeps (the oldest go first). */
export const EVENT_LOG_CAPACITY = 50_000;
/** The most events one `events` page may carry across the worker boundary. */
export const MAX_EVENT_PAGE = 500;
