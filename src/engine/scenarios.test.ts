import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../model/index.ts';
import { runReport } from './report.ts';
import type { QueueStats } from './session-types.ts';
import { Simulation } from './simulation.ts';

function scenario(name: string): Topology {
  const result = loadTopology(readFileSync(new URL(`../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.topology;
}

/** Queue depth sampled every second of sim time. */
function depths(t: Topology, seconds: number): number[] {
  const sim = new Simulation(t);
  const q = t.nodes.findIndex((n) => n.kind === 'queue');
  const out: number[] = [];
  for (let s = 1; s <= seconds; s++) {
    sim.runUntil(s * 1000);
    out.push((sim.nodeStats()[q] as QueueStats).depth);
  }
  return out;
}

function withRate(t: Topology, perSecond: number): Topology {
  const copy = structuredClone(t);
  for (const n of copy.nodes) if (n.kind === 'producer') n.config.rate.perSecond = perSecond;
  return copy;
}

function withThirdConsumer(t: Topology): Topology {
  const copy = structuredClone(t);
  const template = copy.nodes.find((n) => n.id === 'worker-2')!;
  const link = copy.edges.find((e) => e.id === 'work-worker-2')!;
  copy.nodes.push({ ...structuredClone(template), id: 'worker-3' });
  copy.edges.push({ ...structuredClone(link), id: 'work-worker-3', target: 'worker-3' });
  return copy;
}

describe('scenario: work queue with competing consumers (the default)', () => {
  const base = scenario('work-queue');

  it('gives each message to one worker and, at 6/s, keeps the queue short', () => {
    const sim = new Simulation(base);
    sim.runUntil(300_000);
    const r = runReport(sim);
    const w1 = r.nodes['worker-1']!;
    const w2 = r.nodes['worker-2']!;
    if (w1.kind !== 'consumer' || w2.kind !== 'consumer') throw new Error('fixture');
    expect(w1.processed + w2.processed).toBe(r.ledger.delivered);
    expect(Math.abs(w1.processed - w2.processed)).toBeLessThan(0.1 * r.ledger.delivered);
    expect(r.ledger.duplicates).toBe(0);
    expect(Math.max(...depths(base, 300))).toBeLessThan(40);
  });

  it('at 10/s the depth grows, and a third consumer drains it again', () => {
    const fast = depths(withRate(base, 10), 300);
    expect(fast.at(-1)!).toBeGreaterThan(200);
    expect(fast.at(-1)!).toBeGreaterThan(fast[149]!);
    const three = depths(withThirdConsumer(withRate(base, 10)), 300);
    expect(Math.max(...three.slice(150))).toBeLessThan(60);
  });
});
