import { z } from 'zod';
import { MAX_MESSAGE_BYTES } from './limits.ts';
import { WATCHABLE_STATS } from './watchable-stats.ts';

export { MAX_MESSAGE_BYTES };

/** The format tag this build writes. Older tags are migrated on load (see load.ts). */
export const FORMAT = 'msgflow/1';
export const FORMAT_VERSION = 1;

const finite = () => z.number().finite();
const nonNegative = () => finite().min(0);
const positive = () => finite().positive();

// A year of sim time: anything longer is a typo, and keeps sums far from float trouble.
const MAX_MS = 365 * 24 * 3600 * 1000;
const duration = () => nonNegative().max(MAX_MS, `at most ${MAX_MS} ms (one year)`);

/** A distribution of a duration in milliseconds. */
export const distributionSchema = z
  .discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('fixed'), value: duration() }),
    z
      .strictObject({ dist: z.literal('uniform'), min: duration(), max: duration() })
      .refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] }),
    z.strictObject({ dist: z.literal('exponential'), mean: duration() }),
    z.strictObject({
      dist: z.literal('normal'),
      mean: duration(),
      stddev: duration(),
      /** Draws below this are clamped up to it (msgflow default 0: no negative durations). */
      min: duration().default(0),
    }),
    z
      .strictObject({
        dist: z.literal('empirical'),
        /**
         * Measured percentiles, e.g. p0 2 ms, p50 8 ms, p99 40 ms, p100 120 ms: from p 0 to
         * p 100, p increasing, values not decreasing; draws interpolate linearly between them.
         */
        percentiles: z.array(z.strictObject({ p: finite().min(0).max(100), value: duration() })).min(2).max(100),
      })
      .superRefine((d, ctx) => {
        const points = d.percentiles;
        if (points[0]!.p !== 0) ctx.addIssue({ code: 'custom', path: ['percentiles', 0, 'p'], message: 'the first percentile must be p 0 (the minimum)' });
        if (points.at(-1)!.p !== 100) {
          ctx.addIssue({ code: 'custom', path: ['percentiles', points.length - 1, 'p'], message: 'the last percentile must be p 100 (the maximum)' });
        }
        for (let i = 1; i < points.length; i++) {
          if (points[i]!.p <= points[i - 1]!.p) ctx.addIssue({ code: 'custom', path: ['percentiles', i, 'p'], message: 'percentiles must increase' });
          if (points[i]!.value < points[i - 1]!.value) {
            ctx.addIssue({ code: 'custom', path: ['percentiles', i, 'value'], message: 'values must not decrease as p increases' });
          }
        }
      }),
  ])
  .describe('a distribution: fixed, uniform, exponential, normal or empirical');

export const rateSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('constant'), perSecond: positive().max(1_000_000) }),
  z.strictObject({ dist: z.literal('poisson'), perSecond: positive().max(1_000_000) }),
  /** On/off: evenly spaced at `perSecond` for `onMs`, then silent for `offMs`, repeating. */
  z.strictObject({
    dist: z.literal('bursts'),
    perSecond: positive().max(1_000_000),
    onMs: positive().max(MAX_MS, `at most ${MAX_MS} ms (one year)`),
    offMs: duration(),
  }),
]);


/** A union's "Invalid input" in words: the distribution's own problem for an object, else what is expected. */
function messageSizeError(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const inner = issue.input !== null && typeof issue.input === 'object' ? issue.errors[1]?.[0] : undefined;
  if (inner) return inner.path.length > 0 ? `${inner.path.join('.')}: ${inner.message}` : inner.message;
  return 'expected a whole number of bytes, or a distribution such as { "dist": "exponential", "mean": 512 }';
}

/** A message size: a whole number of bytes, or a distribution of bytes (draws rounded to whole bytes, at least 0). */
export const messageSizeSchema = z.union([z.number().int().min(0).max(MAX_MESSAGE_BYTES), distributionSchema], {
  error: messageSizeError,
});

/** Placeholders a header value may contain, filled per message. */
export const HEADER_PLACEHOLDERS = ['seq', 'key'] as const;
export const MAX_HEADERS = 50;
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Header templates: name -> value; `{seq}` (the producer's sequence number, from 0) and
 * `{key}` (the message key, empty without one) are filled per message.
 */
export const headersSchema = z.record(z.string(), z.string()).superRefine((headers, ctx) => {
  const names = Object.keys(headers);
  if (names.length > MAX_HEADERS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_HEADERS} headers (${names.length} given)` });
  for (const name of names) {
    const path = [name];
    if (name.trim() === '') ctx.addIssue({ code: 'custom', path, message: 'a header name must not be empty' });
    else if (name.length > 100) ctx.addIssue({ code: 'custom', path, message: 'a header name is at most 100 characters' });
    else if (/[:\r\n]/.test(name)) ctx.addIssue({ code: 'custom', path, message: 'a header name cannot contain ":" or a line break' });
    const value = headers[name]!;
    if (value.length > 1000) ctx.addIssue({ code: 'custom', path, message: 'a header value is at most 1000 characters' });
    else if (/[\r\n]/.test(value)) ctx.addIssue({ code: 'custom', path, message: 'a header value cannot contain a line break' });
    for (const [, placeholder] of value.matchAll(PLACEHOLDER)) {
      if (!(HEADER_PLACEHOLDERS as readonly string[]).includes(placeholder!)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown placeholder {${placeholder}}: use {seq} or {key}` });
      }
    }
  }
});

/** MQTT quality of service (MQ-1). */
export const qosSchema = z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'QoS is 0, 1 or 2' });
export type Qos = z.infer<typeof qosSchema>;

/** MQTT Last Will (MQ-5): what the broker publishes for a client that vanished without a DISCONNECT. */
export const willSchema = z.strictObject({
  topic: z
    .string()
    .min(1, 'must not be empty')
    .max(255)
    .refine((t) => !/[+#]/.test(t), { message: 'a topic name has no wildcards: + and # belong in filters' }),
  qos: qosSchema.default(0),
  retain: z.boolean().default(false),
});

export const producerConfigSchema = z.strictObject({
  rate: rateSchema.default({ dist: 'constant', perSecond: 5 }),
  /** Message keys, assigned round-robin in send order (or drawn by `keyWeights`). Empty: no key. */
  keys: z.array(z.string().max(200)).max(1000).default([]),
  /** One weight per key: keys are drawn at random in these proportions instead of round-robin. */
  keyWeights: z.array(nonNegative()).max(1000).optional(),
  /**
   * RMQ-P2 message priorities (0-255), assigned round-robin in send order (or drawn by
   * `priorityWeights`); one value is a fixed priority. Empty: no priority (0).
   */
  priorities: z.array(z.number().int().min(0).max(255)).max(1000).default([]),
  /** One weight per priority: priorities are drawn at random in these proportions instead of round-robin. */
  priorityWeights: z.array(nonNegative()).max(1000).optional(),
  /** Header templates stamped on each message (`{seq}`, `{key}` filled in). */
  headers: headersSchema.default({}),
  /** Bytes per message: a whole number, or a distribution (draws rounded, at least 0). */
  sizeBytes: messageSizeSchema.default(256),
  /** Stop after this many messages; absent: produce for the whole run. */
  limit: z.number().int().min(0).max(1e9).optional(),
  /** Sim time of the first send. */
  startMs: duration().default(0),
  /** Persistent messages (AMQP delivery mode 2) survive a restart of a durable queue. */
  persistent: z.boolean().default(false),
  /** Per-message time to live, counted from when the message enters a queue (RMQ-T1); absent: no expiry. A queue's own TTL may be lower. */
  ttlMs: duration().optional(),
  /** Publisher confirms: the channel acks (or nacks) each message back over the link. */
  confirms: z.boolean().default(false),
  /** With confirms: send the same message again when no confirm came within this long; absent: never. */
  retryAfterMs: duration().optional(),
  /** With confirms and a retry time: resends before giving up. */
  maxRetries: z.number().int().min(0).max(1_000).default(3),
  /** RMQ-R6 mandatory: a message no exchange binding takes is returned to the producer instead of dropped. */
  mandatory: z.boolean().default(false),
  /**
   * MQTT QoS of its publishes (MQ-1): 0 is sent once and may be lost; 1 is resent until
   * acknowledged (a lost acknowledgement makes a duplicate); 2 is resent too, and the
   * receiver keeps each message once.
   */
  qos: qosSchema.default(0),
  /** With QoS 1 or 2: resend an unacknowledged publish after this long (msgflow default 1 s; above 0, or resends never let time pass). */
  resendAfterMs: positive().max(MAX_MS).default(1_000),
  /** MQTT retain flag (MQ-3): the broker keeps the last one per topic for later subscribers. */
  retain: z.boolean().default(false),
  /** MQTT Last Will (MQ-5), published by its broker when it disconnects abnormally. */
  will: willSchema.optional(),
  /** MQTT keep-alive: its broker notices it is gone 1.5 x this after it fell silent. */
  keepAliveMs: positive().max(MAX_MS).default(60_000),
}).superRefine((c, ctx) => {
  if (c.confirms && c.qos > 0) {
    ctx.addIssue({ code: 'custom', path: ['qos'], message: 'publisher confirms and MQTT QoS are two ways to the same end: use one (confirms off, or QoS 0)' });
  }
  if (c.keyWeights !== undefined) {
    const path = ['keyWeights'];
    if (c.keyWeights.length !== c.keys.length) {
      ctx.addIssue({ code: 'custom', path, message: `needs one weight per key: ${c.keys.length} keys, ${c.keyWeights.length} weights` });
    } else if (!c.keyWeights.some((w) => w > 0)) {
      ctx.addIssue({ code: 'custom', path, message: 'at least one key weight must be above 0' });
    }
  }
  if (c.priorityWeights !== undefined) {
    const path = ['priorityWeights'];
    if (c.priorityWeights.length !== c.priorities.length) {
      ctx.addIssue({ code: 'custom', path, message: `needs one weight per priority: ${c.priorities.length} priorities, ${c.priorityWeights.length} weights` });
    } else if (!c.priorityWeights.some((w) => w > 0)) {
      ctx.addIssue({ code: 'custom', path, message: 'at least one priority weight must be above 0' });
    }
  }
  if (typeof c.sizeBytes === 'object') {
    const tooBig = `at most ${MAX_MESSAGE_BYTES} bytes`;
    if (c.sizeBytes.dist === 'empirical') {
      c.sizeBytes.percentiles.forEach((point, i) => {
        if (point.value > MAX_MESSAGE_BYTES) ctx.addIssue({ code: 'custom', path: ['sizeBytes', 'percentiles', i, 'value'], message: tooBig });
      });
    }
    for (const [param, value] of Object.entries(c.sizeBytes)) {
      if (typeof value === 'number' && value > MAX_MESSAGE_BYTES) {
        ctx.addIssue({ code: 'custom', path: ['sizeBytes', param], message: tooBig });
      }
    }
  }
});

const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits and _ . : - only');

const count = () => z.number().int().min(1).max(1e9);

/**
 * Who may use a channel (EIP channel access control). A list left out allows everyone. A
 * publisher is the node linking into the channel; a consumer the node it links to.
 */
export const aclSchema = z.strictObject({
  /** Node ids allowed to publish to it; absent: anyone. */
  publishers: z.array(idSchema).max(1_000).optional(),
  /** Node ids allowed to receive from it (queue, topic, MQTT broker); absent: anyone. */
  consumers: z.array(idSchema).max(1_000).optional(),
  /** A denied publish is dropped (`lost:denied`) or refused back to its producer (`rejected`, the producer told). */
  onDenied: z.enum(['drop', 'reject']).default('drop'),
});

export const OVERFLOW_POLICIES = ['drop-head', 'reject-publish', 'reject-publish-dlx', 'block'] as const;

export const QUEUE_ORDERINGS = ['fifo', 'best-effort', 'per-group'] as const;

export const queueConfigSchema = z.strictObject({
  /**
   * `fifo`: strict arrival order. `best-effort` (SQS Standard-like): now and then out of
   * order, rarely twice. `per-group` (SQS FIFO MessageGroupId, Kafka key): order per key,
   * and while a key has a message unacknowledged no other message of that key is dispatched.
   */
  ordering: z.enum(QUEUE_ORDERINGS).default('fifo'),
  /** best-effort: chance that a dispatch skips the head for the message behind it (msgflow default 1%). */
  outOfOrderProbability: finite().min(0).max(1).default(0.01),
  /** best-effort: chance that a dispatched message is also delivered a second time (msgflow default 0.1%). */
  duplicateProbability: finite().min(0).max(1).default(0.001),
  /** Most ready messages held (unacked ones do not count); absent: unbounded. */
  maxLength: count().optional(),
  /** Most bytes of ready messages held; absent: unbounded. */
  maxBytes: count().optional(),
  /** What a full queue does with a new message. */
  overflow: z.enum(OVERFLOW_POLICIES).default('drop-head'),
  /**
   * A dispatched, unacknowledged message becomes ready again after this long, like SQS's
   * visibility timeout (whose own default is 30 s). Absent: it waits for its ack for ever.
   */
  ackTimeoutMs: duration().optional(),
  /** Deliveries allowed before the next redelivery dead-letters it (`delivery-limit`). */
  maxDeliveries: count().optional(),
  /** Time to live of every message in this queue; the lower of this and the message's own applies. */
  messageTtlMs: duration().optional(),
  /** SQS DelaySeconds (0-900 s): a message is invisible for this long after it arrives. */
  delayMs: duration().default(0),
  /** Node id of the queue, topic or exchange that dead letters go to; absent: they are lost. */
  deadLetterTarget: idSchema.optional(),
  /** RMQ-D1: the routing key dead letters are published with (to an exchange); absent: their own key. */
  deadLetterRoutingKey: z.string().max(255).optional(),
  /**
   * RMQ-Q2: a durable queue keeps its persistent messages across a crash; everything else is
   * lost, and a transient queue is deleted at its restart, with its bindings.
   */
  durable: z.boolean().default(false),
  /**
   * RMQ-P2 classic priority queue (`x-max-priority`, 1-255): higher priorities are dispatched
   * first, FIFO within one; a priority above this counts as this. Absent: no priorities.
   */
  maxPriority: z.number().int().min(1).max(255).optional(),
  /** How long a message may stay in the queue at most (SQS retention: 4 days default, 1 min to 14 days); absent: for ever. */
  retentionMs: duration().optional(),
  /**
   * SQS FIFO deduplication: a message whose id (`message-id`) or content (`content`: key,
   * headers and size) was accepted within the window is accepted again but not delivered.
   */
  deduplication: z.enum(['none', 'message-id', 'content']).default('none'),
  /** The deduplication window (SQS: 5 minutes). */
  dedupWindowMs: duration().default(300_000),
  /**
   * SQS-6: the largest message accepted, in bytes (SQS: 1 MiB today, 256 KiB in older
   * material); a larger one is refused back to its producer. Absent: no limit.
   */
  maxMessageBytes: count().max(MAX_MESSAGE_BYTES).optional(),
  acl: aclSchema.optional(),
});

export const topicConfigSchema = z.strictObject({
  acl: aclSchema.optional(),
});

/** K-4: what a write waits for: nothing (0), the partition leader (1), every in-sync replica (all). */
export const KAFKA_ACKS = ['0', '1', 'all'] as const;
/** K-6: Kafka's cleanup.policy values. */
export const KAFKA_CLEANUP_POLICIES = ['delete', 'compact', 'compact,delete'] as const;

/**
 * A Kafka topic (SEMANTICS.md §9): a log split into partitions. A keyed record goes to
 * partition murmur2(key) mod partitions (K-1), a keyless one to a sticky partition that
 * changes per batch; reading deletes nothing (K-3), retention and compaction do (K-6). Its
 * consumer groups are on its links to consumers (the edge's `kafka`).
 */
export const kafkaTopicConfigSchema = z.strictObject({
  /** msgflow default 3, enough to see keys spread and order held per partition. */
  partitions: z.number().int().min(1).max(1_000).default(3),
  /**
   * K-4, the producers' acks (a producer setting in Kafka; msgflow keeps it with the topic):
   * `all` (Kafka's default) confirms once the record is replicated, `1` once the leader has
   * it, `0` confirms nothing (its producers must not ask for confirms).
   */
  acks: z.enum(KAFKA_ACKS).default('all'),
  /** How long a record takes to reach the followers; only then can consumers read it (msgflow default 5 ms). */
  replicationLagMs: duration().default(5),
  /** K-5 enable.idempotence (default on): a resent record already in the log is dropped, and order is kept. */
  idempotence: z.boolean().default(true),
  /** Keyless records stick to one partition until this many bytes went there (Kafka batch.size, 16384). */
  batchBytes: z.number().int().min(1).max(MAX_MESSAGE_BYTES).default(16_384),
  /** K-6: `delete` by age and size, `compact` keeps the last record per key, or both. */
  cleanupPolicy: z.enum(KAFKA_CLEANUP_POLICIES).default('delete'),
  /** K-6 retention.ms: records older than this are deleted (Kafka: 7 days). */
  retentionMs: duration().default(7 * 24 * 3600 * 1000),
  /** K-6 retention.bytes, per partition: the oldest records go while a partition holds more; absent: no limit. */
  retentionBytes: count().optional(),
});

/** K-3: when a consumer commits a record's offset. */
export const KAFKA_COMMITS = ['after-processing', 'before-processing'] as const;

/** On a link from a Kafka topic to a consumer: the consumer's group and how it commits (K-2, K-3). */
export const kafkaMembershipSchema = z.strictObject({
  /** group.id; absent: the consumer is a group of its own, named by its id. */
  group: z.string().trim().min(1, 'must not be empty').max(255).optional(),
  /** `after-processing`: at least once (a crash repeats); `before-processing`: at most once (a crash loses). */
  commit: z.enum(KAFKA_COMMITS).default('after-processing'),
  /** After processing, offsets are committed this often (Kafka auto.commit.interval.ms, 5 s); 0: after each record. */
  commitIntervalMs: duration().default(5_000),
  /** Where a group that joins after records were written starts: the log's end (Kafka's default) or its start. */
  offsetReset: z.enum(['latest', 'earliest']).default('latest'),
});

export const EXCHANGE_TYPES = ['direct', 'fanout', 'topic', 'headers', 'default'] as const;

/**
 * A RabbitMQ exchange (SEMANTICS.md §6): routes each message to the queues whose binding
 * (on the link to the queue) matches it, one copy per queue. `default` is the default
 * exchange: a message goes to the linked queue whose id equals its routing key (RMQ-R1).
 */
export const exchangeConfigSchema = z.strictObject({
  type: z.enum(EXCHANGE_TYPES).default('direct'),
  /** RMQ-R6: the exchange that takes what no binding matches; absent: unroutable. */
  alternateExchange: idSchema.optional(),
  /**
   * RMQ-Q2: a binding survives a restart only if both ends are durable. A transient exchange
   * comes back from a restart with no bindings; a durable one keeps those to durable queues.
   */
  durable: z.boolean().default(true),
  /** Who may publish to it (`consumers` does not apply: queues bind to an exchange). */
  acl: aclSchema.optional(),
}).refine((c) => c.durable || c.type !== 'default', { message: 'the default exchange is always durable (RMQ-R1)', path: ['durable'] });

/**
 * An MQTT broker (SEMANTICS.md §7): routes each publish by its topic (the producer's key)
 * to the subscribers (links to consumers) whose filters match, at the lower of the publish
 * and subscription QoS; keeps retained messages; queues for offline persistent sessions;
 * publishes Last Wills.
 */
export const mqttBrokerConfigSchema = z.strictObject({
  /** Messages queued per offline persistent-session subscriber; the excess is dropped (Mosquitto: 1000). */
  maxQueuedMessages: count().default(1_000),
  /** Queue QoS 0 messages for offline persistent sessions too (Mosquitto `queue_qos0_messages`, default false). */
  queueQos0: z.boolean().default(false),
  /** With QoS 1 or 2: resend an unacknowledged delivery after this long (msgflow default 1 s; above 0). */
  resendAfterMs: positive().max(MAX_MS).default(1_000),
  /** Who may publish and subscribe (Mosquitto's ACL file, by client). */
  acl: aclSchema.optional(),
});

/** A topic filter with its granted QoS; `$share/<group>/<filter>` is an MQTT 5 shared subscription (MQ-8). */
export const mqttFilterSchema = z.strictObject({
  filter: z
    .string()
    .min(1, 'must not be empty')
    .max(255)
    .refine((f) => isValidMqttFilter(sharedFilterParts(f)?.filter ?? f), {
      message: 'not a valid MQTT filter: + and # stand for a whole level, and # only last',
    }),
  qos: qosSchema.default(0),
});

/** On a link from an MQTT broker to a consumer: the consumer's subscriptions and session. */
export const subscriptionSchema = z.strictObject({
  filters: z.array(mqttFilterSchema).min(1, 'a subscription needs at least one filter').max(100),
  /** MQ-4: a clean session keeps nothing while the subscriber is offline; a persistent one queues QoS 1 and 2. */
  cleanSession: z.boolean().default(true),
});

/** `$share/<group>/<filter>` split into its group and filter; undefined for a plain filter. */
export function sharedFilterParts(filter: string): { group: string; filter: string } | undefined {
  const match = /^\$share\/([^/+#]+)\/(.+)$/.exec(filter);
  return match ? { group: match[1]!, filter: match[2]! } : undefined;
}

/** MQ-6 filter syntax: `#` only as the whole last level, `+` only as a whole level. */
export function isValidMqttFilter(filter: string): boolean {
  if (filter === '') return false;
  const parts = filter.split('/');
  return parts.every((part, i) => (part.includes('#') ? part === '#' && i === parts.length - 1 : !part.includes('+') || part === '+'));
}

/**
 * A NATS server (SEMANTICS.md §11, core NATS): routes each publish by its subject (the
 * producer's key) to the subscriptions on its links to consumers — at most once, keeping
 * nothing (N-1): a message no subscription matches is discarded (`lost:unroutable`).
 */
export const natsServerConfigSchema = z.strictObject({
  /** Who may publish and subscribe (NATS authorization permissions, by client). */
  acl: aclSchema.optional(),
});

/**
 * N-2 subject syntax for a subscription: `.`-separated tokens, none empty, no whitespace;
 * `*` and `>` only as whole tokens, `>` only last. Returns the problem, or undefined.
 */
export function natsSubjectProblem(subject: string): string | undefined {
  if (subject === '') return 'must not be empty';
  if (/\s/.test(subject)) return 'a subject has no spaces';
  const tokens = subject.split('.');
  if (tokens.some((t) => t === '')) return 'a subject has no empty tokens (no leading, trailing or double dots)';
  const bad = tokens.find((t) => t.length > 1 && (t.includes('*') || t.includes('>')));
  if (bad !== undefined) return `"${bad}": * and > stand for a whole token`;
  if (tokens.slice(0, -1).includes('>')) return '> matches the rest of the subject: it comes last only';
  return undefined;
}

/** On a link from a NATS server to a consumer: the consumer's subscription (N-2), in a queue group or not (N-3). */
export const natsSubscriptionSchema = z.strictObject({
  subject: z
    .string()
    .max(255)
    .superRefine((subject, ctx) => {
      const problem = natsSubjectProblem(subject);
      if (problem) ctx.addIssue({ code: 'custom', message: `not a valid NATS subject: ${problem}` });
    }),
  /** Subscriptions with the same subject and queue group share its messages: each goes to one member (N-3). */
  queueGroup: z
    .string()
    .min(1, 'must not be empty (leave it out for a plain subscription)')
    .max(255)
    .regex(/^\S+$/, 'a queue group name has no spaces')
    .optional(),
});

/** A condition on a message: every part given must hold (none given: always). */
export const conditionSchema = z.strictObject({
  /** The key equals this; `*` in it stands for any run of characters (`order.*`, `*-eu`). */
  key: z.string().max(255).optional(),
  /** Each of these headers is present with this value. */
  headers: z.record(z.string().min(1).max(100), z.string().max(1000)).default({}),
});

/** Content-based router (SEMANTICS.md §5): the first rule that holds picks the output; else the default; else unroutable. */
export const contentRouterConfigSchema = z.strictObject({
  rules: z.array(z.strictObject({ when: conditionSchema, to: idSchema })).max(100).default([]),
  /** The output for a message no rule takes; absent: it is `lost:unroutable`. */
  defaultTo: idSchema.optional(),
});

/** Message filter: passes what the condition accepts to its one output; the rest is `lost:filtered`. */
export const messageFilterConfigSchema = z.strictObject({
  accept: conditionSchema.default({ headers: {} }),
});

/** Recipient list: a copy to each listed output (all outputs when the list is empty). */
export const recipientListConfigSchema = z.strictObject({
  recipients: z.array(idSchema).max(1_000).default([]),
});

/** Wire tap: the message goes on to its main output; a copy goes to the tap, never affecting the main flow. */
export const wireTapConfigSchema = z.strictObject({
  /** The output that gets the copies; absent: no tap yet, everything goes on. */
  tapTo: idSchema.optional(),
});

export const BALANCING_STRATEGIES = ['round-robin', 'random', 'least-loaded'] as const;

/** Load balancer: each message to one output, by strategy (least-loaded: fewest waiting at the target). */
export const loadBalancerConfigSchema = z.strictObject({
  strategy: z.enum(BALANCING_STRATEGIES).default('round-robin'),
});

/**
 * Resequencer (SEMANTICS.md §5): holds messages and lets them go in sequence order — per
 * producer, or per producer and key — waiting up to `gapTimeoutMs` for a missing one
 * before skipping it; with `bufferSize` messages held, it lets the lowest go at once.
 */
export const resequencerConfigSchema = z.strictObject({
  sequence: z.enum(['producer', 'key']).default('producer'),
  gapTimeoutMs: duration().default(1_000),
  bufferSize: count().max(1_000_000).default(100),
});

/** A requester's own pace: evenly spaced or Poisson (SEMANTICS.md §4). */
export const requestRateSchema = z.strictObject({
  dist: z.enum(['constant', 'poisson']),
  perSecond: positive().max(1_000_000),
});

/**
 * Requester (SEMANTICS.md §4 request-reply, ZMQ-2): sends requests, each with its own id as
 * correlation id and itself as reply-to, round-robin over its outputs; at most
 * `maxOutstanding` wait for a reply at once (1: lockstep, a ZeroMQ REQ socket). With a
 * timeout it resends the same request up to `maxRetries` times, then gives up; without one
 * it waits for ever. A reply no request waits for any more is discarded (`lost:late-reply`).
 */
export const requesterConfigSchema = z.strictObject({
  /** Requests to send; absent: for the whole run. */
  limit: z.number().int().min(0).max(1e9).optional(),
  /**
   * A request falls due at this rate, and waits while `maxOutstanding` are outstanding.
   * Absent: the next request goes as soon as a reply (or giving up) makes room.
   */
  rate: requestRateSchema.optional(),
  /** Requests waiting for a reply at once; 1 is lockstep (ZeroMQ REQ). */
  maxOutstanding: count().max(1_000_000).default(1),
  /** How long to wait for a reply before resending or giving up; absent or 0: for ever (ZMQ-2). */
  timeoutMs: duration().optional(),
  /** With a timeout: resends of the same request before giving up. */
  maxRetries: z.number().int().min(0).max(1_000).default(3),
  sizeBytes: z.number().int().min(0).max(MAX_MESSAGE_BYTES).default(256),
  /** The key every request carries; absent: none. */
  key: z.string().max(200).optional(),
  /** Sim time of the first request. */
  startMs: duration().default(0),
});

/**
 * Replier (a service activator; ZeroMQ REP): processes each request for a drawn time, up to
 * `concurrency` at once, then sends a reply with the request's correlation id to the node
 * the request names as reply-to (over the link to it), or else over its only output (a reply
 * queue). With `failureProbability` a request gets no answer.
 */
export const replierConfigSchema = z.strictObject({
  processingMs: distributionSchema.default({ dist: 'fixed', value: 100 }),
  concurrency: z.number().int().min(1).max(10_000).default(1),
  /** Chance that a request fails and gets no reply. */
  failureProbability: finite().min(0).max(1).default(0),
  replySizeBytes: z.number().int().min(0).max(MAX_MESSAGE_BYTES).default(256),
});

/**
 * Scatter-gather (SEMANTICS.md §5; NN-1 survey): sends a copy of each request to every
 * output except the result's, collects the replies by correlation id until `deadlineMs` or
 * until every respondent answered, then sends one aggregate carrying them (flagged partial
 * when some did not answer) to `resultTo`, or back to the request's reply-to. Replies after
 * that are discarded and counted.
 */
export const scatterGatherConfigSchema = z.strictObject({
  /** NN-1: how long replies are collected (nanomsg's default 1000 ms). */
  deadlineMs: positive().max(MAX_MS).default(1_000),
  /** The output the aggregate goes to; absent: back to the request's reply-to, over the link to it. */
  resultTo: idSchema.optional(),
});

/** The most parts a splitter makes of one message, and an aggregator waits for (msgflow). */
export const MAX_SPLIT_PARTS = 1_000;

/**
 * Splitter (SEMANTICS.md §5): each message becomes N parts that share its id as their
 * correlation id, numbered 1..N. N is `parts`, or the whole number in the header
 * `partsHeader` when the message carries one from 1 to MAX_SPLIT_PARTS. A part weighs
 * `partSizeBytes`, or an even share of the message (absent).
 */
export const splitterConfigSchema = z.strictObject({
  parts: z.number().int().min(1).max(MAX_SPLIT_PARTS).default(4),
  partsHeader: z
    .string()
    .min(1, 'must not be empty')
    .max(100, 'a header name is at most 100 characters')
    .refine((name) => name.trim() !== '' && !/[:\r\n]/.test(name), { message: 'a header name is not blank and has no ":" or line break' })
    .optional(),
  partSizeBytes: z.number().int().min(0).max(MAX_MESSAGE_BYTES).optional(),
});

/**
 * Aggregator (SEMANTICS.md §5): collects parts by correlation id and emits one aggregate
 * when `completionSize` parts are in (absent, and at most: all N of the split), or when
 * `completionTimeoutMs` has passed since the group's first part (then flagged partial).
 * The aggregate weighs `aggregateSizeBytes`, or the sum of its parts (absent).
 */
export const aggregatorConfigSchema = z.strictObject({
  completionSize: z.number().int().min(1).max(MAX_SPLIT_PARTS).optional(),
  completionTimeoutMs: duration().default(5_000),
  aggregateSizeBytes: z.number().int().min(0).max(MAX_MESSAGE_BYTES).optional(),
});

export const ZMQ_PATTERNS = ['pub', 'push', 'dealer', 'router'] as const;

/** A ZeroMQ high-water mark: messages per pipe to one peer; 0 means no limit, as in libzmq. */
const highWaterMark = () => z.number().int().min(0).max(1e9);

/**
 * A ZeroMQ socket (SEMANTICS.md §10): the sending side of a pattern, fed by the application
 * it lives in; each link goes to one peer (a SUB, a PULL, a DEALER/ROUTER's other end) over
 * its own pipe. `pub` copies each message to every connected subscriber whose prefixes match
 * its key and drops the copy for a full pipe (ZMQ-3); `push` and `dealer` send each message
 * to the next peer with room, round-robin, and make the send wait while every pipe is full
 * (ZMQ-5, ZMQ-6); `router` sends each message to the peer its key names, dropping it when
 * that pipe is full or no such peer is connected (ZMQ-6).
 */
export const zmqSocketConfigSchema = z.strictObject({
  pattern: z.enum(ZMQ_PATTERNS).default('pub'),
  /**
   * ZMQ_SNDHWM (ZMQ-1, default 1000): messages a pipe holds for one peer — sent to it and not
   * yet processed by it — before the pattern drops or blocks; 0 is no limit.
   */
  sendHwm: highWaterMark().default(1_000),
  /**
   * ZMQ_RCVHWM of the peers (ZMQ-1, libzmq's default 1000): the room of their receive queues,
   * added to each pipe's (a pipe holds SNDHWM + RCVHWM; 0 is no limit). Absent: the pipe is
   * bounded by `sendHwm` alone.
   */
  receiveHwm: highWaterMark().optional(),
  /**
   * ZMQ-4: the connection handshake. A peer gets nothing until this long after its link
   * opens or it restarts (msgflow default 5 ms).
   */
  connectDelayMs: duration().default(5),
});

/** A header name a translator lists (to rename, remove or keep), by the rules of header templates' names. */
const headerNameSchema = z
  .string()
  .min(1, 'a header name must not be empty')
  .max(100, 'a header name is at most 100 characters')
  .refine((name) => name.trim() !== '' && !/[:\r\n]/.test(name), { message: 'a header name is not blank and has no ":" or line break' });

/** A whole number of bytes a translator sets or adds. */
const byteCount = () => z.number().int().min(0).max(MAX_MESSAGE_BYTES);

/** A routing key template: `{seq}` and `{key}` filled per message, as in header templates. */
const keyTemplateSchema = z
  .string()
  .max(255)
  .superRefine((template, ctx) => {
    for (const [, placeholder] of template.matchAll(PLACEHOLDER)) {
      if (!(HEADER_PLACEHOLDERS as readonly string[]).includes(placeholder!)) {
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {${placeholder}}: use {seq} or {key}` });
      }
    }
  });

/**
 * Message translator (SEMANTICS.md §5): maps each message's headers — renamed first, then
 * removed, then set (`{seq}`, `{key}` filled from the message as it came) — and its size:
 * round(size x sizeFactor + sizeAddBytes), at least 0; optionally a new routing key.
 */
export const translatorConfigSchema = z.strictObject({
  setHeaders: headersSchema.default({}),
  /** Old name -> new name; a header the message lacks is left alone. */
  renameHeaders: z
    .record(headerNameSchema, headerNameSchema)
    .superRefine((renames, ctx) => {
      const entries = Object.entries(renames);
      if (entries.length > MAX_HEADERS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_HEADERS} renames (${entries.length} given)` });
      const seen = new Set<string>();
      for (const [from, to] of entries) {
        if (seen.has(to)) ctx.addIssue({ code: 'custom', path: [from], message: `two headers are renamed to "${to}"` });
        seen.add(to);
      }
    })
    .default({}),
  removeHeaders: z.array(headerNameSchema).max(MAX_HEADERS).default([]),
  sizeFactor: finite().min(0).max(1_000).default(1),
  /** Added after the factor; negative shrinks (the result is at least 0). */
  sizeAddBytes: z.number().int().min(-MAX_MESSAGE_BYTES).max(MAX_MESSAGE_BYTES).default(0),
  /** The new routing key (`{key}` is the old one); absent: the key stays. */
  key: keyTemplateSchema.optional(),
});

/**
 * Content enricher (SEMANTICS.md §5): looks up what each message lacks — a lookup takes a
 * time drawn from `lookupMs`, at most `concurrency` at once (the rest wait in arrival
 * order), and fails with `failureProbability` (the message is lost:enrichment-failed) —
 * then adds `addHeaders` and `addBytes`.
 */
export const contentEnricherConfigSchema = z.strictObject({
  lookupMs: distributionSchema.default({ dist: 'fixed', value: 20 }),
  concurrency: z.number().int().min(1).max(10_000).default(1),
  failureProbability: finite().min(0).max(1).default(0),
  addHeaders: headersSchema.default({}),
  addBytes: byteCount().default(0),
});

/**
 * Content filter (SEMANTICS.md §5): keeps only the listed headers (`keep`) or removes them
 * (`remove`), and shrinks the body: size x sizeFactor (0..1, rounded), at most maxBodyBytes.
 */
export const contentFilterConfigSchema = z.strictObject({
  headerMode: z.enum(['keep', 'remove']).default('remove'),
  headers: z.array(headerNameSchema).max(MAX_HEADERS).default([]),
  sizeFactor: finite().min(0).max(1).default(1),
  /** The body is cut to at most this many bytes; absent: no cap. */
  maxBodyBytes: byteCount().optional(),
});

/**
 * Envelope wrapper (SEMANTICS.md §5): `wrap` adds the envelope's headers (`{seq}`, `{key}`
 * filled) and `envelopeBytes`; `unwrap` takes the outermost envelope off again exactly —
 * its bytes, its headers, and the values they had covered — whatever its own settings.
 */
export const envelopeWrapperConfigSchema = z.strictObject({
  mode: z.enum(['wrap', 'unwrap']).default('wrap'),
  headers: headersSchema.default({}),
  envelopeBytes: byteCount().default(64),
});

/**
 * Claim check (SEMANTICS.md §5): `check-in` parks each message's body in the named store
 * and sends on a token of `tokenBytes`; `check-out` takes the body back from the store of
 * the same name by the message id (lost:claim-missing when it is not there). Check-in
 * settings: how long a body is kept, and whether the store survives a crash of the node.
 */
export const claimCheckConfigSchema = z.strictObject({
  mode: z.enum(['check-in', 'check-out']).default('check-in'),
  store: z.string().min(1, 'must not be empty').max(100).default('claims'),
  tokenBytes: byteCount().default(64),
  /** A parked body is deleted this long after check-in; absent: kept until checked out. */
  storeRetentionMs: duration().optional(),
  /** The bodies it parked survive its crash; else the crash deletes them. */
  durableStore: z.boolean().default(false),
  /** check-out: delete the body once taken (a second token for it then finds nothing); else it stays until retention. */
  removeOnCheckOut: z.boolean().default(true),
});

/** SNS-2 numeric comparison operators. */
export const NUMERIC_OPERATORS = ['=', '>', '>=', '<', '<='] as const;
export type NumericOperator = (typeof NUMERIC_OPERATORS)[number];

/**
 * One condition of an SNS filter policy (SNS-2): a string is an exact match; the objects
 * are `{ "prefix": s }`, `{ "suffix": s }`, `{ "anything-but": [s, ...] }`,
 * `{ "numeric": [op, n] }` or a range `{ "numeric": [">" | ">=", n, "<" | "<=", m] }`, and
 * `{ "exists": true | false }`.
 */
export type FilterCondition =
  | string
  | { prefix: string }
  | { suffix: string }
  | { 'anything-but': string[] }
  | { numeric: [NumericOperator, number] | [NumericOperator, number, NumericOperator, number] }
  | { exists: boolean };

/** The operators a filter condition object may use, for messages. */
export const FILTER_OPERATORS = ['prefix', 'suffix', 'anything-but', 'numeric', 'exists'] as const;

const MAX_FILTER_STRING = 1000;
type Problem = { path: PropertyKey[]; message: string };

/** What is wrong with one filter condition (its path within the condition), or undefined. */
export function filterConditionProblem(c: unknown): Problem | undefined {
  const text = (v: unknown, path: PropertyKey[], what: string, nonEmpty: boolean): Problem | undefined => {
    if (typeof v !== 'string') return { path, message: `${what} must be a string` };
    if (nonEmpty && v === '') return { path, message: `${what} must not be empty` };
    if (v.length > MAX_FILTER_STRING) return { path, message: `${what} is at most ${MAX_FILTER_STRING} characters` };
    return undefined;
  };
  if (typeof c === 'string') return text(c, [], 'a value', false);
  if (c === null || typeof c !== 'object' || Array.isArray(c)) {
    return { path: [], message: 'a condition is a string (exact match) or an object such as { "prefix": "eu-" }' };
  }
  const keys = Object.keys(c);
  if (keys.length !== 1 || !(FILTER_OPERATORS as readonly string[]).includes(keys[0]!)) {
    const unknown = keys.find((k) => !(FILTER_OPERATORS as readonly string[]).includes(k));
    return {
      path: unknown === undefined ? [] : [unknown],
      message:
        unknown === undefined
          ? `a condition has exactly one operator (${FILTER_OPERATORS.join(', ')}), not ${keys.length}`
          : `unknown operator "${unknown}": use ${FILTER_OPERATORS.join(', ')}`,
    };
  }
  const op = keys[0] as (typeof FILTER_OPERATORS)[number];
  const arg = (c as Record<string, unknown>)[op];
  switch (op) {
    case 'prefix':
    case 'suffix':
      return text(arg, [op], `a ${op}`, true);
    case 'exists':
      return typeof arg === 'boolean' ? undefined : { path: [op], message: 'exists is true or false' };
    case 'anything-but': {
      if (!Array.isArray(arg)) return { path: [op], message: 'anything-but takes a list of strings, e.g. ["test", "dev"]' };
      if (arg.length === 0) return { path: [op], message: 'anything-but needs at least one value' };
      if (arg.length > 150) return { path: [op], message: 'anything-but takes at most 150 values' };
      for (let i = 0; i < arg.length; i++) {
        const p = text(arg[i], [op, i], 'a value', false);
        if (p) return p;
      }
      return undefined;
    }
    case 'numeric': {
      const usage = 'numeric takes [op, n] or a range [">" or ">=", n, "<" or "<=", m], with op one of = > >= < <=';
      if (!Array.isArray(arg) || (arg.length !== 2 && arg.length !== 4)) return { path: [op], message: usage };
      for (let i = 0; i < arg.length; i += 2) {
        if (!(NUMERIC_OPERATORS as readonly unknown[]).includes(arg[i])) {
          return { path: [op, i], message: `unknown numeric operator ${JSON.stringify(arg[i])}: use = > >= < <=` };
        }
        if (typeof arg[i + 1] !== 'number' || !Number.isFinite(arg[i + 1])) return { path: [op, i + 1], message: 'must be a finite number' };
      }
      if (arg.length === 4) {
        if (arg[0] !== '>' && arg[0] !== '>=') return { path: [op, 0], message: 'a range starts with its lower bound: > or >=' };
        if (arg[2] !== '<' && arg[2] !== '<=') return { path: [op, 2], message: 'a range ends with its upper bound: < or <=' };
        if ((arg[1] as number) > (arg[3] as number)) return { path: [op, 3], message: 'the upper bound must be at least the lower bound' };
      }
      return undefined;
    }
  }
}

/** Most keys and most conditions per key in one filter policy (msgflow limits; SNS counts combinations, at most 150). */
export const MAX_FILTER_KEYS = 50;
export const MAX_FILTER_CONDITIONS = 150;

/**
 * An SNS filter policy (SNS-2) on a link from a topic to its subscriber: header name ->
 * conditions. Every key must match (AND); for a key, any of its conditions (OR); a message
 * without the header does not match, except by `{ "exists": false }`. `{}` matches all.
 */
export const filterPolicySchema = z
  .record(z.string(), z.array(z.custom<FilterCondition>(() => true)))
  .superRefine((policy, ctx) => {
    const names = Object.keys(policy);
    if (names.length > MAX_FILTER_KEYS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_FILTER_KEYS} keys (${names.length} given)` });
    for (const name of names) {
      if (name.trim() === '') ctx.addIssue({ code: 'custom', path: [name], message: 'a header name must not be empty' });
      else if (name.length > 100) ctx.addIssue({ code: 'custom', path: [name], message: 'a header name is at most 100 characters' });
      const conditions = policy[name]!;
      if (conditions.length === 0) ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" needs at least one condition` });
      if (conditions.length > MAX_FILTER_CONDITIONS) {
        ctx.addIssue({ code: 'custom', path: [name], message: `at most ${MAX_FILTER_CONDITIONS} conditions per key` });
      }
      conditions.forEach((c, i) => {
        const problem = filterConditionProblem(c);
        if (problem) ctx.addIssue({ code: 'custom', path: [name, i, ...problem.path], message: problem.message });
      });
    }
  });

export const HEADER_MATCHES = ['all', 'any', 'all-with-x', 'any-with-x'] as const;

/** How an exchange's link to a queue is bound: the keys (several = several bindings) and header arguments. */
export const bindingSchema = z.strictObject({
  /** Binding keys: equal to the routing key (direct) or a pattern (topic). Any match gives one copy. */
  keys: z.array(z.string().max(255)).max(100).default([]),
  /** headers exchange: the arguments to compare with the message headers. */
  arguments: z.record(z.string().min(1).max(255), z.string().max(1000)).default({}),
  /** headers exchange: x-match; `all`/`any` ignore `x-` arguments, the `-with-x` forms use them. */
  match: z.enum(HEADER_MATCHES).default('all'),
});

export const consumerConfigSchema = z
  .strictObject({
    processingMs: distributionSchema.default({ dist: 'fixed', value: 100 }),
    concurrency: z.number().int().min(1).max(10_000).default(1),
    /** Unacknowledged messages a queue may hand this consumer at once; 0 = unlimited. */
    prefetch: z.number().int().min(0).max(1_000_000).default(1),
    /**
     * `auto`: the queue forgets a message once dispatched (at-most-once).
     * `after-processing`: the consumer acks when it finishes (at-least-once).
     */
    ack: z.enum(['auto', 'after-processing']).default('after-processing'),
    /** Chance that processing one message fails. */
    failureProbability: finite().min(0).max(1).default(0),
    /**
     * On a failure: nack with requeue (redelivered later), reject (dead-lettered or
     * dropped), or crash (the consumer dies holding everything unacked, and restarts).
     */
    onFailure: z.enum(['requeue', 'reject', 'crash']).default('requeue'),
    /** With onFailure crash: how long the consumer is down before it restarts. */
    crashRestartMs: duration().default(1_000),
    /** Idempotent receiver: a message already processed is acked and suppressed, not processed again. */
    idempotent: z.boolean().default(false),
    /** How long the idempotent receiver remembers a message id; absent: for ever. */
    dedupWindowMs: duration().optional(),
    /**
     * SEMANTICS §4: `push` (event-driven, NOTIFY: the queue hands messages over as they
     * come) or `poll` (GET/POLL, SQS ReceiveMessage: it asks every `pollIntervalMs` for up to
     * `batchSize`, waiting up to `waitTimeMs` for a first message — long polling).
     */
    receive: z.enum(['push', 'poll']).default('push'),
    pollIntervalMs: positive().max(MAX_MS).default(1_000),
    /** SQS-5: 1 to 10 messages per receive. */
    batchSize: z.number().int().min(1).max(10).default(1),
    /** SQS-5 WaitTimeSeconds: 0 (short polling) to 20 s (long polling). */
    waitTimeMs: nonNegative().max(20_000, 'at most 20000 ms (SQS long polling waits up to 20 s)').default(0),
    /**
     * EIP Invalid Message Channel: a message the condition holds for is not processed but
     * moved to the `target` queue (dead-lettered `invalid`), and acked at its source queue.
     */
    invalidMessage: z.strictObject({ when: conditionSchema, target: idSchema }).optional(),
  })
  .refine((c) => c.prefetch === 0 || c.prefetch >= c.concurrency, {
    message: 'prefetch must be 0 (unlimited) or at least concurrency',
    path: ['prefetch'],
  });

const positionSchema = z.strictObject({ x: finite(), y: finite() });

const nodeBase = {
  id: idSchema,
  label: z.string().max(200).optional(),
  position: positionSchema.default({ x: 0, y: 0 }),
};

export const nodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...nodeBase, kind: z.literal('producer'), config: producerConfigSchema.default(producerConfigSchema.parse({})) }),
  z
    .strictObject({ ...nodeBase, kind: z.literal('queue'), config: queueConfigSchema.default(queueConfigSchema.parse({})) })
    .superRefine((node, ctx) => {
      const problem = sqsQueueNameProblem(node);
      if (problem) ctx.addIssue({ code: 'custom', path: [node.label === undefined ? 'id' : 'label'], message: problem });
    }),
  z.strictObject({ ...nodeBase, kind: z.literal('topic'), config: topicConfigSchema.default({}) }),
  z.strictObject({ ...nodeBase, kind: z.literal('kafka-topic'), config: kafkaTopicConfigSchema.default(kafkaTopicConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('exchange'), config: exchangeConfigSchema.default(exchangeConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('mqtt-broker'), config: mqttBrokerConfigSchema.default(mqttBrokerConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('nats-server'), config: natsServerConfigSchema.default(natsServerConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('content-router'), config: contentRouterConfigSchema.default(contentRouterConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('message-filter'), config: messageFilterConfigSchema.default(messageFilterConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('recipient-list'), config: recipientListConfigSchema.default(recipientListConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('wire-tap'), config: wireTapConfigSchema.default(wireTapConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('load-balancer'), config: loadBalancerConfigSchema.default(loadBalancerConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('resequencer'), config: resequencerConfigSchema.default(resequencerConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('splitter'), config: splitterConfigSchema.default(splitterConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('aggregator'), config: aggregatorConfigSchema.default(aggregatorConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('zmq-socket'), config: zmqSocketConfigSchema.default(zmqSocketConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('translator'), config: translatorConfigSchema.default(translatorConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('content-enricher'), config: contentEnricherConfigSchema.default(contentEnricherConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('content-filter'), config: contentFilterConfigSchema.default(contentFilterConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('envelope-wrapper'), config: envelopeWrapperConfigSchema.default(envelopeWrapperConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('claim-check'), config: claimCheckConfigSchema.default(claimCheckConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('consumer'), config: consumerConfigSchema.default(consumerConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('requester'), config: requesterConfigSchema.default(requesterConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('replier'), config: replierConfigSchema.default(replierConfigSchema.parse({})) }),
  z.strictObject({ ...nodeBase, kind: z.literal('scatter-gather'), config: scatterGatherConfigSchema.default(scatterGatherConfigSchema.parse({})) }),
]);

/**
 * SQS-2: an SQS FIFO queue's name ends in `.fifo` and a Standard queue's does not. A queue's
 * name is its label, else its id. In msgflow an SQS FIFO queue is one ordered per group with
 * deduplication on; an SQS Standard queue is a best-effort one.
 */
export function sqsQueueNameProblem(node: { id: string; label?: string | undefined; config: QueueConfig }): string | undefined {
  const name = node.label ?? node.id;
  const fifoName = name.endsWith('.fifo');
  if (node.config.ordering === 'per-group' && node.config.deduplication !== 'none' && !fifoName) {
    return `an SQS FIFO queue's name must end in .fifo (per-group order with deduplication is SQS FIFO): name it e.g. "${name}.fifo"`;
  }
  if (node.config.ordering === 'best-effort' && fifoName) {
    return "an SQS Standard queue's name must not end in .fifo (best-effort order is SQS Standard)";
  }
  return undefined;
}

export const linkSchema = z.strictObject({
  latencyMs: distributionSchema.default({ dist: 'fixed', value: 5 }),
  /** Extra delay drawn uniformly from 0 to this, added to each latency draw. */
  jitterMs: duration().default(0),
  /** Probability that one traversal drops the message. */
  loss: finite().min(0).max(1).default(0),
  /** Probability that one traversal also delivers a second copy of the message (same id). */
  duplication: finite().min(0).max(1).default(0),
  /** TCP-like: never deliver a message before one sent earlier on the same link. */
  ordered: z.boolean().default(true),
  /** While cut, an ordered link holds what is sent for this long (then drops it); an unordered one drops at once. */
  partitionHoldMs: duration().default(30_000),
});

/**
 * A fault at a sim time: crash a node (restarting it after a delay, or at a later
 * `restart`), or cut a link (healing it after a delay, or at a later `heal`).
 */
export const faultSchema = z.discriminatedUnion('action', [
  z.strictObject({ atMs: duration(), action: z.literal('crash'), node: idSchema, restartAfterMs: duration().optional() }),
  z.strictObject({ atMs: duration(), action: z.literal('restart'), node: idSchema }),
  z.strictObject({ atMs: duration(), action: z.literal('cut'), edge: idSchema, healAfterMs: duration().optional() }),
  z.strictObject({ atMs: duration(), action: z.literal('heal'), edge: idSchema }),
]);

export const edgeSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  link: linkSchema.default(linkSchema.parse({})),
  /** On a link from an exchange to a queue: how the queue is bound. */
  binding: bindingSchema.optional(),
  /** On a link from an MQTT broker to a consumer: its subscriptions (without one it receives nothing). */
  subscription: subscriptionSchema.optional(),
  /** On a link from a NATS server to a consumer: its subscription (without one it receives nothing). */
  natsSubscription: natsSubscriptionSchema.optional(),
  /** On a link from a topic to its subscriber: SNS-2 filter policy on the message headers (absent: everything). */
  filterPolicy: filterPolicySchema.optional(),
  /**
   * The link exists only from this sim time on: a subscriber, queue binding or consumer that
   * joins late. Before it, nothing is sent on it (a late subscriber misses what came before).
   */
  activeFromMs: duration().optional(),
  /**
   * ZMQ-3, on a link from a ZeroMQ PUB socket: the subscriber's prefixes, matched against each
   * message's key (its topic frame; empty without a key). `""` subscribes to everything; an
   * empty list to nothing. Absent: `[""]`, everything. Other patterns ignore it.
   */
  zmqSubscribe: z.array(z.string().max(255)).max(100).optional(),
  /**
   * EIP Durable Subscriber, on a link from a topic to a subscriber that is not a queue: once
   * subscribed (the link open), what is published while the subscriber is down is kept for
   * it, up to `maxQueued` (then the oldest is dropped), and sent when it is back. Absent: it
   * misses that (lost:subscriber-offline).
   */
  durableSubscription: z.strictObject({ maxQueued: count().max(1_000_000).default(1_000) }).optional(),
  /** On a link from a Kafka topic to a consumer: its consumer group and offset commits (K-2, K-3). */
  kafka: kafkaMembershipSchema.optional(),
  /** Design review only (the run ignores it): what flows over this link, and on from its target, must not be lost. */
  critical: z.boolean().optional(),
});

export const ROUTER_KINDS = ['content-router', 'message-filter', 'recipient-list', 'wire-tap', 'load-balancer'] as const;
/** The message transformation nodes of SEMANTICS.md §5: each message in, the same message out, changed. */
export const TRANSLATOR_KINDS = ['translator', 'content-enricher', 'content-filter', 'envelope-wrapper', 'claim-check'] as const;
export const NODE_KINDS = ['producer', 'exchange', 'mqtt-broker', 'nats-server', 'queue', 'topic', 'kafka-topic', 'zmq-socket', ...ROUTER_KINDS, 'resequencer', 'scatter-gather', 'splitter', 'aggregator', ...TRANSLATOR_KINDS, 'consumer', 'requester', 'replier'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export type RouterKind = (typeof ROUTER_KINDS)[number];
export type TranslatorKind = (typeof TRANSLATOR_KINDS)[number];

/** Where a message can be passed on to without a queue's acknowledgements: channels, routers, endpoints. */
const PASS_ON_TARGETS = ['exchange', 'mqtt-broker', 'nats-server', 'queue', 'topic', 'kafka-topic', 'zmq-socket', ...ROUTER_KINDS, 'resequencer', 'splitter', 'aggregator', ...TRANSLATOR_KINDS, 'consumer', 'replier', 'scatter-gather'] as const;

/** Which kinds may feed which: a consumer with an output passes what it processed on (a processing step). */
export const ALLOWED_TARGETS: Record<NodeKind, readonly NodeKind[]> = {
  producer: PASS_ON_TARGETS,
  exchange: ['queue'],
  'mqtt-broker': ['consumer'],
  'nats-server': ['consumer'],
  queue: ['consumer', 'replier', 'requester'],
  'zmq-socket': ['consumer'],
  topic: ['queue', ...ROUTER_KINDS, 'resequencer', 'splitter', 'aggregator', ...TRANSLATOR_KINDS, 'consumer'],
  'kafka-topic': ['consumer'],
  'content-router': PASS_ON_TARGETS,
  'message-filter': PASS_ON_TARGETS,
  'recipient-list': PASS_ON_TARGETS,
  'wire-tap': PASS_ON_TARGETS,
  'load-balancer': PASS_ON_TARGETS,
  resequencer: PASS_ON_TARGETS,
  splitter: PASS_ON_TARGETS,
  aggregator: PASS_ON_TARGETS,
  translator: PASS_ON_TARGETS,
  'content-enricher': PASS_ON_TARGETS,
  'content-filter': PASS_ON_TARGETS,
  'envelope-wrapper': PASS_ON_TARGETS,
  'claim-check': PASS_ON_TARGETS,
  consumer: PASS_ON_TARGETS,
  requester: PASS_ON_TARGETS,
  replier: ['requester', 'scatter-gather', 'queue', 'consumer'],
  'scatter-gather': [...PASS_ON_TARGETS, 'requester'],
};

/** Kinds that send each message to one output only (a topic copies to all instead). */
export const SINGLE_OUTPUT: Record<NodeKind, boolean> = {
  producer: true,
  exchange: false,
  'mqtt-broker': false,
  'nats-server': false,
  queue: false,
  topic: false,
  'kafka-topic': false,
  'zmq-socket': false,
  'content-router': false,
  'message-filter': true,
  'recipient-list': false,
  'wire-tap': false,
  'load-balancer': false,
  resequencer: true,
  splitter: true,
  aggregator: true,
  translator: true,
  'content-enricher': true,
  'content-filter': true,
  'envelope-wrapper': true,
  'claim-check': true,
  consumer: true,
  requester: false,
  replier: false,
  'scatter-gather': false,
};

export function connectionProblem(
  sourceKind: NodeKind,
  targetKind: NodeKind,
): string | undefined {
  if (ALLOWED_TARGETS[sourceKind].includes(targetKind)) return undefined;
  const allowed = ALLOWED_TARGETS[sourceKind];
  return allowed.length === 0
    ? `a ${sourceKind} has no outputs`
    : `a ${sourceKind} can feed ${allowed.map((k) => `a ${k}`).join(' or ')}, not a ${targetKind}`;
}

/**
 * A toggle of a teaching scenario ("now switch to manual ack and replay"): config changes
 * merged into named nodes and links, and optionally a new fault schedule. The result is
 * validated like any topology (see applyVariant).
 */
export const variantSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1, 'must not be empty').max(80),
  /** What changes and what to watch for in this variant. */
  description: z.string().max(2_000).optional(),
  /** By node id: fields merged into that node's config. */
  nodes: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** By edge id: link fields merged into its link; any other edge field given replaces the edge's. */
  edges: z
    .record(
      z.string(),
      z.strictObject({
        link: z.record(z.string(), z.unknown()).optional(),
        binding: z.unknown().optional(),
        subscription: z.unknown().optional(),
        natsSubscription: z.unknown().optional(),
        filterPolicy: z.unknown().optional(),
        activeFromMs: z.unknown().optional(),
        durableSubscription: z.unknown().optional(),
        zmqSubscribe: z.unknown().optional(),
        kafka: z.unknown().optional(),
      }),
    )
    .default({}),
  /** When given, replaces the fault schedule. */
  faults: z.array(faultSchema).max(10_000).optional(),
});

/** One counter a scenario asks the reader to watch: a `stat` its node's card shows (see WATCHABLE_STATS). */
export const watchedStatSchema = z.strictObject({
  node: z.string(),
  stat: z.string(),
});

/** What makes a topology a teaching scenario: what to watch, the numbers to expect, its toggles. */
export const scenarioSchema = z.strictObject({
  /** What to watch while it runs. */
  watch: z.string().min(1, 'must not be empty').max(2_000),
  /** The numbers it should show, one statement each. */
  expect: z.array(z.string().min(1).max(500)).max(20).default([]),
  variants: z.array(variantSchema).max(10).default([]),
  /** The counters the watch text names, highlighted on the canvas and listed live beside it. */
  highlight: z.array(watchedStatSchema).max(8).optional(),
});

export const topologySchema = z
  .strictObject({
    format: z.literal(FORMAT),
    name: z.string().max(200).default('Untitled'),
    description: z.string().max(20_000).optional(),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    nodes: z.array(nodeSchema).max(10_000),
    edges: z.array(edgeSchema).max(50_000),
    /** The run's fault schedule, applied in order of time (then of listing). */
    faults: z.array(faultSchema).max(10_000).default([]),
    /** Present on a teaching scenario. */
    scenario: scenarioSchema.optional(),
  })
  .superRefine((t, ctx) => {
    const kindById = new Map<string, NodeKind>();
    t.nodes.forEach((n, i) => {
      if (kindById.has(n.id)) {
        ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `duplicate node id "${n.id}"` });
      }
      kindById.set(n.id, n.kind);
    });
    t.nodes.forEach((n, i) => {
      if (n.kind !== 'queue' || n.config.deadLetterTarget === undefined) return;
      const target = n.config.deadLetterTarget;
      const path = ['nodes', i, 'config', 'deadLetterTarget'];
      const targetKind = kindById.get(target);
      if (target === n.id) ctx.addIssue({ code: 'custom', path, message: 'a queue cannot dead-letter into itself' });
      else if (!targetKind) ctx.addIssue({ code: 'custom', path, message: `no node with id "${target}"` });
      else if (targetKind !== 'queue' && targetKind !== 'topic' && targetKind !== 'exchange') {
        ctx.addIssue({ code: 'custom', path, message: `dead letters go to a queue, a topic or an exchange, not a ${targetKind}` });
      }
    });
    t.nodes.forEach((n, i) => {
      if (n.kind !== 'exchange' || n.config.alternateExchange === undefined) return;
      const target = n.config.alternateExchange;
      const path = ['nodes', i, 'config', 'alternateExchange'];
      const targetKind = kindById.get(target);
      if (target === n.id) ctx.addIssue({ code: 'custom', path, message: 'an exchange cannot be its own alternate exchange' });
      else if (!targetKind) ctx.addIssue({ code: 'custom', path, message: `no node with id "${target}"` });
      else if (targetKind !== 'exchange') ctx.addIssue({ code: 'custom', path, message: `an alternate exchange must be an exchange, not a ${targetKind}` });
      else if (n.config.type === 'default') ctx.addIssue({ code: 'custom', path, message: 'the default exchange has no alternate exchange (RMQ-R1)' });
    });
    t.nodes.forEach((n, i) => {
      if (n.kind !== 'consumer' || n.config.invalidMessage === undefined) return;
      const target = n.config.invalidMessage.target;
      const path = ['nodes', i, 'config', 'invalidMessage', 'target'];
      const targetKind = kindById.get(target);
      if (!targetKind) ctx.addIssue({ code: 'custom', path, message: `no node with id "${target}"` });
      else if (targetKind !== 'queue') ctx.addIssue({ code: 'custom', path, message: `an invalid-message channel must be a queue, not a ${targetKind}` });
    });
    const edgeIdSet = new Set(t.edges.map((e) => e.id));
    const targetsOf = new Map<string, Set<string>>();
    for (const e of t.edges) {
      if (!targetsOf.has(e.source)) targetsOf.set(e.source, new Set());
      targetsOf.get(e.source)!.add(e.target);
    }
    t.nodes.forEach((n, i) => {
      const refs: [string | undefined, PropertyKey[]][] = [];
      if (n.kind === 'content-router') {
        n.config.rules.forEach((r, k) => refs.push([r.to, ['rules', k, 'to']]));
        refs.push([n.config.defaultTo, ['defaultTo']]);
      } else if (n.kind === 'recipient-list') {
        n.config.recipients.forEach((to, k) => refs.push([to, ['recipients', k]]));
      } else if (n.kind === 'wire-tap') {
        refs.push([n.config.tapTo, ['tapTo']]);
      } else if (n.kind === 'scatter-gather') {
        refs.push([n.config.resultTo, ['resultTo']]);
      }
      for (const [to, path] of refs) {
        if (to !== undefined && !targetsOf.get(n.id)?.has(to)) {
          ctx.addIssue({ code: 'custom', path: ['nodes', i, 'config', ...path], message: `"${to}" is not linked from "${n.id}": link it first` });
        }
      }
    });
    t.nodes.forEach((n, i) => {
      if (!('acl' in n.config) || n.config.acl === undefined) return;
      const acl = n.config.acl;
      for (const list of ['publishers', 'consumers'] as const) {
        acl[list]?.forEach((id, k) => {
          if (!kindById.has(id)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'config', 'acl', list, k], message: `no node with id "${id}"` });
        });
      }
    });
    const variantIds = new Set<string>();
    t.scenario?.variants.forEach((v, i) => {
      const path = ['scenario', 'variants', i];
      if (variantIds.has(v.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate variant id "${v.id}"` });
      variantIds.add(v.id);
      for (const id of Object.keys(v.nodes)) {
        if (!kindById.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 'nodes', id], message: `no node with id "${id}"` });
      }
      for (const id of Object.keys(v.edges)) {
        if (!edgeIdSet.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 'edges', id], message: `no edge with id "${id}"` });
      }
    });
    t.scenario?.highlight?.forEach((h, i) => {
      const kind = kindById.get(h.node);
      if (kind === undefined) {
        ctx.addIssue({ code: 'custom', path: ['scenario', 'highlight', i, 'node'], message: `no node with id "${h.node}"` });
      } else if (!WATCHABLE_STATS[kind].includes(h.stat)) {
        ctx.addIssue({ code: 'custom', path: ['scenario', 'highlight', i, 'stat'], message: `a ${kind} shows no "${h.stat}" counter (it shows ${WATCHABLE_STATS[kind].join(', ')})` });
      }
    });
    t.faults.forEach((f, i) => {
      if ('node' in f && !kindById.has(f.node)) {
        ctx.addIssue({ code: 'custom', path: ['faults', i, 'node'], message: `no node with id "${f.node}"` });
      }
      if ('edge' in f && !edgeIdSet.has(f.edge)) {
        ctx.addIssue({ code: 'custom', path: ['faults', i, 'edge'], message: `no edge with id "${f.edge}"` });
      }
    });
    const edgeIds = new Set<string>();
    const pairs = new Set<string>();
    const outputs = new Map<string, number>();
    t.edges.forEach((e, i) => {
      if (edgeIds.has(e.id)) {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'id'], message: `duplicate edge id "${e.id}"` });
      }
      edgeIds.add(e.id);
      const sourceKind = kindById.get(e.source);
      const targetKind = kindById.get(e.target);
      if (!sourceKind) {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'source'], message: `no node with id "${e.source}"` });
      }
      if (!targetKind) {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'target'], message: `no node with id "${e.target}"` });
      }
      if (!sourceKind || !targetKind) return;
      if (e.source === e.target) {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'target'], message: 'an edge cannot connect a node to itself' });
        return;
      }
      if (e.binding && sourceKind !== 'exchange') {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'binding'], message: `a binding belongs on a link from an exchange, not from a ${sourceKind}` });
      }
      if (e.subscription && sourceKind !== 'mqtt-broker') {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'subscription'], message: `a subscription belongs on a link from an MQTT broker, not from a ${sourceKind}` });
      }
      if (e.natsSubscription && sourceKind !== 'nats-server') {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'natsSubscription'], message: `a NATS subscription belongs on a link from a NATS server, not from a ${sourceKind}` });
      }
      if (e.filterPolicy && sourceKind !== 'topic') {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'filterPolicy'], message: `a filter policy belongs on a link from a topic, not from a ${sourceKind}` });
      }
      if (e.kafka && sourceKind !== 'kafka-topic') {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'kafka'], message: `a consumer group belongs on a link from a Kafka topic, not from a ${sourceKind}` });
      }
      const kafkaTarget = targetKind === 'kafka-topic' ? t.nodes.find((n) => n.id === e.target) : undefined;
      const writer = kafkaTarget?.kind === 'kafka-topic' && kafkaTarget.config.acks === '0' ? t.nodes.find((n) => n.id === e.source) : undefined;
      if (writer?.kind === 'producer' && writer.config.confirms) {
        ctx.addIssue({
          code: 'custom',
          path: ['edges', i, 'target'],
          message: `"${e.target}" takes writes with acks 0, which are never acknowledged (K-4): turn off publisher confirms of "${e.source}", or set acks to 1 or all`,
        });
      }
      if (e.zmqSubscribe && sourceKind !== 'zmq-socket') {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'zmqSubscribe'], message: `ZeroMQ subscriptions belong on a link from a ZeroMQ socket, not from a ${sourceKind}` });
      }
      if (e.durableSubscription && (sourceKind !== 'topic' || targetKind === 'queue')) {
        ctx.addIssue({
          code: 'custom',
          path: ['edges', i, 'durableSubscription'],
          message:
            sourceKind !== 'topic'
              ? `a durable subscription belongs on a link from a topic, not from a ${sourceKind}`
              : 'a queue subscribed to a topic keeps its messages by itself: a durable subscription is for other subscribers',
        });
      }
      const problem = connectionProblem(sourceKind, targetKind);
      if (problem) {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'target'], message: problem });
      }
      const pair = `${e.source}\u0000${e.target}`;
      if (pairs.has(pair)) {
        ctx.addIssue({ code: 'custom', path: ['edges', i], message: `"${e.source}" is already connected to "${e.target}"` });
      }
      pairs.add(pair);
      const count = (outputs.get(e.source) ?? 0) + 1;
      outputs.set(e.source, count);
      if (count > 1 && SINGLE_OUTPUT[sourceKind]) {
        ctx.addIssue({
          code: 'custom',
          path: ['edges', i, 'source'],
          message: `a ${sourceKind} sends to one channel; "${e.source}" already has an output (use a topic to fan out)`,
        });
      }
    });
  });

export type Distribution = z.infer<typeof distributionSchema>;
export type Rate = z.infer<typeof rateSchema>;
export type ProducerConfig = z.infer<typeof producerConfigSchema>;
export type QueueConfig = z.infer<typeof queueConfigSchema>;
export type TopicConfig = z.infer<typeof topicConfigSchema>;
export type KafkaTopicConfig = z.infer<typeof kafkaTopicConfigSchema>;
export type KafkaMembership = z.infer<typeof kafkaMembershipSchema>;
export type ExchangeConfig = z.infer<typeof exchangeConfigSchema>;
export type Binding = z.infer<typeof bindingSchema>;
export type MqttBrokerConfig = z.infer<typeof mqttBrokerConfigSchema>;
export type Subscription = z.infer<typeof subscriptionSchema>;
export type NatsServerConfig = z.infer<typeof natsServerConfigSchema>;
export type NatsSubscription = z.infer<typeof natsSubscriptionSchema>;
export type FilterPolicy = z.infer<typeof filterPolicySchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type ResequencerConfig = z.infer<typeof resequencerConfigSchema>;
export type SplitterConfig = z.infer<typeof splitterConfigSchema>;
export type AggregatorConfig = z.infer<typeof aggregatorConfigSchema>;
export type ZmqSocketConfig = z.infer<typeof zmqSocketConfigSchema>;
export type TranslatorConfig = z.infer<typeof translatorConfigSchema>;
export type ContentEnricherConfig = z.infer<typeof contentEnricherConfigSchema>;
export type ContentFilterConfig = z.infer<typeof contentFilterConfigSchema>;
export type EnvelopeWrapperConfig = z.infer<typeof envelopeWrapperConfigSchema>;
export type ClaimCheckConfig = z.infer<typeof claimCheckConfigSchema>;
export type Acl = z.infer<typeof aclSchema>;
export type ConsumerConfig = z.infer<typeof consumerConfigSchema>;
export type RequesterConfig = z.infer<typeof requesterConfigSchema>;
export type ReplierConfig = z.infer<typeof replierConfigSchema>;
export type ScatterGatherConfig = z.infer<typeof scatterGatherConfigSchema>;
export type LinkConfig = z.infer<typeof linkSchema>;
export type TopologyNode = z.infer<typeof nodeSchema>;
export type TopologyEdge = z.infer<typeof edgeSchema>;
export type Topology = z.infer<typeof topologySchema>;
export type Fault = z.infer<typeof faultSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type WatchedStat = z.infer<typeof watchedStatSchema>;
export type Variant = z.infer<typeof variantSchema>;
/** A node of one kind, with its config type. */
export type NodeOfKind<K extends NodeKind> = Extract<TopologyNode, { kind: K }>;
