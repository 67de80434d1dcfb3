import { describe, expect, it } from 'vitest';
import { loadTopology, type Fault, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { AggregatorStats, ConsumerStats, QueueStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

type Link = [string, string, object?];

function build(nodes: object[], links: Link[], faults: Fault[] = []): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 9,
    nodes,
    edges: links.map(([source, target, extra]) => ({ id: `${source}-${target}`, source, target, link: { latencyMs: { dist: 'fixed', value: 1 } }, ...extra })),
    faults,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

const fixed = (value: number) => ({ dist: 'fixed', value });
const producer = (config: object = {}) => ({ id: 'p', kind: 'producer', config: { limit: 5, rate: { dist: 'constant', perSecond: 10 }, ...config } });
const queue = (config: object = {}) => ({ id: 'q', kind: 'queue', config });
const consumer = (id: string, config: object = {}) => ({ id, kind: 'consumer', config: { processingMs: fixed(10), ...config } });

function run(t: Topology, untilMs = 30_000): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}

/** Orders split into 4 parts, processed by two forwarding workers from one queue, re-aggregated. */
function orderPipeline(worker: object, queueConfig: object, faults: Fault[] = [], secondWorker: object = worker): Topology {
  return build(
    [
      producer({ limit: 10 }),
      { id: 's', kind: 'splitter', config: { parts: 4 } },
      queue(queueConfig),
      consumer('w1', { processingMs: fixed(100), ...worker }),
      consumer('w2', { processingMs: fixed(100), ...secondWorker }),
      { id: 'a', kind: 'aggregator', config: { completionTimeoutMs: 5_000 } },
      consumer('c'),
    ],
    [['p', 's'], ['s', 'q'], ['q', 'w1'], ['q', 'w2'], ['w1', 'a'], ['w2', 'a'], ['a', 'c']],
    faults,
  );
}

describe('SEMANTICS §4 consumer as a processing step (with an output)', () => {
  it('acks its queue and passes what it processed on; only the final consumer delivers', () => {
    const sim = run(build([producer(), queue(), consumer('w'), consumer('c')], [['p', 'q'], ['q', 'w'], ['w', 'c']]));
    expect(stats<ConsumerStats>(sim, 'w')).toMatchObject({ processed: 5, forwarded: 5, duplicates: 0 });
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ processed: 5, forwarded: 0 });
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ acked: 5, unacked: 0, depth: 0 });
    const report = runReport(sim);
    expect(report.ledger).toMatchObject({ produced: 5, delivered: 5, duplicates: 0, inFlight: 0 });
    // End to end: 3 links of 1 ms and two processings of 10 ms.
    expect(report.latencyMs.max).toBe(23);
  });

  it('a failed processing with requeue goes back to its queue as before, and is passed on once it succeeds', () => {
    const sim = run(build([producer({ limit: 20 }), queue(), consumer('w', { failureProbability: 0.3 }), consumer('c')], [['p', 'q'], ['q', 'w'], ['w', 'c']]));
    const w = stats<ConsumerStats>(sim, 'w');
    expect(w.failed).toBeGreaterThan(0);
    expect(w).toMatchObject({ processed: 20, forwarded: 20 });
    expect(runReport(sim).ledger).toMatchObject({ delivered: 20, inFlight: 0, lost: {} });
  });

  it('with an output not open yet (activeFromMs) what it processed is lost:unroutable', () => {
    const sim = run(build([producer(), queue(), consumer('w'), consumer('c')], [['p', 'q'], ['q', 'w'], ['w', 'c', { activeFromMs: 60_000 }]]));
    expect(stats<ConsumerStats>(sim, 'w')).toMatchObject({ processed: 5, forwarded: 0 });
    expect(runReport(sim).ledger).toMatchObject({ delivered: 0, inFlight: 0, lost: { unroutable: 5 } });
  });

  it('RMQ-C2: a forwarding worker crashing with manual ack: its unacked parts go to the other worker; every order completes', () => {
    const sim = run(orderPipeline({}, {}, [{ atMs: 250, action: 'crash', node: 'w1', restartAfterMs: 2_000 }]));
    expect(stats<QueueStats>(sim, 'q').redelivered).toBe(1);
    expect(stats<AggregatorStats>(sim, 'a')).toMatchObject({ completed: 10, partial: 0, late: 0, duplicates: 0 });
    expect(runReport(sim).ledger).toMatchObject({ created: 40, delivered: 40, inFlight: 0, lost: {} });
  });

  it('RMQ-C1: with auto-ack a crashed forwarding worker loses what it held, and those orders time out partial', () => {
    const sim = run(orderPipeline({ ack: 'auto' }, {}, [{ atMs: 250, action: 'crash', node: 'w1', restartAfterMs: 2_000 }]));
    const lost = runReport(sim).ledger.lost['consumer-crash'] ?? 0;
    expect(lost).toBeGreaterThan(0);
    const a = stats<AggregatorStats>(sim, 'a');
    expect(a.partial).toBeGreaterThan(0);
    expect(a.completed + a.partial).toBe(10);
    expect(runReport(sim).ledger).toMatchObject({ created: 40, delivered: 40 - lost, inFlight: 0 });
  });

  it('SEMANTICS §3 ack timeout: a part redelivered while a worker still has it is passed on twice; the aggregator keeps one', () => {
    // The second worker takes 200 ms, past the queue's 150 ms ack timeout: each of its parts goes out again.
    const sim = run(orderPipeline({}, { ackTimeoutMs: 150 }, [], { processingMs: fixed(200) }));
    const forwarded = stats<ConsumerStats>(sim, 'w1').forwarded + stats<ConsumerStats>(sim, 'w2').forwarded;
    expect(forwarded).toBe(40 + stats<QueueStats>(sim, 'q').redelivered);
    expect(forwarded).toBeGreaterThan(40);
    expect(stats<AggregatorStats>(sim, 'a')).toMatchObject({ completed: 10, partial: 0, duplicates: forwarded - 40 });
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ processed: 10, duplicates: 0 });
    expect(runReport(sim).ledger).toMatchObject({ created: 40, delivered: 40, duplicates: 0, inFlight: 0, lost: {} });
  });
});
