import fc from 'fast-check';
import { FORMAT, type Distribution, type Topology, type TopologyEdge, type TopologyNode } from './schema.ts';

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
    fc.record({
      dist: fc.constant('normal' as const),
      mean: fc.integer({ min: 0, max: maxMs }),
      stddev: fc.integer({ min: 0, max: maxMs }),
      min: fc.integer({ min: 0, max: 10 }),
    }),
  );

const arbitraryLink = fc.record({
  latencyMs: arbitraryDistribution(200),
  loss: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1)),
  ordered: fc.boolean(),
});

export function arbitraryTopology(): fc.Arbitrary<Topology> {
  return fc
    .record({
      producers: fc.integer({ min: 1, max: 3 }),
      queues: fc.integer({ min: 0, max: 3 }),
      topics: fc.integer({ min: 0, max: 2 }),
      consumers: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
    })
    .chain(({ producers, queues, topics, consumers, seed }) => {
      const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
      const p = ids('p', producers);
      const q = ids('q', queues);
      const t = ids('t', topics);
      const c = ids('c', consumers);
      const producerNode = (id: string) =>
        fc.record({
          id: fc.constant(id),
          kind: fc.constant('producer' as const),
          position: fc.constant({ x: 0, y: 0 }),
          config: fc.record({
            rate: fc.record({ dist: fc.constantFrom('constant' as const, 'poisson' as const), perSecond: fc.integer({ min: 1, max: 200 }) }),
            keys: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
            sizeBytes: fc.integer({ min: 0, max: 4096 }),
            limit: fc.integer({ min: 0, max: 60 }),
            startMs: fc.integer({ min: 0, max: 100 }),
          }),
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
            }),
          }),
        );
      const plain = (id: string, kind: 'queue' | 'topic'): TopologyNode =>
        kind === 'queue'
          ? { id, kind, position: { x: 0, y: 0 }, config: { ordering: 'fifo' } }
          : { id, kind, position: { x: 0, y: 0 }, config: {} };
      const subset = (options: string[]) => fc.subarray(options);
      return fc
        .record({
          producerNodes: fc.tuple(...p.map(producerNode)),
          consumerNodes: fc.tuple(...c.map(consumerNode)),
          producerTargets: fc.tuple(...p.map(() => fc.option(fc.constantFrom(...q, ...t, ...c), { nil: undefined }))),
          topicTargets: fc.tuple(...t.map(() => subset([...q, ...c]))),
          queueTargets: fc.tuple(...q.map(() => subset(c))),
          links: fc.array(arbitraryLink, { minLength: 64, maxLength: 64 }),
        })
        .map(({ producerNodes, consumerNodes, producerTargets, topicTargets, queueTargets, links }) => {
          const pairs: [string, string][] = [];
          producerTargets.forEach((target, i) => target !== undefined && pairs.push([p[i]!, target]));
          topicTargets.forEach((targets, i) => targets.forEach((target) => pairs.push([t[i]!, target])));
          queueTargets.forEach((targets, i) => targets.forEach((target) => pairs.push([q[i]!, target])));
          const edges: TopologyEdge[] = pairs.map(([source, target], i) => ({
            id: `e${i}`,
            source,
            target,
            link: links[i % links.length]!,
          }));
          const nodes: TopologyNode[] = [
            ...producerNodes,
            ...q.map((id) => plain(id, 'queue')),
            ...t.map((id) => plain(id, 'topic')),
            ...consumerNodes,
          ];
          return { format: FORMAT, name: 'generated', seed, nodes, edges };
        });
    });
}
