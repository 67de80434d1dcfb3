import { describe, expect, it } from 'vitest';
import { distributionMean, lintTopology, meanRatePerSecond, type LintRule } from './lint.ts';
import { edgeSchema, nodeSchema, type TopologyEdge, type TopologyNode } from './schema.ts';

// Smallest topologies, through the schema so every default is the file format's.
const node = (raw: Record<string, unknown>): TopologyNode => nodeSchema.parse(raw);
const link = (id: string, source: string, target: string, extra: Record<string, unknown> = {}): TopologyEdge =>
  edgeSchema.parse({ id, source, target, ...extra });

const producer = (id: string, perSecond = 5) => node({ id, kind: 'producer', config: { rate: { dist: 'constant', perSecond } } });
const queue = (id: string, config: Record<string, unknown> = {}) => node({ id, kind: 'queue', config });
const consumer = (id: string, config: Record<string, unknown> = {}) => node({ id, kind: 'consumer', config });

function rulesOf(nodes: TopologyNode[], edges: TopologyEdge[]): LintRule[] {
  return lintTopology({ nodes, edges }).map((w) => w.rule);
}

describe('lintTopology', () => {
  it('says nothing about a producer, a queue and a consumer that keeps up', () => {
    expect(rulesOf([producer('p'), queue('q'), consumer('c')], [link('e1', 'p', 'q'), link('e2', 'q', 'c')])).toEqual([]);
  });

  it('warns about a queue with no consumer, and only informs about a dead-letter queue', () => {
    const warnings = lintTopology({
      nodes: [producer('p'), queue('q', { deadLetterTarget: 'dlq' }), queue('dlq'), consumer('c')],
      edges: [link('e1', 'p', 'q'), link('e2', 'q', 'c')],
    });
    expect(warnings.map((w) => [w.rule, w.nodeId, w.severity])).toEqual([['queue-without-consumer', 'dlq', 'info']]);
    const lonely = lintTopology({ nodes: [producer('p'), queue('q')], edges: [link('e1', 'p', 'q')] });
    expect(lonely.map((w) => [w.rule, w.nodeId, w.severity])).toEqual([['queue-without-consumer', 'q', 'warning']]);
    expect(lonely[0]!.why).toMatch(/SEMANTICS §3/);
  });

  it('warns about an unbounded queue fed faster than its consumers drain it, and not once it is bounded', () => {
    // 20/s in; one consumer at 100 ms each drains 10/s.
    const nodes = [producer('p', 20), queue('q'), consumer('c', { processingMs: { dist: 'exponential', mean: 100 } })];
    const edges = [link('e1', 'p', 'q'), link('e2', 'q', 'c')];
    const [warning] = lintTopology({ nodes, edges });
    expect(warning).toMatchObject({ rule: 'queue-grows-unbounded', nodeId: 'q', setting: { on: 'node', field: 'maxLength' } });
    expect(warning!.why).toContain('20/s');
    expect(warning!.why).toContain('10/s');
    // Concurrency 2 drains 20/s: it keeps up.
    const faster = [producer('p', 20), queue('q'), consumer('c', { concurrency: 2, prefetch: 2, processingMs: { dist: 'fixed', value: 100 } })];
    expect(rulesOf(faster, edges)).toEqual([]);
    expect(rulesOf([producer('p', 20), queue('q', { maxLength: 100 }), nodes[2]!], edges)).toEqual([]);
  });

  it('warns about an auto-ack consumer downstream of a link marked critical, and not without the mark', () => {
    const nodes = [producer('p'), queue('q'), consumer('c', { ack: 'auto' })];
    expect(rulesOf(nodes, [link('e1', 'p', 'q'), link('e2', 'q', 'c')])).toEqual([]);
    const warnings = lintTopology({ nodes, edges: [link('e1', 'p', 'q', { critical: true }), link('e2', 'q', 'c')] });
    expect(warnings.map((w) => [w.rule, w.nodeId, w.setting])).toEqual([['at-most-once-in-critical-path', 'c', { on: 'node', field: 'ack' }]]);
    expect(warnings[0]!.why).toMatch(/RMQ-C1/);
  });

  it('warns about a Kafka consumer that commits before processing in a critical path', () => {
    const nodes = [producer('p'), node({ id: 'k', kind: 'kafka-topic' }), consumer('c')];
    const edges = [link('e1', 'p', 'k', { critical: true }), link('e2', 'k', 'c', { kafka: { commit: 'before-processing' } })];
    const warnings = lintTopology({ nodes, edges });
    expect(warnings.map((w) => [w.rule, w.nodeId, w.edgeId, w.setting])).toEqual([
      ['at-most-once-in-critical-path', 'c', 'e2', { on: 'edge', field: 'kafka.commit' }],
    ]);
    expect(warnings[0]!.why).toMatch(/K-3/);
  });

  it('warns about a FIFO queue with competing consumers, and not when ordered per group', () => {
    const edges = [link('e1', 'p', 'q'), link('e2', 'q', 'c1'), link('e3', 'q', 'c2')];
    const [warning, ...rest] = lintTopology({ nodes: [producer('p'), queue('q'), consumer('c1'), consumer('c2')], edges });
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ rule: 'fifo-competing-consumers', nodeId: 'q', setting: { on: 'node', field: 'ordering' } });
    expect(rulesOf([producer('p'), queue('q', { ordering: 'per-group' }), consumer('c1'), consumer('c2')], edges)).toEqual([]);
  });

  it('warns about a dead-letter cycle with no TTL or delivery limit, and not once a queue on it has one', () => {
    const edges = [link('e1', 'p', 'a'), link('e2', 'a', 'c'), link('e3', 'b', 'c2')];
    const loop = (extra: Record<string, unknown>) => [
      producer('p'),
      queue('a', { deadLetterTarget: 'b' }),
      queue('b', { deadLetterTarget: 'a', ...extra }),
      consumer('c'),
      consumer('c2'),
    ];
    const warnings = lintTopology({ nodes: loop({}), edges });
    expect(warnings.map((w) => [w.rule, w.nodeId])).toEqual([['cycle-without-ttl', 'a']]);
    expect(warnings[0]!.why).toContain('a, b');
    expect(rulesOf(loop({ messageTtlMs: 60_000 }), edges)).toEqual([]);
    expect(rulesOf(loop({ maxDeliveries: 5 }), edges)).toEqual([]);
  });

  it('warns about a link cycle through a consumer that passes messages back to its queue', () => {
    const nodes = [producer('p'), queue('q'), consumer('c')];
    const edges = [link('e1', 'p', 'q'), link('e2', 'q', 'c'), link('e3', 'c', 'q')];
    expect(rulesOf(nodes, edges)).toEqual(['cycle-without-ttl']);
  });

  it('does not take request and reply for a cycle', () => {
    const nodes = [node({ id: 'r', kind: 'requester' }), queue('requests'), node({ id: 's', kind: 'replier' })];
    const edges = [link('e1', 'r', 'requests'), link('e2', 'requests', 's'), link('e3', 's', 'r')];
    expect(rulesOf(nodes, edges)).toEqual([]);
  });

  it('warns about a producer with no route', () => {
    const warnings = lintTopology({ nodes: [producer('p')], edges: [] });
    expect(warnings.map((w) => [w.rule, w.nodeId, w.setting])).toEqual([['producer-without-route', 'p', undefined]]);
    expect(warnings[0]!.why).toMatch(/lost:unroutable/);
  });

  it('gives every warning a unique id', () => {
    const nodes = [producer('p'), producer('p2'), queue('q'), queue('q2')];
    const ids = lintTopology({ nodes, edges: [link('e1', 'p', 'q')] }).map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(3);
  });
});

describe('means', () => {
  it('takes the mean of each distribution and rate', () => {
    expect(distributionMean({ dist: 'fixed', value: 7 })).toBe(7);
    expect(distributionMean({ dist: 'uniform', min: 10, max: 30 })).toBe(20);
    expect(distributionMean({ dist: 'exponential', mean: 40 })).toBe(40);
    expect(distributionMean({ dist: 'normal', mean: 50, stddev: 5, min: 0 })).toBe(50);
    const empirical = { dist: 'empirical', percentiles: [{ p: 0, value: 0 }, { p: 50, value: 10 }, { p: 100, value: 30 }] } as const;
    expect(distributionMean({ ...empirical, percentiles: [...empirical.percentiles] })).toBe(12.5);
    expect(meanRatePerSecond({ dist: 'poisson', perSecond: 8 })).toBe(8);
    expect(meanRatePerSecond({ dist: 'bursts', perSecond: 100, onMs: 1000, offMs: 3000 })).toBe(25);
  });
});
