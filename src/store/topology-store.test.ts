import { describe, expect, it } from 'vitest';
import { FORMAT, loadTopology, type Topology } from '../model/index.ts';
import { currentTopology, useTopologyStore } from './topology-store.ts';
import { useUiStore } from './ui-store.ts';

// Through the load pipeline, so every setting has its default.
const loaded = loadTopology({
  format: FORMAT,
  nodes: [
    { id: 'p', kind: 'producer' },
    { id: 'q', kind: 'queue', config: { deadLetterTarget: 'dlq' } },
    { id: 'dlq', kind: 'queue' },
  ],
  edges: [{ id: 'e', source: 'p', target: 'q' }],
});
if (!loaded.ok) throw new Error('bad fixture');
const TOPOLOGY: Topology = loaded.topology;

describe('deleting a dead-letter target', () => {
  it("clears the queues' setting so the topology stays valid", () => {
    const store = useTopologyStore.getState();
    store.replace(TOPOLOGY);
    const before = useTopologyStore.getState().simRevision;
    store.onNodesChange([{ type: 'remove', id: 'dlq' }]);
    const after = currentTopology();
    const queue = after.nodes.find((n) => n.id === 'q');
    expect(queue?.kind === 'queue' && 'deadLetterTarget' in queue.config).toBe(false);
    expect(loadTopology(after).ok).toBe(true);
    expect(useTopologyStore.getState().simRevision).toBeGreaterThan(before);
    // The relation never becomes an edge.
    expect(after.edges.map((e) => e.id)).toEqual(['e']);
  });

  it('leaves other queues alone', () => {
    const store = useTopologyStore.getState();
    store.replace(TOPOLOGY);
    store.onNodesChange([{ type: 'remove', id: 'p' }]);
    const queue = currentTopology().nodes.find((n) => n.id === 'q');
    expect(queue?.kind === 'queue' ? queue.config.deadLetterTarget : undefined).toBe('dlq');
  });
});

describe('removing a router link', () => {
  it('drops the rules that sent to it and tells the user, so the topology stays valid', () => {
    const routed = loadTopology({
      format: FORMAT,
      nodes: [
        { id: 'p', kind: 'producer' },
        { id: 'r', kind: 'content-router', config: { rules: [{ when: { key: 'a' }, to: 'a' }, { when: { key: 'b' }, to: 'b' }], defaultTo: 'b' } },
        { id: 'a', kind: 'consumer' },
        { id: 'b', kind: 'consumer' },
      ],
      edges: [
        { id: 'p-r', source: 'p', target: 'r' },
        { id: 'r-a', source: 'r', target: 'a' },
        { id: 'r-b', source: 'r', target: 'b' },
      ],
    });
    if (!routed.ok) throw new Error('bad fixture');
    const store = useTopologyStore.getState();
    store.replace(routed.topology);
    store.onEdgesChange([{ type: 'remove', id: 'r-b' }]);
    const after = currentTopology();
    const router = after.nodes.find((n) => n.id === 'r');
    expect(router?.kind === 'content-router' && router.config).toEqual({ rules: [{ when: { key: 'a', headers: {} }, to: 'a' }] });
    expect(loadTopology(after).ok).toBe(true);
    expect(useUiStore.getState().notices.at(-1)?.text).toMatch(/"r" lost 1 rule/);
  });
});

describe('edge settings', () => {
  const exchangeTopology = loadTopology({
    format: FORMAT,
    nodes: [
      { id: 'x', kind: 'exchange', config: { type: 'topic' } },
      { id: 'q', kind: 'queue' },
      { id: 'b', kind: 'mqtt-broker' },
      { id: 'c', kind: 'consumer' },
    ],
    edges: [
      { id: 'bound', source: 'x', target: 'q', binding: { keys: ['kern.*'] }, activeFromMs: 30_000 },
      { id: 'sub', source: 'b', target: 'c', subscription: { filters: [{ filter: 'home/#', qos: 1 }] } },
    ],
  });
  if (!exchangeTopology.ok) throw new Error('bad fixture');

  it('updateEdgeLink changes the link and keeps the binding, subscription and opening time', () => {
    const store = useTopologyStore.getState();
    store.replace(exchangeTopology.topology);
    const link = { ...exchangeTopology.topology.edges[0]!.link, loss: 0.25 };
    store.updateEdgeLink('bound', link);
    store.updateEdgeLink('sub', link);
    const [bound, sub] = currentTopology().edges;
    expect(bound).toMatchObject({ link: { loss: 0.25 }, binding: { keys: ['kern.*'] }, activeFromMs: 30_000 });
    expect(sub).toMatchObject({ link: { loss: 0.25 }, subscription: { filters: [{ filter: 'home/#', qos: 1 }], cleanSession: true } });
  });

  it('updateEdgeData replaces every setting of one edge, and is saved and re-run like a link edit', () => {
    const store = useTopologyStore.getState();
    store.replace(exchangeTopology.topology);
    const { docRevision, simRevision } = useTopologyStore.getState();
    const link = exchangeTopology.topology.edges[0]!.link;
    store.updateEdgeData('bound', { link, binding: { keys: ['kern.*', '*.critical'], arguments: {}, match: 'all' } });
    const state = useTopologyStore.getState();
    expect(state.docRevision).toBe(docRevision + 1);
    expect(state.simRevision).toBe(simRevision + 1);
    const after = currentTopology();
    // The opening time was not in the new settings, so it is gone; the other edge is untouched.
    expect(after.edges[0]).toEqual({ id: 'bound', source: 'x', target: 'q', link, binding: { keys: ['kern.*', '*.critical'], arguments: {}, match: 'all' } });
    expect(after.edges[1]).toEqual(exchangeTopology.topology.edges[1]);
    expect(loadTopology(after).ok).toBe(true);
  });
});
