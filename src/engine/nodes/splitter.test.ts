import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { SplitterStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

/** Producer -> splitter -> a consumer that holds what it gets (so its message list shows the parts). */
function topology(splitter: object, producer: object = {}, firstLink: object = {}): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 3,
    nodes: [
      { id: 'p', kind: 'producer', config: { limit: 1, sizeBytes: 1_000, rate: { dist: 'constant', perSecond: 100 }, ...producer } },
      { id: 's', kind: 'splitter', config: splitter },
      { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1e9 }, prefetch: 0 } },
    ],
    edges: [
      { id: 'p-s', source: 'p', target: 's', link: { latencyMs: { dist: 'fixed', value: 1 }, ...firstLink } },
      { id: 's-c', source: 's', target: 'c', link: { latencyMs: { dist: 'fixed', value: 1 } } },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

function run(t: Topology): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(1_000);
  return sim;
}

const parts = (sim: Simulation) =>
  sim.heldMessages('c', 100)!.messages.map((m) => ({ correlationId: m.correlationId, part: m.part, producer: m.producer, seq: m.seq, sizeBytes: m.sizeBytes }));
const splitterStats = (sim: Simulation) => sim.nodeStats()[1] as SplitterStats;

describe('SEMANTICS §5 splitter', () => {
  it('Splitter: one message into 4 parts sharing the original id as correlation id, numbered 1..4, the size split evenly', () => {
    const sim = run(topology({ parts: 4 }, { sizeBytes: 1_003 }));
    expect(parts(sim)).toEqual([
      { correlationId: 0, part: '1/4', producer: 's', seq: 0, sizeBytes: 251 },
      { correlationId: 0, part: '2/4', producer: 's', seq: 1, sizeBytes: 251 },
      { correlationId: 0, part: '3/4', producer: 's', seq: 2, sizeBytes: 251 },
      { correlationId: 0, part: '4/4', producer: 's', seq: 3, sizeBytes: 250 },
    ]);
    expect(splitterStats(sim)).toEqual({ kind: 'splitter', received: 1, out: 4, dropped: 0 });
    // Part 1 is the message itself; parts 2..4 are new copies, each with a fate to come.
    expect(runReport(sim).ledger).toMatchObject({ produced: 1, created: 4, inFlight: 4 });
  });

  it('Splitter: N from a header when the message has a whole number there, else the setting; part size from the setting', () => {
    const t = topology({ parts: 2, partsHeader: 'items', partSizeBytes: 10 }, { limit: 3, keys: ['3', 'x', '1'], headers: { items: '{key}' } });
    const got = parts(run(t));
    // Derived parts take message ids too: the second message is id 3 (parts 2, 3 of the first took 1, 2), the third id 5.
    expect(got.map((p) => `${p.correlationId}:${p.part}`)).toEqual(['0:1/3', '0:2/3', '0:3/3', '3:1/2', '3:2/2', '5:1/1']);
    expect(got.every((p) => p.sizeBytes === 10)).toBe(true);
  });

  it('Splitter: with no output every part is lost:unroutable', () => {
    const t = topology({ parts: 3 });
    const sim = run({ ...t, edges: t.edges.filter((e) => e.id !== 's-c') });
    expect(splitterStats(sim)).toMatchObject({ received: 1, out: 0, dropped: 3 });
    expect(runReport(sim).ledger).toMatchObject({ created: 3, inFlight: 0, lost: { unroutable: 3 } });
  });

  it('Splitter: the same message arriving twice (a duplicating link) is split twice: part 1 again, parts 2..N anew', () => {
    const sim = run(topology({ parts: 3 }, {}, { duplication: 1 }));
    expect(parts(sim).map((p) => `${p.part}#${p.seq}`)).toEqual(['1/3#0', '2/3#1', '3/3#2', '1/3#0', '2/3#3', '3/3#4']);
    expect(runReport(sim).ledger).toMatchObject({ produced: 1, created: 5 });
  });
});
