import type { NodeKind } from './schema.ts';

/** A messaging system whose rules a preset sets up. */
export type Flavour = 'RabbitMQ' | 'AWS SQS' | 'AWS SNS' | 'MQTT' | 'NATS' | 'Kafka' | 'ZeroMQ';

/**
 * A node of one kind with the settings that make it behave as a named system does by
 * default — "this is an SQS FIFO queue" — so a user need not know which fields to set.
 * It is a starting point: once dropped, it is an ordinary node and every field stays
 * editable.
 */
export interface FlavourPreset {
  id: string;
  flavour: Flavour;
  label: string;
  kind: NodeKind;
  /** Merged over the kind's defaults (validated like any node). */
  config: Record<string, unknown>;
  /** The label a dropped node gets where the system constrains names (SQS-2: an SQS FIFO queue's ends in .fifo); absent: "<flavour> <label>". */
  nodeLabel?: string;
  /** What it sets, and which rule each setting is (SEMANTICS.md IDs), for the palette's tooltip. */
  explanation: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** SQS-6: 1 MiB in today's API. */
const SQS_MAX_MESSAGE_BYTES = 1_048_576;

export const FLAVOUR_PRESETS: readonly FlavourPreset[] = [
  {
    id: 'rabbitmq-classic-queue',
    flavour: 'RabbitMQ',
    label: 'Classic queue',
    kind: 'queue',
    config: { ordering: 'fifo', durable: true, overflow: 'drop-head', ackTimeoutMs: 30 * MINUTE },
    explanation:
      'A durable classic queue: FIFO dispatch, round-robin over consumers within their prefetch (RMQ-C4, RMQ-C5), drop-head on overflow (RMQ-L2), redelivers forever (RMQ-D2); an unacked delivery comes back after the 30 min consumer timeout.',
  },
  {
    id: 'rabbitmq-quorum-queue',
    flavour: 'RabbitMQ',
    label: 'Quorum queue',
    kind: 'queue',
    // RabbitMQ's delivery-limit (20 by default in 4.x) counts redeliveries: the first delivery and 20 more.
    config: { ordering: 'fifo', durable: true, overflow: 'drop-head', ackTimeoutMs: 30 * MINUTE, maxDeliveries: 21 },
    explanation:
      'A quorum queue: always durable (RMQ-Q2); a message redelivered 20 times (the default delivery-limit) is dead-lettered with delivery-limit after its 21st delivery, or dropped without a dead-letter target (RMQ-D2). Mark its messages persistent at the producer: quorum queues keep every message.',
  },
  {
    id: 'rabbitmq-topic-exchange',
    flavour: 'RabbitMQ',
    label: 'Topic exchange',
    kind: 'exchange',
    config: { type: 'topic' },
    explanation: 'Routes by binding patterns on the links to its queues: * is one word, # zero or more (RMQ-R4).',
  },
  {
    id: 'rabbitmq-fanout-exchange',
    flavour: 'RabbitMQ',
    label: 'Fanout exchange',
    kind: 'exchange',
    config: { type: 'fanout' },
    explanation: 'A copy to every bound queue; the routing key is ignored (RMQ-R3).',
  },
  {
    id: 'rabbitmq-publisher',
    flavour: 'RabbitMQ',
    label: 'Publisher with confirms',
    kind: 'producer',
    config: { persistent: true, confirms: true, retryAfterMs: 5_000 },
    explanation:
      'Publishes persistent messages (delivery mode 2, RMQ-Q2) with publisher confirms (RMQ-P1), resending what is not confirmed within 5 s — which can duplicate.',
  },
  {
    id: 'sqs-standard-queue',
    flavour: 'AWS SQS',
    label: 'Standard queue',
    kind: 'queue',
    config: {
      ordering: 'best-effort',
      durable: true,
      ackTimeoutMs: 30_000,
      retentionMs: 4 * DAY,
      maxMessageBytes: SQS_MAX_MESSAGE_BYTES,
    },
    explanation:
      'At least once with occasional duplicates and out-of-order receives (SQS-1), a 30 s visibility timeout (SQS-4), 4 days retention and a 1 MiB size limit (SQS-6). Set maxDeliveries and a dead-letter target for a redrive policy (SQS-7).',
  },
  {
    id: 'sqs-fifo-queue',
    flavour: 'AWS SQS',
    label: 'FIFO queue',
    nodeLabel: 'queue.fifo',
    kind: 'queue',
    config: {
      ordering: 'per-group',
      deduplication: 'message-id',
      dedupWindowMs: 5 * MINUTE,
      durable: true,
      ackTimeoutMs: 30_000,
      retentionMs: 4 * DAY,
      maxMessageBytes: SQS_MAX_MESSAGE_BYTES,
    },
    explanation:
      'Strict order per message group (the key), one message of a group in flight at a time (SQS-2), a 5-minute deduplication window (SQS-3), a 30 s visibility timeout, 4 days retention, 1 MiB messages.',
  },
  {
    id: 'sqs-poller',
    flavour: 'AWS SQS',
    label: 'Long-polling consumer',
    kind: 'consumer',
    config: { receive: 'poll', batchSize: 10, waitTimeMs: 20_000, pollIntervalMs: 1_000, prefetch: 10, concurrency: 10 },
    explanation: 'ReceiveMessage with up to 10 messages and 20 s long polling (SQS-5); deletes a message after processing it.',
  },
  {
    id: 'sns-topic',
    flavour: 'AWS SNS',
    label: 'SNS topic',
    kind: 'topic',
    config: {},
    explanation: 'A copy per subscription (SNS-1); put a filter policy on a subscriber’s link to choose by headers (SNS-2).',
  },
  {
    id: 'mqtt-mosquitto',
    flavour: 'MQTT',
    label: 'Mosquitto broker',
    kind: 'mqtt-broker',
    config: { maxQueuedMessages: 1_000, queueQos0: false },
    explanation:
      'Mosquitto’s defaults: up to 1000 QoS 1/2 messages queued per offline persistent session, QoS 0 not queued (MQ-4). Subscriptions and their QoS live on the links to subscribers.',
  },
  {
    id: 'mqtt-client-qos1',
    flavour: 'MQTT',
    label: 'Client, QoS 1',
    kind: 'producer',
    config: { qos: 1, resendAfterMs: 1_000, keepAliveMs: 60_000 },
    explanation: 'Publishes at QoS 1: resent until PUBACK, so at least once with possible duplicates (MQ-1); keep-alive 60 s.',
  },
  {
    id: 'nats-server',
    flavour: 'NATS',
    label: 'NATS server',
    kind: 'nats-server',
    config: {},
    nodeLabel: 'NATS server',
    explanation:
      'Core NATS: at most once, nothing kept — a publish no subscription matches is discarded (N-1). Put each subscriber’s subject (* one token, > one or more, last: N-2) and optional queue group (each message to one member: N-3) on its link.',
  },
  {
    id: 'kafka-topic',
    flavour: 'Kafka',
    label: 'Topic, acks=all',
    kind: 'kafka-topic',
    config: { partitions: 3, acks: 'all', idempotence: true, retentionMs: 7 * DAY, cleanupPolicy: 'delete' },
    explanation:
      'Three partitions, the key picking one by murmur2 (K-1); each consumer group reads every record, one member per partition (K-2); reading deletes nothing, 7 days retention (K-3, K-6); acks=all and the idempotent producer (K-4, K-5). Put the group and the commit mode on the links to consumers.',
  },
  {
    id: 'kafka-compacted-topic',
    flavour: 'Kafka',
    label: 'Compacted topic',
    kind: 'kafka-topic',
    config: { partitions: 3, cleanupPolicy: 'compact' },
    explanation: 'Keeps only the latest record per key (K-6 compaction); a keyless record is refused.',
  },
  {
    id: 'zeromq-pub',
    flavour: 'ZeroMQ',
    label: 'PUB socket',
    kind: 'zmq-socket',
    config: { pattern: 'pub', sendHwm: 1_000 },
    explanation:
      'A copy to every subscriber whose prefixes (on its link) start the key; at a subscriber’s high-water mark of 1000 (ZMQ-1) its copy is dropped, and PUB never waits (ZMQ-3). A subscriber still connecting misses what is published (ZMQ-4).',
  },
  {
    id: 'zeromq-push',
    flavour: 'ZeroMQ',
    label: 'PUSH socket',
    kind: 'zmq-socket',
    config: { pattern: 'push', sendHwm: 1_000 },
    explanation: 'Round-robin over its PULL peers with room; when every pipe holds 1000 (ZMQ-1) the send waits: nothing is dropped (ZMQ-5).',
  },
  {
    id: 'zeromq-dealer',
    flavour: 'ZeroMQ',
    label: 'DEALER socket',
    kind: 'zmq-socket',
    config: { pattern: 'dealer', sendHwm: 1_000 },
    explanation: 'Round-robin over its peers, and waits when every pipe is at its high-water mark of 1000 (ZMQ-6).',
  },
  {
    id: 'zeromq-router',
    flavour: 'ZeroMQ',
    label: 'ROUTER socket',
    kind: 'zmq-socket',
    config: { pattern: 'router', sendHwm: 1_000 },
    explanation: 'Sends each message to the peer its key names (the identity frame); an unknown peer or a full pipe drops it silently (ZMQ-6).',
  },
  {
    id: 'zeromq-req',
    flavour: 'ZeroMQ',
    label: 'REQ socket',
    kind: 'requester',
    config: { maxOutstanding: 1 },
    explanation:
      'Strictly send, receive, send, receive, round-robin over the services it links to; no timeout, so a lost request or reply leaves it waiting for ever (ZMQ-2). Link the service back to it for the replies.',
  },
  {
    id: 'zeromq-lazy-pirate',
    flavour: 'ZeroMQ',
    label: 'REQ with Lazy Pirate retries',
    kind: 'requester',
    config: { maxOutstanding: 1, timeoutMs: 2_500, maxRetries: 3 },
    explanation:
      'A REQ client that waits 2.5 s for each reply, then sends the same request again, up to 3 times (the zguide’s Lazy Pirate): it no longer stalls, but the server may process a request twice.',
  },
  {
    id: 'zeromq-rep',
    flavour: 'ZeroMQ',
    label: 'REP socket',
    kind: 'replier',
    config: { concurrency: 1 },
    explanation: 'Takes one request at a time and replies to the requester it came from (ZMQ-2).',
  },
];

export function presetById(id: string): FlavourPreset | undefined {
  return FLAVOUR_PRESETS.find((preset) => preset.id === id);
}
