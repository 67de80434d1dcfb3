import fc from 'fast-check';
import { EXCHANGE_TYPES, FORMAT, sqsQueueNameProblem, type FilterCondition, type FilterPolicy, SINGLE_OUTPUT, type Qos, type Subscription, HEADER_MATCHES, OVERFLOW_POLICIES, QUEUE_ORDERINGS, type Binding, type Distribution, type Fault, type Topology, type TopologyEdge, type TopologyNode, ZMQ_PATTERNS } from './schema.ts';

/**
 * Test support: fast-check generators of valid topologies (every kind, every link
 * setting), for property tests of the schema and the engine. Not used by the app.
 */
export const arbitraryDistribution = (maxMs: number): fc.Arbitrary<Distribution> =>
  fc.oneof(
    fc.record({ dist: fc.constant('fixed' as const), value: fc.integer({ min: 0, max: maxMs }) }),
    fc
      .tuple(fc.integer({ min: 0, max: maxMs }), fc.integer({ min: 0, max: maxMs }))
      .map(([a, b]) => ({ dist: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
    fc.record({ dist: fc.constant('exponential' as const), mean: fc.integer({ min: 0, max: maxMs }) }),
    fc
      .uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 })
      .chain((inner) => {
        const ps = [0, ...inner.sort((a, b) => a - b), 100];
        return fc
          .array(fc.integer({ min: 0, max: maxMs }), { minLength: ps.length, maxLength: ps.length })
          .map((values) => {
            const sorted = [...values].sort((a, b) => a - b);
            return { dist: 'empirical' as const, percentiles: ps.map((p, i) => ({ p, value: sorted[i]! })) };
          });
      }),
    fc.record({
      dist: fc.constant('normal' as const),
      mean: fc.integer({ min: 0, max: maxMs }),
      stddev: fc.integer({ min: 0, max: maxMs }),
      min: fc.integer({ min: 0, max: 10 }),
    }),
  );

/** Key weights cut to one per key (none without keys), and not all zero. */
function fitKeyWeights<C extends { keys: string[]; keyWeights: number[] | undefined }>(config: C): C {
  if (config.keyWeights === undefined) return config;
  if (config.keys.length === 0) return { ...config, keyWeights: undefined };
  const weights = config.keyWeights.slice(0, config.keys.length);
  if (!weights.some((w) => w > 0)) weights[0] = 1;
  return { ...config, keyWeights: weights };
}

/** Priority weights cut to one per priority (none without priorities), and not all zero. */
function fitPriorityWeights<C extends { priorities: number[]; priorityWeights: number[] | undefined }>(config: C): C {
  if (config.priorityWeights === undefined) return config;
  if (config.priorities.length === 0) return { ...config, priorityWeights: undefined };
  const weights = config.priorityWeights.slice(0, config.priorities.length);
  if (!weights.some((w) => w > 0)) weights[0] = 1;
  return { ...config, priorityWeights: weights };
}

const arbitraryLink = fc.record({
  latencyMs: arbitraryDistribution(200),
  jitterMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 })),
  loss: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1)),
  duplication: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
  ordered: fc.boolean(),
  partitionHoldMs: fc.integer({ min: 0, max: 5_000 }),
});

/** A fault before it is tied to a node or edge of the generated topology. */
const arbitraryFaultSeed = fc.record({
  atMs: fc.integer({ min: 0, max: 20_000 }),
  onNode: fc.boolean(),
  pick: fc.nat(),
  restore: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
  explicit: fc.boolean(),
});

type FaultSeed = typeof arbitraryFaultSeed extends fc.Arbitrary<infer T> ? T : never;

function placeFault(f: FaultSeed, nodes: TopologyNode[], edges: TopologyEdge[]): Fault[] {
  if (f.onNode) {
    const node = nodes[f.pick % nodes.length]!.id;
    if (f.explicit) return [{ atMs: f.atMs, action: 'crash', node }, { atMs: f.atMs + (f.restore ?? 0), action: 'restart', node }];
    return [{ atMs: f.atMs, action: 'crash', node, ...(f.restore === undefined ? {} : { restartAfterMs: f.restore }) }];
  }
  if (edges.length === 0) return [];
  const edge = edges[f.pick % edges.length]!.id;
  if (f.explicit) return [{ atMs: f.atMs, action: 'cut', edge }, { atMs: f.atMs + (f.restore ?? 0), action: 'heal', edge }];
  return [{ atMs: f.atMs, action: 'cut', edge, ...(f.restore === undefined ? {} : { healAfterMs: f.restore }) }];
}

const arbitraryQos: fc.Arbitrary<Qos> = fc.constantFrom(0, 1, 2);

export function arbitraryTopology(): fc.Arbitrary<Topology> {
  return fc
    .record({
      producers: fc.integer({ min: 1, max: 3 }),
      queues: fc.integer({ min: 0, max: 3 }),
      topics: fc.integer({ min: 0, max: 2 }),
      exchanges: fc.integer({ min: 0, max: 2 }),
      brokers: fc.integer({ min: 0, max: 1 }),
      natsServers: fc.integer({ min: 0, max: 1 }),
      zmqSockets: fc.integer({ min: 0, max: 1 }),
      routers: fc.integer({ min: 0, max: 2 }),
      consumers: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
    })
    .chain(({ producers, queues, topics, exchanges, brokers, natsServers, zmqSockets, routers, consumers, seed }) => {
      const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
      const p = ids('p', producers);
      const q = ids('q', queues);
      const t = ids('t', topics);
      const c = ids('c', consumers);
      const x = ids('x', exchanges);
      const m = ids('m', brokers);
      const n = ids('n', natsServers);
      const z = ids('z', zmqSockets);
      const r = ids('r', routers);
      const producerNode = (id: string) =>
        fc.record({
          id: fc.constant(id),
          kind: fc.constant('producer' as const),
          position: fc.constant({ x: 0, y: 0 }),
          config: fc.record({
            rate: fc.oneof(
              fc.record({ dist: fc.constantFrom('constant' as const, 'poisson' as const), perSecond: fc.integer({ min: 1, max: 200 }) }),
              fc.record({
                dist: fc.constant('bursts' as const),
                perSecond: fc.integer({ min: 1, max: 400 }),
                onMs: fc.integer({ min: 1, max: 500 }),
                offMs: fc.integer({ min: 0, max: 1_000 }),
              }),
            ),
            keys: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
            keyWeights: optional(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 })),
            priorities: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 3 }),
            priorityWeights: optional(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 })),
            headers: fc.dictionary(fc.constantFrom('id', 'trace', 'tenant'), fc.constantFrom('', 'fixed', '{seq}', 'order-{seq}', '{key}', '{key}/{seq}'), { maxKeys: 3 }),
            sizeBytes: fc.oneof(fc.integer({ min: 0, max: 4096 }), arbitraryDistribution(4096)),
            limit: fc.integer({ min: 0, max: 60 }),
            startMs: fc.integer({ min: 0, max: 100 }),
            persistent: fc.boolean(),
            confirms: fc.boolean(),
            retryAfterMs: optional(fc.integer({ min: 1, max: 2_000 })),
            maxRetries: fc.integer({ min: 0, max: 4 }),
            ttlMs: optional(fc.integer({ min: 0, max: 3_000 })),
            mandatory: fc.boolean(),
            qos: arbitraryQos,
            resendAfterMs: fc.integer({ min: 1, max: 2_000 }),
            retain: fc.boolean(),
            will: optional(fc.record({ topic: fc.constantFrom('a', 'status/p', '$SYS/x'), qos: arbitraryQos, retain: fc.boolean() })),
            keepAliveMs: fc.integer({ min: 1, max: 5_000 }),
          })
            .map(fitKeyWeights)
            .map(fitPriorityWeights)
            // Confirms and QoS are two ways to the same end: a producer uses one.
            .map((config) => (config.confirms ? { ...config, qos: 0 as const } : config)),
        });
      const consumerNode = (id: string) =>
        fc.integer({ min: 1, max: 3 }).chain((concurrency) =>
          fc.record({
            id: fc.constant(id),
            kind: fc.constant('consumer' as const),
            position: fc.constant({ x: 0, y: 0 }),
            config: fc.record({
              processingMs: arbitraryDistribution(300),
              concurrency: fc.constant(concurrency),
              prefetch: fc.oneof(fc.constant(0), fc.integer({ min: concurrency, max: concurrency + 3 })),
              ack: fc.constantFrom('auto' as const, 'after-processing' as const),
              failureProbability: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
              onFailure: fc.constantFrom('requeue' as const, 'reject' as const, 'crash' as const),
              crashRestartMs: fc.integer({ min: 0, max: 2_000 }),
              idempotent: fc.boolean(),
              dedupWindowMs: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined }),
              receive: fc.constantFrom('push' as const, 'poll' as const),
              pollIntervalMs: fc.integer({ min: 1, max: 2_000 }),
              batchSize: fc.integer({ min: 1, max: 10 }),
              waitTimeMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20_000 })),
              // An invalid-message channel may lead back to this consumer: dead-letter cycles must end.
              invalidMessage:
                q.length > 0
                  ? optional(fc.record({ when: fc.record({ key: fc.constantFrom('a', 'b*'), headers: fc.constant({}) }), target: fc.constantFrom(...q) }))
                  : fc.constant(undefined),
            }),
          }),
        );
      const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
      // Dead letters only go to a later queue or a topic, so the generated graph has no
      // dead-letter cycle (cycles are a separate, deliberate test).
      const queueNode = (id: string, index: number) => {
        const deadLetterTargets = [...q.slice(index + 1), ...t];
        return fc.record({
          id: fc.constant(id),
          kind: fc.constant('queue' as const),
          position: fc.constant({ x: 0, y: 0 }),
          config: fc.record({
            ordering: fc.constantFrom(...QUEUE_ORDERINGS),
            outOfOrderProbability: fc.double({ min: 0, max: 0.5, noNaN: true }),
            duplicateProbability: fc.double({ min: 0, max: 0.2, noNaN: true }),
            maxLength: optional(fc.integer({ min: 1, max: 20 })),
            maxBytes: optional(fc.integer({ min: 1, max: 20_000 })),
            overflow: fc.constantFrom(...OVERFLOW_POLICIES),
            ackTimeoutMs: optional(fc.integer({ min: 0, max: 1_000 })),
            maxDeliveries: optional(fc.integer({ min: 1, max: 4 })),
            messageTtlMs: optional(fc.integer({ min: 0, max: 2_000 })),
            deadLetterTarget: deadLetterTargets.length > 0 ? optional(fc.constantFrom(...deadLetterTargets)) : fc.constant(undefined),
            durable: fc.boolean(),
            delayMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000 })),
            retentionMs: optional(fc.integer({ min: 0, max: 5_000 })),
            deduplication: fc.constantFrom('none' as const, 'message-id' as const, 'content' as const),
            dedupWindowMs: fc.integer({ min: 0, max: 10_000 }),
            maxPriority: optional(fc.integer({ min: 1, max: 10 })),
            acl: optional(
              fc.record({
                publishers: optional(fc.subarray(p)),
                consumers: optional(fc.subarray(c)),
                onDenied: fc.constantFrom('drop' as const, 'reject' as const),
              }),
            ),
          }),
        })
          // SQS-2: an SQS FIFO queue (per-group with deduplication) is named *.fifo.
          .map((node) => (sqsQueueNameProblem(node) === undefined ? node : { ...node, label: `${id}.fifo` }));
      };
      const topicNode = (id: string): TopologyNode => ({ id, kind: 'topic', position: { x: 0, y: 0 }, config: {} });
      // Routers whose config names no output (those references are checked against the edges
      // and tested on their own); they feed queues, consumers and later routers, so no router loop forms.
      const routerNode = (id: string): fc.Arbitrary<TopologyNode> =>
        fc.oneof(
          fc.constantFrom('round-robin' as const, 'random' as const, 'least-loaded' as const).map((strategy): TopologyNode => ({ id, kind: 'load-balancer', position: { x: 0, y: 0 }, config: { strategy } })),
          fc.constantFrom('a', 'b*', '*').map((key): TopologyNode => ({ id, kind: 'message-filter', position: { x: 0, y: 0 }, config: { accept: { key, headers: {} } } })),
          fc.constant<TopologyNode>({ id, kind: 'recipient-list', position: { x: 0, y: 0 }, config: { recipients: [] } }),
          fc.constant<TopologyNode>({ id, kind: 'wire-tap', position: { x: 0, y: 0 }, config: {} }),
          fc.constant<TopologyNode>({ id, kind: 'content-router', position: { x: 0, y: 0 }, config: { rules: [] } }),
          fc
            .record({ sequence: fc.constantFrom('producer' as const, 'key' as const), gapTimeoutMs: fc.integer({ min: 0, max: 2_000 }), bufferSize: fc.integer({ min: 1, max: 10 }) })
            .map((config): TopologyNode => ({ id, kind: 'resequencer', position: { x: 0, y: 0 }, config })),
          fc
            .record({ parts: fc.integer({ min: 1, max: 5 }), partsHeader: optional(fc.constantFrom('id', 'trace')), partSizeBytes: optional(fc.integer({ min: 0, max: 1_000 })) })
            .map((config): TopologyNode => ({ id, kind: 'splitter', position: { x: 0, y: 0 }, config })),
          fc
            .record({
              completionSize: optional(fc.integer({ min: 1, max: 5 })),
              completionTimeoutMs: fc.integer({ min: 0, max: 3_000 }),
              aggregateSizeBytes: optional(fc.integer({ min: 0, max: 4_096 })),
            })
            .map((config): TopologyNode => ({ id, kind: 'aggregator', position: { x: 0, y: 0 }, config })),
          fc
            .record({
              setHeaders: fc.dictionary(fc.constantFrom('id', 'x'), fc.constantFrom('', 'fixed', '{seq}', 'k-{key}'), { maxKeys: 2 }),
              renameHeaders: fc.constantFrom<Record<string, string>>({}, { tenant: 'owner' }, { id: 'trace', trace: 'id' }),
              removeHeaders: fc.subarray(['id', 'trace', 'tenant']),
              sizeFactor: fc.double({ min: 0, max: 3, noNaN: true }),
              sizeAddBytes: fc.integer({ min: -500, max: 500 }),
              key: optional(fc.constantFrom('all', 'eu.{key}', '{key}-{seq}')),
            })
            .map((config): TopologyNode => ({ id, kind: 'translator', position: { x: 0, y: 0 }, config })),
          fc
            .record({
              lookupMs: arbitraryDistribution(200),
              concurrency: fc.integer({ min: 1, max: 3 }),
              failureProbability: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
              addHeaders: fc.dictionary(fc.constantFrom('customer', 'id'), fc.constantFrom('c-{key}', '{seq}'), { maxKeys: 2 }),
              addBytes: fc.integer({ min: 0, max: 500 }),
            })
            .map((config): TopologyNode => ({ id, kind: 'content-enricher', position: { x: 0, y: 0 }, config })),
          fc
            .record({
              headerMode: fc.constantFrom('keep' as const, 'remove' as const),
              headers: fc.subarray(['id', 'trace', 'tenant']),
              sizeFactor: fc.double({ min: 0, max: 1, noNaN: true }),
              maxBodyBytes: optional(fc.integer({ min: 0, max: 4096 })),
            })
            .map((config): TopologyNode => ({ id, kind: 'content-filter', position: { x: 0, y: 0 }, config })),
          fc
            .record({
              mode: fc.constantFrom('wrap' as const, 'unwrap' as const),
              headers: fc.dictionary(fc.constantFrom('type', 'id'), fc.constantFrom('envelope', '{key}/{seq}'), { maxKeys: 2 }),
              envelopeBytes: fc.integer({ min: 0, max: 200 }),
            })
            .map((config): TopologyNode => ({ id, kind: 'envelope-wrapper', position: { x: 0, y: 0 }, config })),
          // One store for every claim check, so check-ins and check-outs of a topology meet.
          fc
            .record({
              mode: fc.constantFrom('check-in' as const, 'check-out' as const),
              store: fc.constant('s'),
              tokenBytes: fc.integer({ min: 0, max: 200 }),
              storeRetentionMs: optional(fc.integer({ min: 0, max: 2_000 })),
              durableStore: fc.boolean(),
              removeOnCheckOut: fc.boolean(),
            })
            .map((config): TopologyNode => ({ id, kind: 'claim-check', position: { x: 0, y: 0 }, config })),
        );
      // Alternate exchanges may form loops: the engine must end them.
      const exchangeNode = (id: string) =>
        fc.record({
          id: fc.constant(id),
          kind: fc.constant('exchange' as const),
          position: fc.constant({ x: 0, y: 0 }),
          config: fc
            .record({
              type: fc.constantFrom(...EXCHANGE_TYPES),
              alternateExchange: x.length > 1 ? optional(fc.constantFrom(...x.filter((other) => other !== id))) : fc.constant(undefined),
              durable: fc.boolean(),
            })
            // RMQ-R1: the default exchange has no alternate and is always durable.
            .map((config) => (config.type === 'default' ? { type: config.type, alternateExchange: undefined, durable: true } : config)),
        });
      const brokerNode = (id: string) =>
        fc.record({
          id: fc.constant(id),
          kind: fc.constant('mqtt-broker' as const),
          position: fc.constant({ x: 0, y: 0 }),
          config: fc.record({
            maxQueuedMessages: fc.integer({ min: 1, max: 20 }),
            queueQos0: fc.boolean(),
            resendAfterMs: fc.integer({ min: 1, max: 2_000 }),
          }),
        });
      const arbitrarySubscription: fc.Arbitrary<Subscription> = fc.record({
        filters: fc.array(
          fc.record({ filter: fc.constantFrom('a', 'b', '#', '+', 'status/+', '$share/g/a', '$share/g/#', '$SYS/#'), qos: arbitraryQos }),
          { minLength: 1, maxLength: 3 },
        ),
        cleanSession: fc.boolean(),
      });
      const arbitraryBinding: fc.Arbitrary<Binding> = fc.record({
        keys: fc.array(fc.constantFrom('a', 'b', 'c', '', '#', '*', 'a.#', 'q0'), { maxLength: 3 }),
        arguments: fc.dictionary(fc.constantFrom('id', 'tenant', 'x-kind'), fc.constantFrom('', 'fixed', '0', 'a'), { maxKeys: 2 }),
        match: fc.constantFrom(...HEADER_MATCHES),
      });
      // SNS-2 policies on the producers' header names (id, trace, tenant) and values, every operator.
      const arbitraryFilterCondition: fc.Arbitrary<FilterCondition> = fc.oneof(
        fc.constantFrom('', 'fixed', '0', 'a', 'b'),
        fc.constantFrom('a', 'order-', '1').map((prefix) => ({ prefix })),
        fc.constantFrom('0', '/1', 'd').map((suffix) => ({ suffix })),
        fc.subarray(['fixed', 'a', '0', ''], { minLength: 1 }).map((values) => ({ 'anything-but': values })),
        fc.constantFrom('=' as const, '>' as const, '>=' as const, '<' as const, '<=' as const).chain((op) =>
          fc.integer({ min: -1, max: 30 }).map((n) => ({ numeric: [op, n] as [typeof op, number] })),
        ),
        fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([a, b]) => ({
          numeric: ['>=', Math.min(a, b), '<', Math.max(a, b)] as ['>=', number, '<', number],
        })),
        fc.boolean().map((exists) => ({ exists })),
      );
      const arbitraryFilterPolicy: fc.Arbitrary<FilterPolicy> = fc.dictionary(
        fc.constantFrom('id', 'trace', 'tenant'),
        fc.array(arbitraryFilterCondition, { minLength: 1, maxLength: 3 }),
        { maxKeys: 2 },
      );
      const subset = (options: string[]) => fc.subarray(options);
      const zmqSocketNode = (id: string) =>
        fc.record({
          id: fc.constant(id),
          kind: fc.constant('zmq-socket' as const),
          position: fc.constant({ x: 0, y: 0 }),
          config: fc.record({
            pattern: fc.constantFrom(...ZMQ_PATTERNS),
            sendHwm: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 })),
            receiveHwm: optional(fc.integer({ min: 0, max: 3 })),
            connectDelayMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 })),
          }),
        });
      return fc
        .record({
          producerNodes: fc.tuple(...p.map(producerNode)),
          consumerNodes: fc.tuple(...c.map(consumerNode)),
          queueNodes: fc.tuple(...q.map(queueNode)),
          exchangeNodes: fc.tuple(...x.map(exchangeNode)),
          brokerNodes: fc.tuple(...m.map(brokerNode)),
          zmqNodes: fc.tuple(...z.map(zmqSocketNode)),
          zmqTargets: fc.tuple(...z.map(() => subset(c))),
          // ZMQ-3 prefixes on the producers' keys; absent is everything, [] nothing.
          zmqSubscriptions: fc.array(fc.option(fc.array(fc.constantFrom('', 'a', 'b', 'c0', 'x'), { maxLength: 2 }), { nil: undefined, freq: 2 }), { minLength: 64, maxLength: 64 }),
          // A message filter, a resequencer and the translators have one output; the others any number.
          routers: fc.tuple(
            ...r.map((id, i) =>
              routerNode(id).chain((node) =>
                fc.subarray([...q, ...c, ...r.slice(i + 1)], { maxLength: SINGLE_OUTPUT[node.kind] ? 1 : undefined }).map((targets) => ({ node, targets })),
              ),
            ),
          ),
          producerTargets: fc.tuple(...p.map(() => fc.option(fc.constantFrom(...q, ...t, ...x, ...m, ...n, ...z, ...r, ...c), { nil: undefined }))),
          brokerTargets: fc.tuple(...m.map(() => subset(c))),
          natsTargets: fc.tuple(...n.map(() => subset(c))),
          // N-2 subjects on the producers' keys (a, b, c); N-3 queue groups sometimes.
          natsSubscriptions: fc.array(
            fc.option(
              fc.record({ subject: fc.constantFrom('a', 'b', '*', '>', 'a.>', '*.b'), queueGroup: optional(fc.constantFrom('g', 'h')) }),
              { nil: undefined, freq: 4 },
            ),
            { minLength: 64, maxLength: 64 },
          ),
          subscriptions: fc.array(arbitrarySubscription, { minLength: 64, maxLength: 64 }),
          exchangeTargets: fc.tuple(...x.map(() => subset(q))),
          bindings: fc.array(arbitraryBinding, { minLength: 64, maxLength: 64 }),
          filterPolicies: fc.array(fc.option(arbitraryFilterPolicy, { nil: undefined, freq: 2 }), { minLength: 64, maxLength: 64 }),
          opensAt: fc.array(fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined, freq: 4 }), { minLength: 64, maxLength: 64 }),
          durableSubscriptions: fc.array(fc.option(fc.record({ maxQueued: fc.integer({ min: 1, max: 5 }) }), { nil: undefined, freq: 2 }), { minLength: 64, maxLength: 64 }),
          topicTargets: fc.tuple(...t.map(() => subset([...q, ...r, ...c]))),
          queueTargets: fc.tuple(...q.map(() => subset(c))),
          // A consumer may pass what it processed on to a later consumer (a processing step), never back.
          consumerTargets: fc.tuple(...c.map((_, i) => (i + 1 < c.length ? fc.option(fc.constantFrom(...c.slice(i + 1)), { nil: undefined }) : fc.constant(undefined)))),
          links: fc.array(arbitraryLink, { minLength: 64, maxLength: 64 }),
          faults: fc.array(arbitraryFaultSeed, { maxLength: 4 }),
        })
        .map(({ faults, producerNodes, consumerNodes, queueNodes, exchangeNodes, brokerNodes, zmqNodes, zmqTargets, zmqSubscriptions, routers: routerWiring, producerTargets, exchangeTargets, brokerTargets, natsTargets, natsSubscriptions, subscriptions, bindings, filterPolicies, opensAt, durableSubscriptions, topicTargets, queueTargets, consumerTargets, links }) => {
          const pairs: [string, string][] = [];
          exchangeTargets.forEach((targets, i) => targets.forEach((target) => pairs.push([x[i]!, target])));
          brokerTargets.forEach((targets, i) => targets.forEach((target) => pairs.push([m[i]!, target])));
          natsTargets.forEach((targets, i) => targets.forEach((target) => pairs.push([n[i]!, target])));
          zmqTargets.forEach((targets, i) => targets.forEach((target) => pairs.push([z[i]!, target])));
          routerWiring.forEach(({ targets }, i) => targets.forEach((target) => pairs.push([r[i]!, target])));
          producerTargets.forEach((target, i) => target !== undefined && pairs.push([p[i]!, target]));
          topicTargets.forEach((targets, i) => targets.forEach((target) => pairs.push([t[i]!, target])));
          queueTargets.forEach((targets, i) => targets.forEach((target) => pairs.push([q[i]!, target])));
          consumerTargets.forEach((target, i) => target !== undefined && pairs.push([c[i]!, target]));
          const edges: TopologyEdge[] = pairs.map(([source, target], i) => ({
            id: `e${i}`,
            source,
            target,
            link: links[i % links.length]!,
            ...(source.startsWith('x') ? { binding: bindings[i % bindings.length]! } : {}),
            ...(source.startsWith('m') ? { subscription: subscriptions[i % subscriptions.length]! } : {}),
            ...(source.startsWith('n') && natsSubscriptions[i % natsSubscriptions.length] !== undefined ? { natsSubscription: natsSubscriptions[i % natsSubscriptions.length]! } : {}),
            ...(source.startsWith('z') && zmqSubscriptions[i % zmqSubscriptions.length] !== undefined ? { zmqSubscribe: zmqSubscriptions[i % zmqSubscriptions.length]! } : {}),
            ...(source.startsWith('t') && filterPolicies[i % filterPolicies.length] !== undefined ? { filterPolicy: filterPolicies[i % filterPolicies.length]! } : {}),
            ...(opensAt[i % opensAt.length] === undefined ? {} : { activeFromMs: opensAt[i % opensAt.length]! }),
            // A queue subscribed to a topic keeps its messages by itself; other subscribers may be durable.
            ...(source.startsWith('t') && !target.startsWith('q') && durableSubscriptions[i % durableSubscriptions.length] !== undefined
              ? { durableSubscription: durableSubscriptions[i % durableSubscriptions.length]! }
              : {}),
          }));
          const nodes: TopologyNode[] = [
            ...producerNodes,
            ...exchangeNodes,
            ...brokerNodes,
            ...n.map((id): TopologyNode => ({ id, kind: 'nats-server', position: { x: 0, y: 0 }, config: {} })),
            ...zmqNodes,
            ...routerWiring.map(({ node }) => node),
            ...queueNodes,
            ...t.map(topicNode),
            ...consumerNodes,
          ];
          return { format: FORMAT, name: 'generated', seed, nodes, edges, faults: faults.flatMap((f) => placeFault(f, nodes, edges)) };
        });
    });
}
