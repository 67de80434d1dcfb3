import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyVariant, loadTopology, withoutDeletedHighlights, type Topology } from './index.ts';

const SCENARIO_DIR = new URL('../../public/scenarios/', import.meta.url);
const SHIPPED = readdirSync(SCENARIO_DIR).filter((f) => /^\d+-.*\.json$/.test(f));

function load(text: string): Topology {
  const result = loadTopology(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

/** The smallest scenario with one highlighted counter. */
function withHighlight(node: string, stat: string): string {
  return JSON.stringify({
    format: 'msgflow/1',
    nodes: [
      { id: 'p', kind: 'producer', position: { x: 0, y: 0 }, config: {} },
      { id: 'q', kind: 'queue', position: { x: 200, y: 0 }, config: {} },
    ],
    edges: [{ id: 'p-q', source: 'p', target: 'q' }],
    scenario: { watch: 'the depth', highlight: [{ node, stat }] },
  });
}

describe('scenario highlights', () => {
  it.each(SHIPPED)('%s highlights 1 to 4 counters that exist, in the original and every variant', (file) => {
    const t = load(readFileSync(new URL(file, SCENARIO_DIR), 'utf8'));
    const highlight = t.scenario?.highlight ?? [];
    expect(highlight.length).toBeGreaterThanOrEqual(1);
    expect(highlight.length).toBeLessThanOrEqual(4);
    for (const v of t.scenario?.variants ?? []) {
      const switched = applyVariant(t, v.id);
      expect(switched.ok, v.id).toBe(true);
    }
  });

  it('accepts a counter the node kind shows', () => {
    expect(load(withHighlight('q', 'depth')).scenario?.highlight).toEqual([{ node: 'q', stat: 'depth' }]);
  });

  it('refuses a highlight of a node that does not exist', () => {
    const result = loadTopology(withHighlight('nope', 'depth'));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('no node with id \\"nope\\"');
  });

  it('refuses a counter the node kind does not show', () => {
    const result = loadTopology(withHighlight('p', 'depth'));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('a producer shows no \\"depth\\" counter');
  });

  it('drops the highlights of deleted nodes and keeps the rest', () => {
    const scenario = load(withHighlight('q', 'depth')).scenario!;
    const two = { ...scenario, highlight: [...(scenario.highlight ?? []), { node: 'p', stat: 'sent' }] };
    expect(withoutDeletedHighlights(two, (id) => id === 'p').highlight).toEqual([{ node: 'p', stat: 'sent' }]);
    expect(withoutDeletedHighlights(two, () => true)).toBe(two);
  });
});
