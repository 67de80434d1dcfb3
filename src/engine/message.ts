import type { Qos } from '../model/index.ts';
import type { DeadLetterReason, Fate } from './ledger/ledger.ts';

/**
 * A message copy: its content and its fate. Copies made by a fan-out or a dead-lettering
 * share `id` and have their own `uid`; each copy has exactly one fate in the ledger.
 *
 * A copy may be held in several places at once — in a queue as unacknowledged and on a
 * link to a consumer, or redelivered while a slow consumer still works on it — so it
 * counts its holders: the fate is settled when it is first processed (`delivered`), or
 * otherwise when the last holder lets go, with the reason that holder gave.
 */
export interface Message {
  /** Unique per copy. */
  uid: number;
  /** Shared by all copies of one produced message. */
  id: number;
  /** Node index of the producer. */
  producer: number;
  /** Per-producer sequence number, from 0. */
  seq: number;
  key: string | undefined;
  /** Per-producer, per-key sequence number, from 0. */
  keySeq: number;
  /** Headers from the producer's templates (shared by all copies); undefined: none. */
  headers: Readonly<Record<string, string>> | undefined;
  sizeBytes: number;
  createdAt: number;
  /** Sim time after which it must not be delivered; Infinity: never expires. */
  expiresAt: number;
  /**
   * RMQ-T1: its own time to live, from its producer (Infinity: none). A queue counts it from
   * when the message enters the queue, as RabbitMQ does, not from the publish.
   */
  ttlMs: number;
  /** Deliveries to a consumer so far. */
  attempts: number;
  /** Set when a queue makes it ready again after a delivery (nack with requeue, ack timeout). */
  redelivered: boolean;
  /** Set on a dead-letter copy: why the original was dead-lettered. */
  deadLetterReason: string | undefined;
  /**
   * Its dead-letterings so far, as RabbitMQ's x-death header keeps them: one record per
   * (queue, reason) with a count, the latest first. Bounded by queues x reasons however
   * often a message goes round.
   */
  deaths: readonly Death[] | undefined;
  /** RMQ-P2: its priority, 0 to 255 (0: none given); a priority queue dispatches higher first. */
  priority: number;
  /** MQTT QoS it was published with (0 for other protocols). */
  qos: Qos;
  /** MQTT retain flag: set on a publish to be retained, and on a retained message sent to a new subscriber. */
  retain: boolean;
  /** True for copies made by a fan-out or a dead-lettering (drawn differently). */
  isCopy: boolean;
  /**
   * What it belongs to: a reply's request id, or a split message's id shared by its parts
   * (SEMANTICS.md §1, §4, §5). Undefined: nothing.
   */
  correlationId: number | undefined;
  /** Node index a reply should go to (request-reply, scatter-gather); -1: none. */
  replyTo: number;
  /** A splitter's part: its place 1..partCount; 0 when it is not a part. */
  partIndex: number;
  partCount: number;
  /** An aggregate completed by its timeout with parts missing. */
  partial: boolean;
  /**
   * Messages folded into this one (an aggregate's parts, a gatherer's replies). They were
   * copies with fates of their own, so they settle with this one's fate: delivered when it
   * is, lost when it is lost. Each carries one hold, owned by this message.
   */
  carried: Message[] | undefined;
  /** Envelopes wrapped around it, innermost first (SEMANTICS.md §5 envelope wrapper); undefined: none. */
  envelopes: readonly EnvelopeLayer[] | undefined;
  /** Survives a crash of a durable queue (AMQP delivery mode 2). */
  persistent: boolean;
  /** Its `expiresAt` comes from a queue's retention limit (deleted, never dead-lettered), not a TTL. */
  expiryIsRetention: boolean;

  holders: number;
  settled: boolean;
  /** The fate to settle with when the last holder lets go unprocessed. */
  pendingFate: Fate | undefined;
}

/** What one envelope added, so that unwrapping takes off exactly that. */
export interface EnvelopeLayer {
  bytes: number;
  /** Each envelope header with the value it covered (undefined: the message had no such header). */
  covered: readonly (readonly [name: string, value: string | undefined])[];
}

export interface Death {
  /** Node index of the queue that dead-lettered it. */
  queue: number;
  reason: DeadLetterReason;
  count: number;
}

/**
 * One traversal: a message on a link (or, with edge -1, moved directly to a node, as a
 * dead letter is). It carries one of the message's holds.
 */
export interface Envelope {
  /** Index in the simulation's table of live envelopes. */
  slot: number;
  msg: Message;
  /** The edge it travels, or -1 for a direct move to `target`. */
  edge: number;
  target: number;
  departAt: number;
  arriveAt: number;
  /** Position in the list of envelopes on links (for O(1) removal), or -1. */
  linkPos: number;
  /** A QoS 2 resend of a publish the receiver already has (it keeps one by packet id). */
  protocolRepeat: boolean;
  /** Set when it will not arrive: the link's loss draw, or a cut of an unordered link. */
  doomedBy: 'link-loss' | 'partition' | undefined;
  /** Sim time after which a partition stops holding it, when parked on a cut ordered link. */
  holdUntil: number;
  /** The dispatching queue's delivery tag, or -1 when no ack is expected. */
  deliveryTag: number;
  /** Sent as a redelivery. */
  redelivery: boolean;
  /** Which delivery of the message this is (1 = first); 0 when not a queue's delivery. */
  attempt: number;
  /** The producer (node index) that wants a publisher confirm for it, or -1. */
  confirmTo: number;
  /** The confirm of the publish it is a part of, when an exchange passed it on. */
  receipt: Receipt | undefined;
}

/**
 * A publisher confirm in the making: the publish and every part an exchange passed on must
 * be done with (accepted, refused, or lost beyond the first hop) before it goes back.
 */
export interface Receipt {
  /** The producer's link, which the confirm travels back over. */
  edge: number;
  producer: number;
  /** The published message's uid (what the producer waits on). */
  uid: number;
  pending: number;
  /** A part was refused (reject-publish, an ACL): the confirm is a nack. */
  nack: boolean;
  /** A part was dropped before it was accepted (a crash): no confirm ever comes. */
  silent: boolean;
}
