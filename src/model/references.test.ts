import { describe, expect, it } from 'vitest';
import { loadTopology, type NodeKind, type Topology, type TopologyNode } from './index.ts';
import { withoutStaleReferences, type ReferenceContext } from './references.ts';

/** The topology after deleting nodes and links, with stale references pruned; must validate. */
function afterDeleting(t: Topology, nodeIds: string[], edgeIds: string[] = []): { topology: Topology; cleared: string[] } {
  const nodes = t.nodes.filter((n) => !nodeIds.includes(n.id));
  const edges = t.edges.filter((e) => !edgeIds.includes(e.id) && !nodeIds.includes(e.source) && !nodeIds.includes(e.target));
  const kinds = new Map<string, NodeKind>(nodes.map((n) => [n.id, n.kind]));
  const context: ReferenceContext = { kindOf: (id) => kinds.get(id), linked: (from, to) => edges.some((e) => e.source === from && e.target === to) };
  const cleared: string[] = [];
  const pruned: TopologyNode[] = nodes.map((n) => {
    const result = withoutStaleReferences(n, context);
    cleared.push(...result.cleared);
    return result.node;
  });
  const loaded = loadTopology({ ...t, nodes: pruned, edges });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return { topology: loaded.topology, cleared };
}

const base = (): Topology => {
  const r = loadTopology({
    format: 'msgflow/1',
    nodes: [
      { id: 'p', kind: 'producer' },
      { id: 'x', kind: 'exchange', config: { type: 'direct', alternateExchange: 'ae', acl: { publishers: ['p', 'p2'] } } },
      { id: 'ae', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'q', kind: 'queue', config: { deadLetterTarget: 'dlx', deadLetterRoutingKey: 'dead' } },
      { id: 'dlx', kind: 'exchange' },
      { id: 'p2', kind: 'producer' },
      { id: 'r', kind: 'content-router', config: { rules: [{ when: { key: 'a' }, to: 'c1' }, { when: { key: 'b' }, to: 'c2' }], defaultTo: 'c2' } },
      { id: 'tap', kind: 'wire-tap', config: { tapTo: 'c1' } },
      { id: 'c1', kind: 'consumer' },
      { id: 'c2', kind: 'consumer' },
    ],
    edges: [
      { id: 'p-x', source: 'p', target: 'x' },
      { id: 'x-q', source: 'x', target: 'q' },
      { id: 'p2-r', source: 'p2', target: 'r' },
      { id: 'r-c1', source: 'r', target: 'c1' },
      { id: 'r-c2', source: 'r', target: 'c2' },
      { id: 'tap-c1', source: 'tap', target: 'c1' },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.topology;
};

describe('stale references after a deletion', () => {
  it('nothing stale: every node is returned as it was', () => {
    const t = base();
    const kinds = new Map(t.nodes.map((n) => [n.id, n.kind]));
    const context: ReferenceContext = { kindOf: (id) => kinds.get(id), linked: (from, to) => t.edges.some((e) => e.source === from && e.target === to) };
    for (const n of t.nodes) expect(withoutStaleReferences(n, context)).toEqual({ node: n, cleared: [] });
  });

  it('deleting targets clears dead-letter targets (and their routing key), alternate exchanges and ACL entries', () => {
    const { topology, cleared } = afterDeleting(base(), ['dlx', 'ae', 'p2']);
    const q = topology.nodes.find((n) => n.id === 'q')!;
    expect(q.kind === 'queue' && [q.config.deadLetterTarget, q.config.deadLetterRoutingKey]).toEqual([undefined, undefined]);
    const x = topology.nodes.find((n) => n.id === 'x')!;
    expect(x.kind === 'exchange' && [x.config.alternateExchange, x.config.acl?.publishers]).toEqual([undefined, ['p']]);
    expect(cleared).toHaveLength(3);
  });

  it('removing a router link drops the rules and default that used it; a tap link clears the tap', () => {
    const { topology, cleared } = afterDeleting(base(), [], ['r-c2', 'tap-c1']);
    const r = topology.nodes.find((n) => n.id === 'r')!;
    expect(r.kind === 'content-router' && r.config).toEqual({ rules: [{ when: { key: 'a', headers: {} }, to: 'c1' }] });
    const tap = topology.nodes.find((n) => n.id === 'tap')!;
    expect(tap.kind === 'wire-tap' && tap.config.tapTo).toBeUndefined();
    expect(cleared).toEqual([
      '"r" lost 1 rule whose output is no longer linked.',
      '"r" lost its default route, so unmatched messages are now unroutable.',
      '"tap" lost its tap.',
    ]);
  });
});
