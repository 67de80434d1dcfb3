import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryTopology } from '../model/arbitrary.ts';
import { loadTopology } from '../model/index.ts';
import { exportTopologyJson } from './json.ts';

describe('exportTopologyJson', () => {
  it('round-trips through the load pipeline unchanged', () => {
    fc.assert(
      fc.property(arbitraryTopology(), (t) => {
        const text = exportTopologyJson(t);
        const loaded = loadTopology(text);
        expect(loaded.ok && loaded.topology).toEqual(t);
        expect(text.startsWith('{\n  "format": "msgflow/1",')).toBe(true);
        expect(text.endsWith('}\n')).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses an invalid topology instead of writing it', () => {
    const valid = loadTopology({ format: 'msgflow/1', nodes: [{ id: 'a', kind: 'producer' }, { id: 'b', kind: 'consumer' }], edges: [{ id: 'e', source: 'a', target: 'b' }] });
    if (!valid.ok) throw new Error('bad fixture');
    const bad = { ...valid.topology, nodes: [] };
    expect(() => exportTopologyJson(bad)).toThrow(/no node with id "a"/);
  });
});
