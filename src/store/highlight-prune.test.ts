import { describe, expect, it } from 'vitest';
import { FORMAT, loadTopology } from '../model/index.ts';
import { currentTopology, useTopologyStore } from './topology-store.ts';

const loaded = loadTopology({
  format: FORMAT,
  nodes: [
    { id: 'p', kind: 'producer' },
    { id: 'q', kind: 'queue' },
  ],
  edges: [{ id: 'e', source: 'p', target: 'q' }],
  scenario: { watch: 'sent and depth', highlight: [{ node: 'p', stat: 'sent' }, { node: 'q', stat: 'depth' }] },
});
if (!loaded.ok) throw new Error('bad fixture');
const TOPOLOGY = loaded.topology;

describe('deleting a highlighted node', () => {
  it('drops its highlights, so the scenario still loads', () => {
    const store = useTopologyStore.getState();
    store.replace(TOPOLOGY);
    // As the canvas deletes a node: its links first.
    store.onEdgesChange([{ type: 'remove', id: 'e' }]);
    store.onNodesChange([{ type: 'remove', id: 'q' }]);
    const after = currentTopology();
    expect(after.scenario?.highlight).toEqual([{ node: 'p', stat: 'sent' }]);
    expect(loadTopology(after).ok).toBe(true);
  });

  it('undo brings them back', () => {
    const store = useTopologyStore.getState();
    store.replace(TOPOLOGY);
    store.onNodesChange([{ type: 'remove', id: 'q' }]);
    expect(currentTopology().scenario?.highlight).toHaveLength(1);
    store.undo();
    expect(currentTopology().scenario?.highlight).toHaveLength(2);
  });
});
