import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { RandomStream } from '../core/random.ts';
import type { Message } from '../message.ts';
import { runReport } from '../report.ts';
import type { ProducerStats, QueueStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';
import { sendsPerBurst } from './producer.ts';

/**
 * SEMANTICS producers: rates (constant, Poisson, on/off bursts, a fixed count then stop),
 * keys drawn from a list with weights, header templates and a message size distribution.
 * Each on a producer feeding a queue with no consumer, so every message stays countable.
 */

function build(config: object, seed = 1): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed,
    nodes: [
      { id: 'p', kind: 'producer', config: { rate: { dist: 'constant', perSecond: 100 }, ...config } },
      { id: 'q', kind: 'queue', config: {} },
    ],
    edges: [{ id: 'e', source: 'p', target: 'q', link: { latencyMs: { dist: 'fixed', value: 0 } } }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

function run(t: Topology, untilMs: number): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

const produced = (sim: Simulation): number => (sim.nodeStats()[0] as ProducerStats).produced;
/** The messages the queue holds, in send order. */
const held = (sim: Simulation): readonly Message[] => sim.runtime(1).contents!();

/** The load error of a topology with this producer config: "path: message" lines. */
function loadIssues(config: object): string[] {
  const result = loadTopology({ format: 'msgflow/1', nodes: [{ id: 'p', kind: 'producer', config }], edges: [] });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.error.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('producer rate: bursts (on/off)', () => {
  const bursts = { rate: { dist: 'bursts', perSecond: 100, onMs: 200, offMs: 800 } };

  it('100/s for 200 ms then 800 ms silent sends exactly 20 per second', () => {
    const sim = new Simulation(build(bursts));
    sim.runUntil(999);
    expect(produced(sim)).toBe(20);
    sim.runUntil(1_000);
    expect(produced(sim)).toBe(21);
    sim.runUntil(9_999);
    expect(produced(sim)).toBe(200);
  });

  it('sends evenly spaced inside each on-period, and nothing in the off-period', () => {
    const sim = run(build(bursts), 1_999);
    const times = held(sim).map((m) => m.createdAt);
    const expected = [0, 1_000].flatMap((start) => Array.from({ length: 20 }, (_, i) => start + i * 10));
    expect(times).toEqual(expected);
  });

  it('starts the first on-period at startMs', () => {
    const sim = run(build({ ...bursts, startMs: 50 }), 1_049);
    expect(held(sim).map((m) => m.createdAt)[0]).toBe(50);
    expect(produced(sim)).toBe(20);
  });

  it('counts the sends that fit in an on-period: at least one, none at its end', () => {
    expect(sendsPerBurst(200, 100)).toBe(20);
    expect(sendsPerBurst(205, 100)).toBe(21);
    expect(sendsPerBurst(1_000, 3)).toBe(3);
    expect(sendsPerBurst(5, 100)).toBe(1);
  });
});

describe('producer rate: a fixed count then stop', () => {
  it('limit 7 sends exactly 7 messages and then schedules nothing', () => {
    const sim = run(build({ limit: 7, rate: { dist: 'poisson', perSecond: 50 } }), 60_000);
    expect(produced(sim)).toBe(7);
    expect(runReport(sim).ledger.produced).toBe(7);
    expect(sim.finished).toBe(true);
  });
});

describe('producer rate: constant and Poisson draws are unchanged', () => {
  it('Poisson gaps are the producer stream\'s exponential draws, whatever its keys, headers and fixed size', () => {
    const sim = run(build({ rate: { dist: 'poisson', perSecond: 100 }, keys: ['a', 'b'], headers: { id: '{seq}' }, sizeBytes: 10, limit: 50 }), 60_000);
    const rng = new RandomStream(1, 'node:p');
    let t = 0;
    const expected = Array.from({ length: 50 }, () => (t += rng.exponential(10)));
    const times = held(sim).map((m) => m.createdAt);
    expect(times).toHaveLength(50);
    times.forEach((time, i) => expect(time).toBeCloseTo(expected[i]!, 9));
  });

  it('keys without weights stay round-robin', () => {
    const sim = run(build({ keys: ['a', 'b', 'c'], limit: 7 }), 1_000);
    expect(held(sim).map((m) => m.key)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });
});

describe('producer keys: drawn from a list with weights', () => {
  const weighted = (seed: number) =>
    run(build({ rate: { dist: 'constant', perSecond: 1_000 }, keys: ['a', 'b', 'c'], keyWeights: [3, 1, 0], limit: 10_000 }, seed), 20_000);

  it('weights 3:1 split 10,000 messages about 7,500 : 2,500, and a zero weight is never drawn', () => {
    const sim = weighted(42);
    const counts: Record<string, number> = {};
    for (const m of held(sim)) counts[m.key!] = (counts[m.key!] ?? 0) + 1;
    expect(counts.a! + counts.b!).toBe(10_000);
    expect(counts.c).toBeUndefined();
    // Standard deviation of the count of "a": sqrt(10,000 * 0.75 * 0.25) ≈ 43; allow 4.5 of them.
    expect(Math.abs(counts.a! - 7_500)).toBeLessThan(200);
  });

  it('keeps per-key sequence numbers: each key counts 0, 1, 2, ... in send order', () => {
    const sim = weighted(7);
    const next = new Map<string, number>();
    for (const m of held(sim)) {
      expect(m.keySeq).toBe(next.get(m.key!) ?? 0);
      next.set(m.key!, m.keySeq + 1);
    }
  });

  it('the draws are the same for the same seed and differ for another', () => {
    const keysOf = (seed: number) => held(weighted(seed)).slice(0, 50).map((m) => m.key).join('');
    expect(keysOf(3)).toBe(keysOf(3));
    expect(keysOf(3)).not.toBe(keysOf(4));
  });
});

describe('producer headers: templates filled per message', () => {
  it('fills {seq} (from 0) and {key}, keeps fixed text', () => {
    const sim = run(build({ keys: ['a', 'b'], headers: { id: 'order-{seq}', route: '{key}/{seq}', source: 'web' }, limit: 4 }), 1_000);
    expect(held(sim).map((m) => m.headers)).toEqual([
      { id: 'order-0', route: 'a/0', source: 'web' },
      { id: 'order-1', route: 'b/1', source: 'web' },
      { id: 'order-2', route: 'a/2', source: 'web' },
      { id: 'order-3', route: 'b/3', source: 'web' },
    ]);
  });

  it('{key} is empty for a message without a key', () => {
    const sim = run(build({ headers: { k: '[{key}]' }, limit: 1 }), 1_000);
    expect(held(sim)[0]!.headers).toEqual({ k: '[]' });
  });

  it('no headers: undefined on the message', () => {
    const sim = run(build({ limit: 1 }), 1_000);
    expect(held(sim)[0]!.headers).toBeUndefined();
  });
});

describe('producer size: fixed or drawn from a distribution', () => {
  const sizes = (sizeBytes: unknown, limit = 10_000) =>
    held(run(build({ rate: { dist: 'constant', perSecond: 1_000 }, sizeBytes, limit }), 20_000)).map((m) => m.sizeBytes);

  it('a fixed number is every message\'s size, as before', () => {
    const sim = run(build({ sizeBytes: 400, limit: 5 }), 1_000);
    expect(held(sim).map((m) => m.sizeBytes)).toEqual([400, 400, 400, 400, 400]);
    expect((sim.nodeStats()[1] as QueueStats).bytes).toBe(2_000);
  });

  it('an exponential distribution with mean 500 gives whole-byte sizes averaging 500 (within 3%)', () => {
    const s = sizes({ dist: 'exponential', mean: 500 });
    expect(s.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    // Standard error of the mean: 500 / sqrt(10,000) = 5.
    expect(Math.abs(mean - 500)).toBeLessThan(15);
  });

  it('uniform 10..20 stays within its bounds; normal draws are clamped at 0', () => {
    const uniform = sizes({ dist: 'uniform', min: 10, max: 20 }, 2_000);
    expect(Math.min(...uniform)).toBe(10);
    expect(Math.max(...uniform)).toBe(20);
    const normal = sizes({ dist: 'normal', mean: 50, stddev: 200 }, 2_000);
    expect(Math.min(...normal)).toBe(0);
    expect(normal.every((n) => Number.isInteger(n))).toBe(true);
  });

  it('a fixed distribution is rounded to whole bytes', () => {
    expect(sizes({ dist: 'fixed', value: 12.6 }, 3)).toEqual([13, 13, 13]);
  });
});

describe('producer config validation names the path', () => {
  it('refuses one weight too few', () => {
    expect(loadIssues({ keys: ['a', 'b'], keyWeights: [1] })).toEqual([
      'nodes[0].config.keyWeights (node "p"): needs one weight per key: 2 keys, 1 weights',
    ]);
  });

  it('refuses a negative weight', () => {
    expect(loadIssues({ keys: ['a', 'b'], keyWeights: [1, -2] })).toEqual([
      expect.stringMatching(/^nodes\[0\]\.config\.keyWeights\[1\] \(node "p"\): .*>=0/),
    ]);
  });

  it('refuses weights that are all 0', () => {
    expect(loadIssues({ keys: ['a', 'b'], keyWeights: [0, 0] })).toEqual([
      'nodes[0].config.keyWeights (node "p"): at least one key weight must be above 0',
    ]);
  });

  it('refuses an unknown header placeholder, an empty header name and too many headers', () => {
    expect(loadIssues({ headers: { id: '{sequence}' } })).toEqual([
      'nodes[0].config.headers.id (node "p"): unknown placeholder {sequence}: use {seq} or {key}',
    ]);
    expect(loadIssues({ headers: { '': 'x' } })).toEqual(['nodes[0].config.headers. (node "p"): a header name must not be empty']);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`h${i}`, 'x']));
    expect(loadIssues({ headers: many })).toEqual(['nodes[0].config.headers (node "p"): at most 50 headers (51 given)']);
  });

  it('refuses a size that is neither whole bytes nor a distribution, and a distribution above 1 GiB', () => {
    expect(loadIssues({ sizeBytes: 1.5 })).toEqual([
      expect.stringMatching(/^nodes\[0\]\.config\.sizeBytes \(node "p"\): expected a whole number of bytes, or a distribution/),
    ]);
    expect(loadIssues({ sizeBytes: { dist: 'exponential' } })).toEqual([
      expect.stringMatching(/^nodes\[0\]\.config\.sizeBytes \(node "p"\): mean: /),
    ]);
    expect(loadIssues({ sizeBytes: { dist: 'fixed', value: 2 ** 31 } })).toEqual([
      'nodes[0].config.sizeBytes.value (node "p"): at most 1073741824 bytes',
    ]);
  });

  it('refuses bursts with an empty on-period', () => {
    expect(loadIssues({ rate: { dist: 'bursts', perSecond: 10, onMs: 0, offMs: 100 } })).toEqual([
      expect.stringMatching(/^nodes\[0\]\.config\.rate\.onMs \(node "p"\): /),
    ]);
  });
});
