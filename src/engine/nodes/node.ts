import type { NodeKind, NodeOfKind, Qos, Topology } from '../../model/index.ts';
import type { RandomStream } from '../core/random.ts';
import type { DeadLetterReason, Fate, Ledger } from '../ledger/ledger.ts';
import type { Message } from '../message.ts';
import type { HeldState, NodeStats } from '../session-types.ts';

/**
 * What a node behaviour may ask of the simulation.
 *
 * Holds: a node that receives a message receives one hold on it, and must either pass it
 * on (`send`, `deadLetter`) or give it up (`release`). A node that keeps a message while
 * also sending it (a queue waiting for an ack) takes an extra hold first.
 */
export interface SimContext {
  readonly now: number;
  readonly ledger: Ledger;
  readonly topology: Topology;
  /** Who watches the run's deliveries, if anyone (see SimulationObserver). */
  readonly observer: SimulationObserver | undefined;
  /** Edge indices leaving a node, in topology order. */
  outputs(node: number): readonly number[];
  /** Node index at the far end of an edge. */
  targetOf(edge: number): number;
  /** Node index at the near end of an edge. */
  sourceOf(edge: number): number;
  /** The node's own random stream. */
  rng(node: number): RandomStream;
  /** Put a message on a link with the caller's hold; it arrives after the link's latency. */
  send(edge: number, msg: Message, options?: SendOptions): void;
  /**
   * Send with MQTT QoS (MQ-1) over a lossy link: 0 is `send`; 1 and 2 are resent every
   * `resendAfterMs` until acknowledged — a lost acknowledgement makes a second delivery,
   * which at QoS 2 the receiver drops. The caller's hold goes with it.
   */
  sendQos(edge: number, msg: Message, qos: Qos, resendAfterMs: number): void;
  /** Call the node's `timer(payload, tag)` after `delayMs` of sim time. */
  schedule(delayMs: number, node: number, payload: number, tag: number): void;
  /** A new message from a producer; the caller holds it. */
  newMessage(producer: number, seq: number, key: string | undefined, keySeq: number, sizeBytes: number, expiresAt: number): Message;
  /** A fan-out copy: same id and content, its own fate; the caller holds it. */
  copyMessage(msg: Message): Message;
  /**
   * A new message made by node `node` from `base` (a splitter's part, a reply, an
   * aggregate): its own id, `node` as its producer with sequence `seq`, the base's key,
   * headers, size and creation time (so latency is end to end); the caller holds it.
   */
  deriveMessage(node: number, seq: number, base: Message): Message;
  /**
   * Folds `parts` into `vehicle` (an aggregate): the caller's holds on the parts pass to it,
   * and each part settles with the vehicle's fate.
   */
  carry(vehicle: Message, parts: readonly Message[]): void;
  /** Take one more hold on a message. */
  hold(msg: Message): void;
  /** Give up one hold; `fate` is what becomes of the copy if nobody else holds it. */
  release(msg: Message, fate?: Fate): void;
  /**
   * Processing completed: the copy's delivery if it was not delivered before (returns
   * true), otherwise a duplicate (returns false). Does not release the caller's hold.
   */
  processed(msg: Message): boolean;
  /**
   * Give up the caller's hold as dead-lettered and move a dead-letter copy to `target`,
   * recording the death at queue `from`; `routingKey` replaces the copy's key when given.
   */
  deadLetter(msg: Message, reason: DeadLetterReason, target: number, from: number, routingKey?: string): void;
  /**
   * Move a message the caller holds straight to node `target`, arriving now, with no link
   * (RMQ-R1: the default exchange reaches every queue by its name, linked or not).
   */
  sendDirect(target: number, msg: Message): void;
  /** RMQ-R6 mandatory: an unroutable message goes back to its producer (fate `rejected`); the caller's hold ends. */
  returnToProducer(msg: Message): void;
  /** Acknowledge delivery `deliveryTag` of `msg` to the queue it came from (recorded in the event log). */
  ack(queue: number, deliveryTag: number, msg: Message): void;
  /** Refuse delivery `deliveryTag` of `msg` to its queue: requeue it, or reject it (recorded in the event log). */
  nack(queue: number, deliveryTag: number, requeue: boolean, msg: Message): void;
  /** Tell the producer a queue refused its message (reject-publish). */
  refused(msg: Message): void;
  /**
   * Called while receiving: the message is not accepted yet (a blocked publish), so its
   * publisher confirm, if one is wanted, waits for `publishSettled`.
   */
  confirmLater(msg: Message): void;
  /**
   * A publish held by `confirmLater` is settled: accepted (its confirm goes back now), or
   * not (a crash closed the connection: no confirm ever comes).
   */
  publishSettled(msg: Message, accepted: boolean): void;
  /** Runtime of another node (e.g. a queue reading a consumer's prefetch). */
  runtime(node: number): NodeRuntime;
  /** True while a node is crashed. */
  isDown(node: number): boolean;
  /** False before a link's `activeFromMs`: nothing may be sent on it yet. */
  isOpen(edge: number): boolean;
  /**
   * Channel ACL: true when the node at the near end of input `edge` may publish to `node`
   * (a direct move, edge -1, always may). A denied message is dealt with here — dropped as
   * `lost:denied`, or refused back to its producer — and the caller must not touch it again.
   */
  admit(node: number, edge: number, msg: Message): boolean;
  /** Channel ACL: true when the node at the far end of output `edge` may receive from `node`. */
  mayConsume(node: number, edge: number): boolean;
  /**
   * Crash a node now, as a fault would (applied after the other events of this instant),
   * restarting it after `restartAfterMs`. Not part of the given fault schedule: the run's
   * own behaviour caused it, so a replay causes it again.
   */
  crash(node: number, restartAfterMs: number): void;
}

/**
 * Callbacks for a harness that watches what a run does message by message (the fidelity
 * tests compare them with a real broker). Unset, each costs one check where it happens.
 */
export interface SimulationObserver {
  /** Consumer node `consumer` receives `msg`; `redelivered` is this delivery's flag (RMQ-C2). */
  delivered(consumer: number, msg: Message, redelivered: boolean): void;
  /** An exchange returned a mandatory `msg` to its producer (RMQ-R6). */
  returned(msg: Message): void;
  /** A queue refused `msg`, published with confirms: its confirm is a nack (RMQ-P1, RMQ-L2 reject-publish). Once per publish. */
  nacked?(msg: Message): void;
}

export interface HeldMessage {
  msg: Message;
  state: HeldState;
  /** For `unacked`: the output edge it went out on, and its ack deadline (Infinity: none). */
  edge?: number;
  ackDeadline?: number;
  /** For one delivery (unacked, or at a consumer): its attempt number and flag, not the message's latest. */
  attempt?: number;
  redelivered?: boolean;
}

export interface HeldMessages {
  counts: Partial<Record<HeldState, number>>;
  entries: HeldMessage[];
}

/** Lists what a node holds: `add` takes a state's count and its items lazily, up to the limit. */
export function heldList(limit: number): {
  add<T>(state: HeldState, count: number, items: (take: number) => Iterable<T>, view: (item: T) => HeldMessage): void;
  result: HeldMessages;
} {
  const result: HeldMessages = { counts: {}, entries: [] };
  return {
    result,
    add(state, count, items, view) {
      if (count === 0) return;
      result.counts[state] = (result.counts[state] ?? 0) + count;
      const room = limit - result.entries.length;
      if (room <= 0) return;
      for (const item of items(room)) {
        if (result.entries.length >= limit) break;
        result.entries.push(view(item));
      }
    },
  };
}

export interface SendOptions {
  /** The dispatching queue's delivery tag, when it expects an ack. */
  deliveryTag?: number;
  redelivery?: boolean;
  /** Which delivery of the message this is (1 = first), as the dispatching queue counted it. */
  attempt?: number;
  /** The sender wants a publisher confirm back (delivered to its `timer` with CONFIRM_ACK / CONFIRM_NACK). */
  confirm?: boolean;
}

/** Timer tags by which the simulation delivers a publisher confirm (payload: the message uid). */
export const CONFIRM_ACK = 100;
export const CONFIRM_NACK = 101;

export interface NodeRuntime {
  readonly kind: NodeKind;
  /** Called once when the run starts. */
  start?(): void;
  /**
   * A message arrives on input `edge` (-1: moved directly, as a dead letter is), with a
   * delivery tag when the sending queue expects an ack (else -1), and whether the queue
   * sent it as a redelivery, and which delivery of it this is (0 when not from a queue).
   * The message's own `attempts` may have moved on by the time it arrives (the queue
   * redelivered it meanwhile): `attempt` is this delivery's.
   */
  receive(msg: Message, edge: number, deliveryTag: number, redelivery: boolean, attempt: number): void;
  /**
   * True when delivery `tag` on output `edge` belongs to a consumer connection that has
   * since closed (a crash): RabbitMQ discards such deliveries, the queue took them back.
   */
  deliveryClosed?(edge: number, tag: number): boolean;
  /**
   * An exchange routes a message the caller holds (RMQ-R6 alternate exchanges): sends it to
   * the matching queues and returns true, or returns false with the hold still the caller's.
   * `chain` lists the exchanges already tried, so a loop of alternates ends.
   */
  route?(msg: Message, chain: readonly number[]): boolean;
  /** A timer this node scheduled fires. */
  timer?(payload: number, tag: number): void;
  /**
   * A polling consumer on output `edge` asks for up to `batch` messages, waiting up to
   * `waitMs` for a first one (SQS ReceiveMessage). A newer request replaces an open one.
   */
  poll?(edge: number, batch: number, waitMs: number): void;
  /** A consumer acknowledged a delivery of this queue. */
  acked?(deliveryTag: number): void;
  /** A consumer refused a delivery of this queue: requeue it, or reject it. */
  nacked?(deliveryTag: number, requeue: boolean): void;
  /** A queue refused a message this producer sent. */
  refusedByQueue?(): void;
  /** An exchange returned a message this producer sent as mandatory and nothing took (RMQ-R6). */
  returnedByExchange?(): void;
  /** How many unacknowledged messages a queue may hand this node; Infinity = no limit. */
  readonly prefetchLimit?: number;
  /** True when this node acks on delivery, so a queue forgets a message once dispatched. */
  readonly autoAck?: boolean;
  /** True when this node asks for messages (`poll`) instead of having them pushed. */
  readonly polls?: boolean;
  /** The node crashes: it loses what is not durable (SEMANTICS.md §3 durability, RMQ-C2, RMQ-Q2). */
  crash?(): void;
  /** The node is back after a crash. */
  restart?(): void;
  /** RMQ-Q2: true once the node no longer exists (a transient queue after its restart): nothing routes to it. */
  deleted?(): boolean;
  /** The node at the far end of output `edge` crashed (a consumer: its unacked deliveries return). */
  outputDown?(edge: number): void;
  /** The node at the far end of output `edge` is back, or the link has just opened (`activeFromMs`). */
  outputUp?(edge: number): void;
  /**
   * A message this node sent on output `edge` reached its target after the target went
   * down. Return true to take it back (the caller's hold comes with it), false to let it
   * be lost as the simulation would.
   */
  undeliverable?(edge: number, msg: Message): boolean;
  /**
   * A message this node sent on output `edge` (with `deliveryTag`, -1 when none) will never
   * arrive: the link lost it, or a partition dropped it. Its traversal's hold is already
   * given up, with that fate; a sender counting what its peer holds learns it here.
   */
  lostOnLink?(edge: number, deliveryTag: number): void;
  /** The node at the near end of input `edge` crashed, or the link was cut (an MQTT client gone without DISCONNECT). */
  inputDown?(edge: number): void;
  /** The node at the near end of input `edge` is back, or the link healed. */
  inputUp?(edge: number): void;
  /** How many messages wait at this node (a load balancer's least-loaded measure). */
  load?(): number;
  /** Messages a channel holds ready, front first (for inspection, not for the run). */
  contents?(): readonly Message[];
  /**
   * Everything the node holds, state by state in its own order, for inspection: each
   * state's count, and up to `limit` entries in all.
   */
  held?(limit: number): HeldMessages;
  stats(): NodeStats;
  /**
   * Takes a new config of the same kind from now on, mid-run (an inspector edit while it
   * runs). Returns the name of the first changed setting this runtime cannot apply live —
   * then nothing changed and the run must restart — or undefined when all of it applied.
   * Absent: no setting of this kind applies live.
   */
  reconfigure?(config: unknown): string | undefined;
}

/**
 * The first setting that differs between `current` and `next` and is not among `live`
 * (the ones a runtime reads afresh each time it uses them); undefined when there is none.
 */
export function settingNeedingReset(current: object, next: object, live: ReadonlySet<string>): string | undefined {
  const a = current as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!live.has(key) && JSON.stringify(a[key]) !== JSON.stringify(b[key])) return key;
  }
  return undefined;
}

/** A node kind's behaviour: pure simulation, joined with its view in the UI registry. */
export interface NodeDefinition<K extends NodeKind> {
  kind: K;
  create(node: NodeOfKind<K>, index: number, sim: SimContext): NodeRuntime;
}

export function defineNode<K extends NodeKind>(definition: NodeDefinition<K>): NodeDefinition<K> {
  return definition;
}
