import { beforeEach, describe, expect, it } from 'vitest';
import { FORMAT, loadTopology, type Topology } from '../model/index.ts';
import { copySelection, pasteCopied, PASTE_OFFSET } from './clipboard.ts';
import { HISTORY_LIMIT, useHistoryStore } from './edit-history.ts';
import { currentTopology, useTopologyStore } from './topology-store.ts';

const loaded = loadTopology({
  format: FORMAT,
  nodes: [
    { id: 'p', kind: 'producer', position: { x: 0, y: 0 } },
    { id: 'q', kind: 'queue', position: { x: 200, y: 0 }, config: { deadLetterTarget: 'dlq' } },
    { id: 'dlq', kind: 'queue', position: { x: 200, y: 200 } },
    { id: 'c', kind: 'consumer', position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 'q' },
    { id: 'e2', source: 'q', target: 'c' },
  ],
});
if (!loaded.ok) throw new Error('bad fixture');
const TOPOLOGY: Topology = loaded.topology;

/** Lets the history close the step a task's commits make (it settles on a microtask). */
const settle = (): Promise<void> => Promise.resolve();
const store = () => useTopologyStore.getState();
const ids = (): string[] => currentTopology().nodes.map((n) => n.id);

beforeEach(async () => {
  store().replace(TOPOLOGY);
  await settle();
});

describe('undo and redo', () => {
  it('start empty after a document is opened', () => {
    expect(useHistoryStore.getState()).toEqual({ canUndo: false, canRedo: false });
    expect(store().undo()).toBe(false);
  });

  it('undo a deletion of a node with its links (removed in one task) in one step, then redo it', async () => {
    // React Flow removes the links, then the node, in the same task.
    store().onEdgesChange([{ type: 'remove', id: 'e1' }]);
    store().onNodesChange([{ type: 'remove', id: 'p' }]);
    await settle();
    expect(ids()).toEqual(['q', 'dlq', 'c']);
    const simBefore = store().simRevision;

    expect(store().undo()).toBe(true);
    expect(currentTopology()).toEqual(TOPOLOGY);
    // The run is reset, as after any edit.
    expect(store().simRevision).toBe(simBefore + 1);
    expect(useHistoryStore.getState()).toEqual({ canUndo: false, canRedo: true });

    expect(store().redo()).toBe(true);
    expect(ids()).toEqual(['q', 'dlq', 'c']);
    expect(currentTopology().edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('undo of a deletion puts back the references the deletion cleared', async () => {
    store().onNodesChange([{ type: 'remove', id: 'dlq' }]);
    await settle();
    store().undo();
    const queue = currentTopology().nodes.find((n) => n.id === 'q');
    expect(queue?.kind === 'queue' ? queue.config.deadLetterTarget : undefined).toBe('dlq');
  });

  it('make a drag one step (saved on release), and do not reset the run for a move', async () => {
    for (let x = 1; x <= 30; x++) store().onNodesChange([{ type: 'position', id: 'p', position: { x, y: 0 }, dragging: true }]);
    store().onNodesChange([{ type: 'position', id: 'p', position: { x: 30, y: 0 }, dragging: false }]);
    await settle();
    const simBefore = store().simRevision;
    store().undo();
    expect(currentTopology().nodes[0]?.position).toEqual({ x: 0, y: 0 });
    expect(store().simRevision).toBe(simBefore);
    expect(store().undo()).toBe(false);
  });

  it('ignore selection, and keep the current selection on undo', async () => {
    store().onNodesChange([{ type: 'select', id: 'c', selected: true }]);
    await settle();
    expect(useHistoryStore.getState().canUndo).toBe(false);
    store().updateDocument({ name: 'Renamed' });
    await settle();
    store().undo();
    expect(currentTopology().name).toBe(TOPOLOGY.name);
    expect(store().nodes.find((n) => n.id === 'c')?.selected).toBe(true);
  });

  it('join typing in one field into one step, but not edits to different things', async () => {
    for (const name of ['O', 'Or', 'Ord']) {
      store().updateDocument({ name });
      await settle();
    }
    store().updateNodeData('q', { kind: 'queue', label: 'Orders', config: store().nodes[1]!.data.config as never });
    await settle();
    store().undo();
    expect(currentTopology().nodes[1]?.label).toBeUndefined();
    expect(currentTopology().name).toBe('Ord');
    store().undo();
    expect(currentTopology().name).toBe(TOPOLOGY.name);
  });

  it('drop redo after a new edit', async () => {
    store().updateDocument({ seed: 7 });
    await settle();
    store().undo();
    store().onNodesChange([{ type: 'remove', id: 'c' }]);
    await settle();
    expect(useHistoryStore.getState().canRedo).toBe(false);
  });

  it(`keep at most ${HISTORY_LIMIT} steps`, async () => {
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) {
      store().onNodesChange([{ type: 'position', id: 'p', position: { x: i + 1, y: 0 } }]);
      await settle();
    }
    let undone = 0;
    while (store().undo()) undone++;
    expect(undone).toBe(HISTORY_LIMIT);
    expect(currentTopology().nodes[0]?.position).toEqual({ x: 20, y: 0 });
  });
});

describe('copy and paste', () => {
  it('paste copies with new ids, offset, with the links between them and references renamed', async () => {
    store().onNodesChange([
      { type: 'select', id: 'q', selected: true },
      { type: 'select', id: 'dlq', selected: true },
      { type: 'select', id: 'c', selected: true },
    ]);
    expect(copySelection()).toBe(3);
    expect(pasteCopied()).toBe(3);
    await settle();
    const after = currentTopology();
    expect(after.nodes.map((n) => n.id)).toEqual(['p', 'q', 'dlq', 'c', 'queue-1', 'queue-2', 'consumer-1']);
    const copy = after.nodes.find((n) => n.id === 'queue-1');
    expect(copy?.position).toEqual({ x: 200 + PASTE_OFFSET, y: PASTE_OFFSET });
    // The copied queue dead-letters into the copied DLQ, not the original.
    expect(copy?.kind === 'queue' ? copy.config.deadLetterTarget : undefined).toBe('queue-2');
    // Only the link between copied nodes (q → c) is copied; p → q is not.
    expect(after.edges.filter((e) => !['e1', 'e2'].includes(e.id))).toEqual([
      expect.objectContaining({ source: 'queue-1', target: 'consumer-1' }),
    ]);
    expect(loadTopology(after).ok).toBe(true);
    // The paste is selected in place of the originals, and is one undo step.
    expect(store().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['queue-1', 'queue-2', 'consumer-1']);
    store().undo();
    expect(currentTopology()).toEqual(TOPOLOGY);
  });

  it('a second paste lands one offset further', async () => {
    store().onNodesChange([{ type: 'select', id: 'p', selected: true }]);
    copySelection();
    pasteCopied();
    pasteCopied();
    await settle();
    expect(currentTopology().nodes.slice(-2).map((n) => n.position)).toEqual([
      { x: PASTE_OFFSET, y: PASTE_OFFSET },
      { x: 2 * PASTE_OFFSET, y: 2 * PASTE_OFFSET },
    ]);
  });
});
