import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryTopology } from '../model/arbitrary.ts';
import { loadTopology, type Topology } from '../model/index.ts';
import { runReport } from './report.ts';
import type { ConsumerStats } from './session-types.ts';
import { Simulation } from './simulation.ts';

/** Builds a topology from terse node and edge lists, through the real load pipeline. */
function topology(nodes: object[], edges: [string, string, object?][], seed = 1): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed,
    nodes,
    edges: edges.map(([source, target, link], i) => ({ id: `e${i}`, source, target, ...(link ? { link } : {}) })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

const producer = (id: string, config: object = {}) => ({ id, kind: 'producer', config });
const queue = (id: string) => ({ id, kind: 'queue' });
const topic = (id: string) => ({ id, kind: 'topic' });
const consumer = (id: string, config: object = {}) => ({ id, kind: 'consumer', config });
const fixed = (value: number) => ({ dist: 'fixed', value });

function conserved(sim: Simulation): void {
  const l = sim.ledger;
  expect(l.inFlight).toBeGreaterThanOrEqual(0);
  expect(l.created).toBe(l.delivered + l.lostTotal + l.deadLetteredTotal + l.rejected + l.inFlight);
}

function consumerStats(sim: Simulation, id: string): ConsumerStats {
  const i = sim.topology.nodes.findIndex((n) => n.id === id);
  return sim.nodeStats()[i] as ConsumerStats;
}

describe('conservation (DESIGN.md: every copy ends in exactly one fate or is in flight)', () => {
  it('holds at every checkpoint for random topologies and seeds', () => {
    fc.assert(
      fc.property(arbitraryTopology(), fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 4 }), (t, steps) => {
        const sim = new Simulation(t);
        let until = 0;
        for (const s of steps) {
          sim.runUntil((until += s), 200_000);
          conserved(sim);
        }
        sim.runUntil(120_000, 200_000);
        conserved(sim);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('leaves unsettled only what queues still hold once no event is left', () => {
    fc.assert(
      fc.property(arbitraryTopology(), (t) => {
        const sim = new Simulation(t);
        sim.runUntil(120_000, 200_000);
        if (!sim.finished) return;
        const stats = sim.nodeStats();
        // Queues hold ready, unacked and blocked messages; MQTT brokers hold offline sessions' queues;
        // ZeroMQ sockets hold sends waiting for a peer with room.
        const held = stats.reduce(
          (sum, s) =>
            sum + (s.kind === 'queue' ? s.depth + s.unacked + s.blocked : s.kind === 'mqtt-broker' ? s.queued : s.kind === 'zmq-socket' ? s.blocked : 0),
          0,
        );
        expect(sim.ledger.inFlight).toBeLessThanOrEqual(held);
        // Producers send up to their limits; brokers publish Last Wills on their clients' behalf.
        const limits = t.nodes.reduce((sum, n) => sum + (n.kind === 'producer' ? (n.config.limit ?? 0) : 0), 0);
        const wills = stats.reduce((sum, s) => sum + (s.kind === 'mqtt-broker' ? s.wills : 0), 0);
        expect(sim.ledger.produced).toBe(limits + wills);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('determinism', () => {
  it('gives the same trace hash and report for the same topology and seed', () => {
    fc.assert(
      fc.property(arbitraryTopology(), (t) => {
        const a = new Simulation(t);
        const b = new Simulation(structuredClone(t));
        a.runUntil(3_000, 200_000);
        b.runUntil(3_000, 200_000);
        expect(runReport(b)).toEqual(runReport(a));
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('gives a different trace hash for a different seed where randomness matters', () => {
    const t = topology(
      [producer('p', { rate: { dist: 'poisson', perSecond: 50 } }), queue('q'), consumer('c', { processingMs: { dist: 'exponential', mean: 10 } })],
      [['p', 'q', { latencyMs: { dist: 'uniform', min: 1, max: 9 }, loss: 0.1 }], ['q', 'c']],
    );
    const hashes = new Set([1, 2, 3, 4, 5].map((seed) => {
      const sim = new Simulation(t, seed);
      sim.runUntil(2_000);
      return sim.traceHash();
    }));
    expect(hashes.size).toBe(5);
  });

  it('keeps one link\'s draws when another link\'s loss changes (independent streams)', () => {
    const build = (loss: number) =>
      topology(
        [
          producer('a', { rate: { dist: 'poisson', perSecond: 40 } }),
          consumer('ca', { processingMs: fixed(1) }),
          producer('b', { rate: { dist: 'poisson', perSecond: 40 } }),
          consumer('cb', { processingMs: { dist: 'exponential', mean: 5 } }),
        ],
        [
          ['a', 'ca', { latencyMs: { dist: 'exponential', mean: 20 }, loss }],
          ['b', 'cb', { latencyMs: { dist: 'exponential', mean: 20 }, loss: 0.2, ordered: false }],
        ],
      );
    const runs = [0, 0.5].map((loss) => {
      const sim = new Simulation(build(loss));
      sim.runUntil(10_000);
      return sim;
    });
    expect(consumerStats(runs[0]!, 'ca').processed).toBeGreaterThan(consumerStats(runs[1]!, 'ca').processed);
    expect(consumerStats(runs[1]!, 'cb')).toEqual(consumerStats(runs[0]!, 'cb'));
  });
});

describe('producers', () => {
  it('sends at a constant rate from startMs, up to its limit', () => {
    const sim = new Simulation(topology([producer('p', { rate: { dist: 'constant', perSecond: 10 }, startMs: 50, limit: 7 }), consumer('c')], [['p', 'c']]));
    sim.runUntil(449.9);
    expect(sim.ledger.produced).toBe(4); // t = 50, 150, 250, 350
    sim.runUntil(10_000);
    expect(sim.ledger.produced).toBe(7);
  });

  it('sends as a Poisson process with the requested mean rate', () => {
    const sim = new Simulation(topology([producer('p', { rate: { dist: 'poisson', perSecond: 100 } }), consumer('c', { processingMs: fixed(0) })], [['p', 'c']]));
    sim.runUntil(100_000);
    expect(sim.ledger.produced).toBeGreaterThan(9_700);
    expect(sim.ledger.produced).toBeLessThan(10_300);
  });

  it('loses what it sends with no output as unroutable', () => {
    const sim = new Simulation(topology([producer('p', { limit: 3 })], []));
    sim.runUntil(10_000);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 3 });
  });
});

describe('queues (SEMANTICS.md §3)', () => {
  it('gives each message to exactly one consumer, round-robin among consumers with room', () => {
    const sim = new Simulation(
      topology(
        [producer('p', { rate: { dist: 'constant', perSecond: 100 }, limit: 90 }), queue('q'), consumer('c1', { processingMs: fixed(1), prefetch: 0 }), consumer('c2', { processingMs: fixed(1), prefetch: 0 }), consumer('c3', { processingMs: fixed(1), prefetch: 0 })],
        [['p', 'q'], ['q', 'c1'], ['q', 'c2'], ['q', 'c3']],
      ),
    );
    sim.runUntil(60_000);
    expect(['c1', 'c2', 'c3'].map((c) => consumerStats(sim, c).processed)).toEqual([30, 30, 30]);
    expect(sim.ledger.delivered).toBe(90);
    expect(sim.ledger.duplicates).toBe(0);
  });

  it('with prefetch 1 dispatches only to a consumer with nothing unacked (fair dispatch)', () => {
    // c1 is 10x slower than c2: with prefetch 1 the fast consumer takes most of the work.
    const sim = new Simulation(
      topology(
        [producer('p', { rate: { dist: 'constant', perSecond: 50 }, limit: 200 }), queue('q'), consumer('slow', { processingMs: fixed(100) }), consumer('fast', { processingMs: fixed(10) })],
        [['p', 'q'], ['q', 'slow', { latencyMs: fixed(0) }], ['q', 'fast', { latencyMs: fixed(0) }]],
      ),
    );
    sim.runUntil(60_000);
    const slow = consumerStats(sim, 'slow').processed;
    const fast = consumerStats(sim, 'fast').processed;
    expect(slow + fast).toBe(200);
    expect(fast).toBeGreaterThanOrEqual(3 * slow);
  });

  it('with unlimited prefetch hands out round-robin regardless of speed, so the slow consumer builds a backlog', () => {
    const sim = new Simulation(
      topology(
        [producer('p', { rate: { dist: 'constant', perSecond: 50 }, limit: 200 }), queue('q'), consumer('slow', { processingMs: fixed(100), prefetch: 0 }), consumer('fast', { processingMs: fixed(10), prefetch: 0 })],
        [['p', 'q'], ['q', 'slow'], ['q', 'fast']],
      ),
    );
    sim.runUntil(2_000);
    expect(consumerStats(sim, 'slow').received).toBe(consumerStats(sim, 'fast').received);
    expect(consumerStats(sim, 'slow').backlog).toBeGreaterThan(0);
    sim.runUntil(60_000);
    expect(consumerStats(sim, 'slow').processed).toBe(100);
    expect(consumerStats(sim, 'fast').processed).toBe(100);
  });

  it('keeps producer order at a single consumer over ordered links (strict FIFO)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const sim = new Simulation(
          topology(
            [producer('p', { rate: { dist: 'poisson', perSecond: 200 } }), queue('q'), consumer('c', { processingMs: { dist: 'exponential', mean: 4 }, concurrency: 1, prefetch: 0 })],
            [['p', 'q', { latencyMs: { dist: 'exponential', mean: 30 } }], ['q', 'c', { latencyMs: { dist: 'normal', mean: 10, stddev: 8, min: 0 } }]],
            seed,
          ),
        );
        sim.runUntil(3_000);
        expect(consumerStats(sim, 'c').reorders).toBe(0);
        expect(consumerStats(sim, 'c').processed).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });

  it('holds messages while no consumer is attached, as in flight', () => {
    const sim = new Simulation(topology([producer('p', { limit: 12 }), queue('q')], [['p', 'q']]));
    sim.runUntil(60_000);
    expect(sim.nodeStats()[1]).toMatchObject({ kind: 'queue', received: 12, depth: 12, unacked: 0 });
    expect(sim.ledger.inFlight).toBe(12);
  });
});

describe('links (SEMANTICS.md §2)', () => {
  it('unordered links with variable latency reorder; ordered ones never do', () => {
    const run = (ordered: boolean) => {
      const sim = new Simulation(
        topology(
          [producer('p', { rate: { dist: 'constant', perSecond: 100 } }), consumer('c', { processingMs: fixed(0) })],
          [['p', 'c', { latencyMs: { dist: 'exponential', mean: 50 }, ordered }]],
        ),
      );
      sim.runUntil(20_000);
      return consumerStats(sim, 'c').reorders;
    };
    expect(run(true)).toBe(0);
    expect(run(false)).toBeGreaterThan(100);
  });

  it('drops each traversal with the loss probability, as lost:link-loss', () => {
    const sim = new Simulation(
      topology([producer('p', { rate: { dist: 'constant', perSecond: 1000 }, limit: 10_000 }), consumer('c', { processingMs: fixed(0) })], [['p', 'c', { loss: 0.1 }]]),
    );
    sim.runUntil(60_000);
    const lost = sim.ledger.lost.get('link-loss')!;
    expect(lost).toBeGreaterThan(900);
    expect(lost).toBeLessThan(1100);
    expect(sim.ledger.delivered + lost).toBe(10_000);
  });

  it('a delivery lost on the way to a manual-ack consumer waits for its ack for ever without an ack timeout', () => {
    const sim = new Simulation(
      topology([producer('p', { limit: 50 }), queue('q'), consumer('c')], [['p', 'q'], ['q', 'c', { loss: 0.5 }]]),
    );
    sim.runUntil(600_000);
    // prefetch 1: the first lost delivery leaves the consumer's one slot taken for good.
    expect(sim.nodeStats()[1]).toMatchObject({ unacked: 1, depth: 50 - 1 - sim.ledger.delivered });
    expect(sim.ledger.lostTotal).toBe(0);
  });

  it('with an ack timeout, a delivery lost on the way is redelivered, so nothing is lost', () => {
    const sim = new Simulation(
      topology([producer('p', { limit: 50 }), { id: 'q', kind: 'queue', config: { ackTimeoutMs: 1_000 } }, consumer('c')], [['p', 'q'], ['q', 'c', { loss: 0.5 }]]),
    );
    sim.runUntil(600_000);
    expect(sim.ledger.delivered).toBe(50);
    expect(sim.ledger.lostTotal).toBe(0);
    expect(sim.nodeStats()[1]).toMatchObject({ depth: 0, unacked: 0 });
    expect((sim.nodeStats()[2] as ConsumerStats).redelivered).toBeGreaterThan(10);
  });

  it('adds link latency and processing time into end-to-end latency', () => {
    const sim = new Simulation(
      topology(
        [producer('p', { rate: { dist: 'constant', perSecond: 5 }, limit: 20 }), queue('q'), consumer('c', { processingMs: fixed(100) })],
        [['p', 'q', { latencyMs: fixed(30) }], ['q', 'c', { latencyMs: fixed(20) }]],
      ),
    );
    sim.runUntil(60_000);
    const { latencyMs } = runReport(sim);
    expect(latencyMs.max).toBe(150);
    expect(latencyMs.p50).toBeGreaterThanOrEqual(150);
    expect(latencyMs.p99).toBeLessThanOrEqual(150 * 1.01);
  });
});

describe('topics (SEMANTICS.md §1: a copy per subscriber, each with its own fate)', () => {
  it('copies every message to every subscriber', () => {
    const sim = new Simulation(
      topology(
        [producer('p', { limit: 40 }), topic('t'), queue('q'), consumer('c1'), consumer('c2'), consumer('c3')],
        [['p', 't'], ['t', 'q'], ['t', 'c1'], ['t', 'c2'], ['q', 'c3']],
      ),
    );
    sim.runUntil(60_000);
    const report = runReport(sim);
    expect(report.ledger.produced).toBe(40);
    expect(report.ledger.created).toBe(120);
    expect(['c1', 'c2', 'c3'].map((c) => consumerStats(sim, c).processed)).toEqual([40, 40, 40]);
    expect(report.nodes.t).toEqual({ kind: 'topic', received: 40, copiesOut: 120, denied: 0, filtered: 0, kept: 0, missed: 0, overflowed: 0 });
  });

  it('discards a message with no subscriber as unroutable', () => {
    const sim = new Simulation(topology([producer('p', { limit: 5 }), topic('t')], [['p', 't']]));
    sim.runUntil(60_000);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 5 });
  });
});

describe('consumers', () => {
  it('processes up to concurrency messages at once', () => {
    const sim = new Simulation(
      topology([producer('p', { rate: { dist: 'constant', perSecond: 1000 }, limit: 8 }), consumer('c', { processingMs: fixed(1000), concurrency: 3, prefetch: 0 })], [['p', 'c', { latencyMs: fixed(0) }]]),
    );
    sim.runUntil(500);
    expect(consumerStats(sim, 'c')).toMatchObject({ received: 8, busy: 3, backlog: 5, processed: 0 });
    sim.runUntil(1_010);
    expect(consumerStats(sim, 'c')).toMatchObject({ busy: 3, processed: 3 });
  });
});

describe('dots', () => {
  it('reports each message on a link with its edge and progress', () => {
    const sim = new Simulation(topology([producer('p', { limit: 1 }), consumer('c')], [['p', 'c', { latencyMs: fixed(100) }]]));
    sim.step();
    sim.runUntil(25);
    expect(Array.from(sim.dots())).toEqual([0, 0.25, 0]);
    sim.runUntil(200);
    expect(sim.dots().length).toBe(0);
  });
});
