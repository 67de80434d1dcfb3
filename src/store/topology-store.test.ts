import { describe, expect, it } from 'vitest';
import { FORMAT, loadTopology, type Topology } from '../model/index.ts';
import { currentTopology, useTopologyStore } from './topology-store.ts';

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
