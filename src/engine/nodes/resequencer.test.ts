import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { ConsumerStats, ResequencerStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

/** p -> (link) -> resequencer -> consumer; the first link is where order is lost. */
function topology(resequencer: object | undefined, firstLink: object, producer: object = {}): Topology {
  const nodes: object[] = [
    { id: 'p', kind: 'producer', config: { rate: { dist: 'constant', perSecond: 100 }, limit: 200, ...producer } },
    { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 0 }, prefetch: 0, concurrency: 1 } },
  ];
  const edges: object[] = [];
  if (resequencer) {
    nodes.push({ id: 'r', kind: 'resequencer', config: resequencer });
    edges.push({ id: 'p-r', source: 'p', target: 'r', link: firstLink }, { id: 'r-c', source: 'r', target: 'c', link: { latencyMs: { dist: 'fixed', value: 1 } } });
  } else {
    edges.push({ id: 'p-c', source: 'p', target: 'c', link: firstLink });
  }
  const result = loadTopology({ format: 'msgflow/1', seed: 11, nodes, edges });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

function run(t: Topology): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(60_000);
  return sim;
}

const stats = <T>(sim: Simulation, id: string): T => sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
const scrambling = { latencyMs: { dist: 'uniform', min: 1, max: 80 }, ordered: false };

describe('SEMANTICS §5 resequencer', () => {
  it('puts messages back in producer order after a link that reorders them', () => {
    expect(stats<ConsumerStats>(run(topology(undefined, scrambling)), 'c').reorders).toBeGreaterThan(20);
    const sim = run(topology({ gapTimeoutMs: 1_000 }, scrambling));
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ processed: 200, reorders: 0 });
    expect(stats<ResequencerStats>(sim, 'r')).toMatchObject({ received: 200, out: 200, held: 0, skipped: 0, late: 0 });
  });

  it('a lost message is waited for up to the gap timeout, then skipped and counted; nothing after it is lost', () => {
    const sim = run(topology({ gapTimeoutMs: 500 }, { latencyMs: { dist: 'fixed', value: 1 }, loss: 0.05 }));
    const lost = runReport(sim).ledger.lost['link-loss'] ?? 0;
    expect(lost).toBeGreaterThan(0);
    expect(stats<ResequencerStats>(sim, 'r')).toMatchObject({ skipped: lost, held: 0 });
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ processed: 200 - lost, reorders: 0 });
  });

  it('with its buffer full it lets the lowest go at once instead of waiting', () => {
    // The first message is lost; a 1-hour gap timeout never fires, but a buffer of 5 does.
    const t = topology({ gapTimeoutMs: 3_600_000, bufferSize: 5 }, { latencyMs: { dist: 'fixed', value: 1 } });
    const dropFirst = loadTopology({ ...t, faults: [{ atMs: 0, action: 'cut', edge: 'p-r', healAfterMs: 5 }], edges: t.edges.map((e) => (e.id === 'p-r' ? { ...e, link: { ...e.link, ordered: false } } : e)) });
    if (!dropFirst.ok) throw new Error(JSON.stringify(dropFirst.error));
    const sim = run(dropFirst.topology);
    expect(stats<ResequencerStats>(sim, 'r')).toMatchObject({ skipped: 1, held: 0, out: 199 });
    expect(stats<ConsumerStats>(sim, 'c').reorders).toBe(0);
  });

  it('by key: each key in its own order; a message whose place was passed goes on at once, counted late', () => {
    const sim = run(topology({ sequence: 'key', gapTimeoutMs: 20 }, scrambling, { keys: ['a', 'b'] }));
    const r = stats<ResequencerStats>(sim, 'r');
    expect(r.out).toBe(200);
    expect(stats<ConsumerStats>(sim, 'c').keyReorders).toBe(r.late);
  });
});
