import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTopology, type Fault, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { AggregatorStats, ConsumerStats, QueueStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

type Link = [string, string, object?];

/** A topology with 1 ms links (edge ids `source-target`), one order of 4 parts unless told otherwise. */
function build(nodes: object[], links: Link[], faults: Fault[] = []): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 7,
    nodes,
    edges: links.map(([source, target, link]) => ({ id: `${source}-${target}`, source, target, link: { latencyMs: { dist: 'fixed', value: 1 }, ...link } })),
    faults,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

const fixed = (value: number) => ({ dist: 'fixed', value });
const orders = (config: object = {}) => ({ id: 'p', kind: 'producer', config: { limit: 1, sizeBytes: 1_000, rate: { dist: 'constant', perSecond: 10 }, ...config } });
const splitter = (parts = 4) => ({ id: 's', kind: 'splitter', config: { parts } });
const aggregator = (config: object = {}) => ({ id: 'a', kind: 'aggregator', config });
const queue = (config: object = {}) => ({ id: 'q', kind: 'queue', config });
/** A consumer that passes what it processed on when it has an output. */
const consumer = (id: string, config: object = {}) => ({ id, kind: 'consumer', config: { processingMs: fixed(0), ...config } });
const resequencer = (config: object = {}) => ({ id: 'r', kind: 'resequencer', config: { gapTimeoutMs: 10_000, ...config } });

function run(t: Topology, untilMs = 20_000): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}

/** Splitter -> queue -> one forwarding worker taking 100 ms a part -> aggregator: parts come 100 ms apart. */
function slowWorker(aggregatorConfig: object, faults: Fault[] = [], final: object = {}): Topology {
  return build(
    [orders(), splitter(), queue(), consumer('w', { processingMs: fixed(100) }), aggregator(aggregatorConfig), consumer('c', final)],
    [['p', 's'], ['s', 'q'], ['q', 'w'], ['w', 'a'], ['a', 'c']],
    faults,
  );
}

describe('SEMANTICS §5 aggregator', () => {
  it('Aggregator: completes at size N with one aggregate; an order of 4 parts delivered is 4 deliveries, nothing in flight', () => {
    const sim = run(build([orders(), splitter(), aggregator(), consumer('c')], [['p', 's'], ['s', 'a'], ['a', 'c']]));
    expect(stats<AggregatorStats>(sim, 'a')).toEqual({
      kind: 'aggregator', received: 4, out: 1, dropped: 0, open: 0, held: 0, completed: 1, partial: 0, late: 0, duplicates: 0, outOfOrder: 0,
    });
    expect(stats<ConsumerStats>(sim, 'c').processed).toBe(1);
    expect(runReport(sim).ledger).toMatchObject({ produced: 1, created: 4, delivered: 4, inFlight: 0, lost: {} });
  });

  it('Aggregator: the aggregate is part 0 with the shared correlation id and the parts\' summed size (or the setting)', () => {
    const hold = { processingMs: fixed(1e9) };
    const summed = run(build([orders({ sizeBytes: 1_003 }), splitter(), aggregator(), consumer('c', hold)], [['p', 's'], ['s', 'a'], ['a', 'c']]));
    expect(summed.heldMessages('c', 10)!.messages).toMatchObject([{ id: 0, correlationId: 0, sizeBytes: 1_003 }]);
    expect(summed.heldMessages('c', 10)!.messages[0]!.part).toBeUndefined();
    const set = run(build([orders(), splitter(), aggregator({ aggregateSizeBytes: 64 }), consumer('c', hold)], [['p', 's'], ['s', 'a'], ['a', 'c']]));
    expect(set.heldMessages('c', 10)!.messages).toMatchObject([{ sizeBytes: 64 }]);
  });

  it('Aggregator: a completion size below N emits after that many parts; the rest come late (lost:late-part)', () => {
    const sim = run(build([orders(), splitter(), aggregator({ completionSize: 3 }), consumer('c')], [['p', 's'], ['s', 'a'], ['a', 'c']]));
    expect(stats<AggregatorStats>(sim, 'a')).toMatchObject({ completed: 1, partial: 0, late: 1 });
    expect(runReport(sim).ledger).toMatchObject({ delivered: 3, inFlight: 0, lost: { 'late-part': 1 } });
  });

  it('Aggregator: timeout -> a partial aggregate flagged, with 3 of 4 parts; the 4th comes late and is lost:late-part', () => {
    // Parts reach the aggregator at about 102, 202, 302 and 402 ms; the group times out 250 ms after its first.
    const hold = run(slowWorker({ completionTimeoutMs: 250 }, [], { processingMs: fixed(1e9) }), 390);
    expect(hold.heldMessages('c', 10)!.messages).toMatchObject([{ correlationId: 0, partial: true }]);
    const sim = run(slowWorker({ completionTimeoutMs: 250 }));
    expect(stats<AggregatorStats>(sim, 'a')).toMatchObject({ received: 4, out: 1, completed: 0, partial: 1, late: 1, held: 0, open: 0 });
    expect(runReport(sim).ledger).toMatchObject({ created: 4, delivered: 3, inFlight: 0, lost: { 'late-part': 1 } });
  });

  it('Aggregator: a lost part keeps its own lost fate, and the aggregate of the others is partial', () => {
    // A queue holding 2 ready drops the oldest (part 2) when part 4 comes: part 1 is already out to the worker.
    const sim = run(
      build(
        [orders(), splitter(), queue({ maxLength: 2 }), consumer('w', { processingMs: fixed(10) }), aggregator({ completionTimeoutMs: 1_000 }), consumer('c')],
        [['p', 's'], ['s', 'q'], ['q', 'w'], ['w', 'a'], ['a', 'c']],
      ),
    );
    expect(stats<AggregatorStats>(sim, 'a')).toMatchObject({ received: 3, partial: 1, completed: 0, late: 0 });
    expect(runReport(sim).ledger).toMatchObject({ created: 4, delivered: 3, inFlight: 0, lost: { overflow: 1 } });
  });

  it('Aggregator: the same part twice (a duplicating link) is kept once and counted; the order is delivered once', () => {
    const sim = run(build([orders(), splitter(), aggregator(), consumer('c')], [['p', 's'], ['s', 'a', { duplication: 1 }], ['a', 'c']]));
    expect(stats<AggregatorStats>(sim, 'a')).toMatchObject({ received: 8, out: 1, completed: 1, duplicates: 4, late: 0 });
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ processed: 1, duplicates: 0 });
    expect(runReport(sim).ledger).toMatchObject({ created: 4, delivered: 4, duplicates: 0, inFlight: 0, lost: {} });
  });

  it('Aggregator: another copy of a part (the order split twice) is a duplicate with a fate of its own, lost:duplicate-part', () => {
    const sim = run(build([orders(), splitter(), aggregator(), consumer('c')], [['p', 's', { duplication: 1 }], ['s', 'a'], ['a', 'c']]));
    // Split twice: part 1 is the same copy both times, parts 2..4 are new copies the second time.
    expect(stats<AggregatorStats>(sim, 'a')).toMatchObject({ received: 8, completed: 1, duplicates: 4 });
    expect(runReport(sim).ledger).toMatchObject({ created: 7, delivered: 4, inFlight: 0, lost: { 'duplicate-part': 3 } });
  });

  it('Aggregator: parts out of order are counted; a resequencer before it puts them back in order', () => {
    // Fair dispatch: part 1 goes to the slow worker, 2, 3 and 4 to the fast one, so part 1 comes last.
    const workers = [consumer('slow', { processingMs: fixed(100) }), consumer('fast', { processingMs: fixed(10) })];
    const direct = run(
      build([orders(), splitter(), queue(), ...workers, aggregator(), consumer('c')], [['p', 's'], ['s', 'q'], ['q', 'slow'], ['q', 'fast'], ['slow', 'a'], ['fast', 'a'], ['a', 'c']]),
    );
    expect(stats<AggregatorStats>(direct, 'a')).toMatchObject({ completed: 1, outOfOrder: 1 });
    expect(stats<ConsumerStats>(direct, 'fast').forwarded).toBe(3);
    const resequenced = run(
      build(
        [orders(), splitter(), queue(), ...workers, resequencer(), aggregator(), consumer('c')],
        [['p', 's'], ['s', 'q'], ['q', 'slow'], ['q', 'fast'], ['slow', 'r'], ['fast', 'r'], ['r', 'a'], ['a', 'c']],
      ),
    );
    expect(stats<AggregatorStats>(resequenced, 'a')).toMatchObject({ completed: 1, outOfOrder: 0 });
    expect(runReport(resequenced).ledger).toMatchObject({ delivered: 4, inFlight: 0 });
  });

  it('Aggregator: a crash loses the parts it holds (lost:crash) and what it remembered; later parts start a new group', () => {
    // Parts 1 and 2 are held at 250 ms; 3 and 4 come after the restart and time out as a partial group of 2.
    const sim = run(slowWorker({ completionTimeoutMs: 1_000 }, [{ atMs: 250, action: 'crash', node: 'a', restartAfterMs: 10 }]));
    expect(stats<AggregatorStats>(sim, 'a')).toMatchObject({ received: 4, partial: 1, completed: 0, held: 0, open: 0 });
    expect(runReport(sim).ledger).toMatchObject({ created: 4, delivered: 2, inFlight: 0, lost: { crash: 2 } });
  });

  it('Aggregator: the held-messages view lists the parts it collects with their correlation id and i/N', () => {
    const sim = run(slowWorker({ completionTimeoutMs: 1_000 }), 250);
    const held = sim.heldMessages('a', 10)!;
    expect(held.counts).toEqual({ collecting: 2 });
    expect(held.messages.map((m) => ({ correlationId: m.correlationId, part: m.part, state: m.state }))).toEqual([
      { correlationId: 0, part: '1/4', state: 'collecting' },
      { correlationId: 0, part: '2/4', state: 'collecting' },
    ]);
  });

  it('Aggregator: a message that is not a part goes on as it came', () => {
    const sim = run(build([orders({ limit: 3 }), aggregator(), consumer('c')], [['p', 'a'], ['a', 'c']]));
    expect(stats<AggregatorStats>(sim, 'a')).toMatchObject({ received: 3, out: 3, completed: 0, open: 0 });
    expect(runReport(sim).ledger).toMatchObject({ delivered: 3, inFlight: 0 });
  });
});

describe('SEMANTICS §1 conservation through a splitter and an aggregator', () => {
  const link = fc.record({
    latencyMs: fc.record({ dist: fc.constant('uniform'), min: fc.integer({ min: 0, max: 5 }), max: fc.integer({ min: 5, max: 200 }) }),
    loss: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.3, noNaN: true })),
    duplication: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.3, noNaN: true })),
    ordered: fc.boolean(),
  });
  const worker = fc.record({
    processingMs: fc.record({ dist: fc.constant('exponential'), mean: fc.integer({ min: 0, max: 300 }) }),
    ack: fc.constantFrom('auto', 'after-processing'),
    failureProbability: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.3, noNaN: true })),
    onFailure: fc.constantFrom('requeue', 'reject', 'crash'),
    crashRestartMs: fc.integer({ min: 0, max: 2_000 }),
    idempotent: fc.boolean(),
  });
  const pipeline = fc.record({
    parts: fc.integer({ min: 1, max: 6 }),
    aggregator: fc.record({
      completionSize: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      completionTimeoutMs: fc.integer({ min: 0, max: 3_000 }),
    }),
    queue: fc.record({ ackTimeoutMs: fc.option(fc.integer({ min: 50, max: 1_000 }), { nil: undefined }), maxLength: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }) }),
    workers: fc.tuple(worker, worker),
    resequencer: fc.boolean(),
    links: fc.array(link, { minLength: 9, maxLength: 9 }),
    crashes: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 8_000 }), node: fc.constantFrom('s', 'q', 'w1', 'w2', 'r', 'a', 'c'), restartAfterMs: fc.integer({ min: 0, max: 3_000 }) }), { maxLength: 3 }),
    seed: fc.integer({ min: 0, max: 0xffff }),
  });

  it('every part ends in exactly one fate or is in flight, at every checkpoint, whatever is lost, repeated or crashed', () => {
    fc.assert(
      fc.property(pipeline, (c) => {
        const nodes: object[] = [
          orders({ limit: 20, rate: { dist: 'poisson', perSecond: 5 } }),
          splitter(c.parts),
          queue(c.queue),
          consumer('w1', c.workers[0]),
          consumer('w2', c.workers[1]),
          aggregator(c.aggregator),
          consumer('c'),
        ];
        const hops: [string, string][] = c.resequencer
          ? [['p', 's'], ['s', 'q'], ['q', 'w1'], ['q', 'w2'], ['w1', 'r'], ['w2', 'r'], ['r', 'a'], ['a', 'c']]
          : [['p', 's'], ['s', 'q'], ['q', 'w1'], ['q', 'w2'], ['w1', 'a'], ['w2', 'a'], ['a', 'c']];
        if (c.resequencer) nodes.push(resequencer({ gapTimeoutMs: 500 }));
        const crashes = c.crashes.filter((f) => c.resequencer || f.node !== 'r').map((f) => ({ ...f, action: 'crash' as const }));
        const t = { ...build(nodes, hops.map(([a, b], i) => [a, b, c.links[i]])), seed: c.seed, faults: crashes };
        const sim = new Simulation(t);
        for (const until of [1_000, 4_000, 9_000, 60_000]) {
          sim.runUntil(until, 500_000);
          const l = sim.ledger;
          expect(l.inFlight).toBeGreaterThanOrEqual(0);
          expect(l.created).toBe(l.delivered + l.lostTotal + l.deadLetteredTotal + l.rejected + l.inFlight);
        }
        // Once nothing is left to happen, only the queue may still hold unsettled parts.
        if (sim.finished) {
          const q = stats<QueueStats>(sim, 'q');
          expect(sim.ledger.inFlight).toBeLessThanOrEqual(q.depth + q.unacked);
          expect(stats<AggregatorStats>(sim, 'a').held).toBe(0);
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
