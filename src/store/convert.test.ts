import { describe, expect, it } from 'vitest';
import { loadTopology } from '../model/index.ts';
import { toFlowEdge, toFlowNode, toTopology } from './convert.ts';

describe('canvas <-> file', () => {
  it('a topology goes onto the canvas and back unchanged, bindings, filter policies and late links included', () => {
    const loaded = loadTopology({
      format: 'msgflow/1',
      name: 'round trip',
      seed: 7,
      nodes: [
        { id: 'p', kind: 'producer', label: 'Logs', position: { x: 1, y: 2 }, config: { keys: ['kern.critical'] } },
        { id: 'p2', kind: 'producer' },
        { id: 'x', kind: 'exchange', config: { type: 'topic' } },
        { id: 'q', kind: 'queue', config: { maxMessageBytes: 262_144 } },
        { id: 't', kind: 'topic' },
        { id: 'c', kind: 'consumer' },
      ],
      edges: [
        { id: 'e1', source: 'p', target: 'x', link: { loss: 0.1 } },
        { id: 'e2', source: 'x', target: 'q', binding: { keys: ['kern.*', '*.critical'] }, activeFromMs: 30_000 },
        { id: 'e3', source: 'p2', target: 't' },
        {
          id: 'e4',
          source: 't',
          target: 'c',
          filterPolicy: { region: ['eu', { prefix: 'eu-' }], price: [{ numeric: ['>', 0, '<=', 100] }], trace: [{ exists: false }] },
        },
      ],
      faults: [{ atMs: 5, action: 'crash', node: 'q' }],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    const t = loaded.topology;
    const back = toTopology({ name: t.name, seed: t.seed, faults: t.faults }, t.nodes.map(toFlowNode), t.edges.map(toFlowEdge));
    expect(back).toEqual(t);
    expect(back.edges[3]!.filterPolicy).toEqual({ region: ['eu', { prefix: 'eu-' }], price: [{ numeric: ['>', 0, '<=', 100] }], trace: [{ exists: false }] });
    // And through JSON, as autosave and Save write it.
    expect(loadTopology(JSON.parse(JSON.stringify(back)))).toEqual({ ok: true, topology: t });
  });
});
