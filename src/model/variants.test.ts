import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from './index.ts';
import { applyVariant } from './variants.ts';

function scenario(variants: object[]): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    name: 'Hello queue',
    nodes: [
      { id: 'p', kind: 'producer', config: { rate: { dist: 'constant', perSecond: 10 } } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { ack: 'auto' } },
    ],
    edges: [
      { id: 'p-q', source: 'p', target: 'q' },
      { id: 'q-c', source: 'q', target: 'c' },
    ],
    faults: [{ atMs: 1_000, action: 'crash', node: 'c' }],
    scenario: { watch: 'the consumer crash', expect: ['lost:consumer-crash > 0'], variants },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

describe('scenario variants', () => {
  it('merge config into the named nodes and links, keep everything else, and keep the variants', () => {
    const base = scenario([{ id: 'manual', label: 'Manual ack', nodes: { c: { ack: 'after-processing' } }, edges: { 'q-c': { link: { loss: 0.1 }, activeFromMs: 500 } } }]);
    const result = applyVariant(base, 'manual');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.topology.nodes.find((n) => n.id === 'c')!;
    expect(c.kind === 'consumer' && c.config.ack).toBe('after-processing');
    expect(result.topology.edges[1]!.link.loss).toBe(0.1);
    expect(result.topology.edges[1]!.link.latencyMs).toEqual(base.edges[1]!.link.latencyMs);
    expect(result.topology.edges[1]!.activeFromMs).toBe(500);
    expect(result.topology.faults).toEqual(base.faults);
    expect(result.topology.scenario?.variants).toHaveLength(1);
    // The original is untouched.
    const before = base.nodes.find((n) => n.id === 'c')!;
    expect(before.kind === 'consumer' && before.config.ack).toBe('auto');
  });

  it('replace a topic link\'s filter policy, and refuse a malformed one with its path', () => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [
        { id: 'p', kind: 'producer', config: { keys: ['eu', 'us'], headers: { region: '{key}' } } },
        { id: 't', kind: 'topic' },
        { id: 'c', kind: 'consumer' },
      ],
      edges: [
        { id: 'p-t', source: 'p', target: 't' },
        { id: 't-c', source: 't', target: 'c', filterPolicy: { region: ['eu'], tier: ['gold'] } },
      ],
      scenario: {
        watch: 'the filter',
        variants: [
          { id: 'us', label: 'Only us', edges: { 't-c': { filterPolicy: { region: ['us', { prefix: 'us-' }] } } } },
          { id: 'all', label: 'Everything', edges: { 't-c': { filterPolicy: {} } } },
          { id: 'bad', label: 'Bad', edges: { 't-c': { filterPolicy: { region: [{ numeric: ['>>', 1] }] } } } },
        ],
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const us = applyVariant(result.topology, 'us');
    // Replaced whole, not merged: the tier condition is gone.
    expect(us.ok && us.topology.edges[1]!.filterPolicy).toEqual({ region: ['us', { prefix: 'us-' }] });
    const all = applyVariant(result.topology, 'all');
    expect(all.ok && all.topology.edges[1]!.filterPolicy).toEqual({});
    const bad = applyVariant(result.topology, 'bad');
    expect(!bad.ok && bad.error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'edges[1].filterPolicy.region[0].numeric[0] (edge "t-c"): variant "bad" makes unknown numeric operator ">>": use = > >= < <=',
    ]);
  });

  it('replace the fault schedule when they give one', () => {
    const result = applyVariant(scenario([{ id: 'calm', label: 'No crash', faults: [] }]), 'calm');
    expect(result.ok && result.topology.faults).toEqual([]);
  });

  it('refuse a variant that makes an impossible topology, naming the path and the variant', () => {
    const result = applyVariant(scenario([{ id: 'bad', label: 'Bad', nodes: { c: { prefetch: -1 } } }]), 'bad');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues[0]!.path).toMatch(/^nodes\[2\]\.config\.prefetch/);
    expect(result.error.issues[0]!.message).toMatch(/^variant "bad" makes /);
  });

  it('refuse an unknown variant id', () => {
    const result = applyVariant(scenario([]), 'nope');
    expect(!result.ok && result.error.issues[0]!.message).toMatch(/no variant with id "nope"/);
  });

  it('are checked on load: unknown node or edge ids, duplicate variant ids', () => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [{ id: 'q', kind: 'queue' }],
      edges: [],
      scenario: {
        watch: 'x',
        variants: [
          { id: 'a', label: 'A', nodes: { ghost: { maxLength: 1 } } },
          { id: 'a', label: 'A again', edges: { nowhere: { link: { loss: 0.5 } } } },
        ],
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'scenario.variants[0].nodes.ghost: no node with id "ghost"',
      'scenario.variants[1].id: duplicate variant id "a"',
      'scenario.variants[1].edges.nowhere: no edge with id "nowhere"',
    ]);
  });
});
