/**
 * What one run of a fidelity case observed — the record both sides produce, the engine
 * (engine-side.ts) and a real broker (rabbitmq.ts, mqtt.ts, nats.ts), so compare.ts can
 * hold them side by side.
 *
 * API:
 * - `Observation`: deliveries per consumer in the order received, mandatory returns,
 *   publisher-confirm nacks, the ready messages left per queue, and what was published.
 * - `messageName(producerId, seq)`: a message's name, `<producer node id>:<seq from 0>`.
 *   Every copy of a message (fan-out, dead letter, redelivery) has its message's name.
 * - `ObservationRecorder`: collects an Observation as events come in; both sides use it.
 *
 * Only what a client of a real broker can see is recorded: a drop (overflow, unroutable,
 * expiry without a dead-letter exchange) shows as a published message nobody received.
 */

/** One dead-lettering of a message, as RabbitMQ's `x-death` header lists it (latest first). */
export interface Death {
  /** Node id of the queue that dead-lettered it. */
  queue: string;
  /** The engine's words: rejected, expired, max-length, delivery-limit. */
  reason: string;
  count: number;
}

/** One delivery a consumer received. */
export interface Delivery {
  /** `<producer>:<seq>` (see messageName). */
  message: string;
  /** The broker flagged it as a redelivery (AMQP `redelivered`). */
  redelivered: boolean;
  /** Its dead-letter history, when it arrived as a dead letter; absent otherwise. */
  deaths?: Death[];
  /** MQTT: the QoS it was delivered with, and whether it came as a retained message. */
  qos?: number;
  retained?: boolean;
}

export interface Observation {
  /** Consumer node id -> what it received, in the order received. Every consumer of the topology has an entry. */
  deliveries: Record<string, Delivery[]>;
  /** Messages returned to their publisher as unroutable (RMQ-R6 mandatory), in order. */
  returned: string[];
  /**
   * Messages whose publisher confirm was a nack (RMQ-P1: a queue refused them, RMQ-L2
   * reject-publish), in publish order; absent when none was.
   */
  nacked?: string[];
  /** Queue node id -> ready messages left in it when the run ended. */
  queued: Record<string, number>;
  /** Every message published, in publish order. */
  published: string[];
}

export function messageName(producerId: string, seq: number): string {
  return `${producerId}:${seq}`;
}

/** RabbitMQ's dead-letter reasons in the engine's words (SEMANTICS.md RMQ-D1). */
const REASON_WORDS: Readonly<Record<string, string>> = { maxlen: 'max-length', delivery_limit: 'delivery-limit' };

export function deadLetterReason(brokerReason: string): string {
  return REASON_WORDS[brokerReason] ?? brokerReason;
}

/** Collects an Observation: `consumer` ids up front, so one that received nothing shows as empty. */
export class ObservationRecorder {
  private readonly observation: Observation;

  constructor(consumerIds: readonly string[]) {
    this.observation = { deliveries: Object.fromEntries(consumerIds.map((id) => [id, []])), returned: [], queued: {}, published: [] };
  }

  published(message: string): void {
    this.observation.published.push(message);
  }

  delivered(consumer: string, delivery: Delivery): void {
    const list = this.observation.deliveries[consumer];
    if (!list) throw new Error(`delivery to "${consumer}", which is not a consumer of the case`);
    list.push(delivery);
  }

  returned(message: string): void {
    this.observation.returned.push(message);
  }

  nacked(message: string): void {
    (this.observation.nacked ??= []).push(message);
  }

  queued(queue: string, ready: number): void {
    this.observation.queued[queue] = ready;
  }

  /** How many deliveries were recorded so far, over all consumers. */
  deliveryCount(): number {
    let n = 0;
    for (const list of Object.values(this.observation.deliveries)) n += list.length;
    return n;
  }

  result(): Observation {
    return this.observation;
  }
}
