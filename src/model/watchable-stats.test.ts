import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS, ROUTER_KINDS, WATCHABLE_STATS, type NodeKind } from './index.ts';

// The cards live in the UI; this list is what the schema checks scenarios against.
const NODES_DIR = new URL('../ui/nodes/', import.meta.url);

/** The `stat-<name>` counters a source file renders through Stat or MinorStats. */
function statNames(file: string): string[] {
  const source = readFileSync(new URL(file, NODES_DIR), 'utf8');
  return [...source.matchAll(/testId[=:] ?["']stat-([a-z0-9-]+)/g)].map((m) => m[1]!);
}

function cardFile(kind: NodeKind): string {
  return `${kind.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase())}Node.tsx`;
}

describe('WATCHABLE_STATS', () => {
  const routerStats = statNames('RouterCounters.tsx');
  it.each(NODE_KINDS)('lists exactly the counters a %s card shows', (kind) => {
    const shown = new Set(statNames(cardFile(kind)));
    if ((ROUTER_KINDS as readonly string[]).includes(kind)) {
      for (const name of routerStats) if (name !== 'tapped' || kind === 'wire-tap') shown.add(name);
    }
    expect([...WATCHABLE_STATS[kind]].sort()).toEqual([...shown].sort());
  });
});
