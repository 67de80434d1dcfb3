import { describe, expect, it } from 'vitest';
import { loadTopology, presetById, type Topology } from '../model/index.ts';
import { runReport } from './report.ts';
import type { ConsumerStats, QueueStats } from './session-types.ts';
import { Simulation } from './simulation.ts';

/**
 * SEMANTICS.md §6 consuming rules (RMQ-C4 prefetch, RMQ-C5 dispatch, RMQ-C6 ordering) and
 * SQS-7 redrive, each on the smallest topology that shows it, with exact counts.
 */

const fixed = (value: number) => ({ dist: 'fixed', value });

function build(nodes: object[], edges: [string, string][]): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 3,
    nodes,
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target, link: { latencyMs: fixed(1) } })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

function run(t: Topology, untilMs: number): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}

/** Ten messages at once into a queue with two consumers, one 5x slower. */
function twoConsumers(prefetch: number, untilMs: number): Simulation {
  return run(
    build(
      [
        { id: 'p', kind: 'producer', config: { limit: 10, rate: { dist: 'constant', perSecond: 10_000 } } },
        { id: 'q', kind: 'queue', config: {} },
        { id: 'fast', kind: 'consumer', config: { processingMs: fixed(100), prefetch } },
        { id: 'slow', kind: 'consumer', config: { processingMs: fixed(500), prefetch } },
      ],
      [
        ['p', 'q'],
        ['q', 'fast'],
        ['q', 'slow'],
      ],
    ),
    untilMs,
  );
}

describe('RMQ-C4 prefetch: N limits the unacked messages per consumer; 0 is unlimited', () => {
  it('prefetch 2: each of two consumers holds 2 unacked, 6 stay ready', () => {
    const sim = twoConsumers(2, 50);
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ unacked: 4, depth: 6 });
  });

  it('prefetch 0: all 10 are handed out at once, none ready', () => {
    const sim = twoConsumers(0, 50);
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ unacked: 10, depth: 0 });
  });
});

describe('RMQ-C5 dispatch: round-robin as messages enter, regardless of how busy a consumer is', () => {
  it('prefetch 0: each consumer receives 5, so the slow one finishes last (2.5 s of work)', () => {
    const sim = twoConsumers(0, 10_000);
    expect(stats<ConsumerStats>(sim, 'fast').received).toBe(5);
    expect(stats<ConsumerStats>(sim, 'slow').received).toBe(5);
  });

  it('prefetch 1 (fair dispatch): the next message goes to the consumer with nothing unacked — the fast one takes 8 of 10', () => {
    const sim = twoConsumers(1, 10_000);
    // fast finishes at 100, 200, ... and takes the next each time; slow takes one per 500 ms.
    expect(stats<ConsumerStats>(sim, 'fast').received).toBe(8);
    expect(stats<ConsumerStats>(sim, 'slow').received).toBe(2);
  });
});

describe('RMQ-C6 ordering', () => {
  it('one publisher, one consumer: the consumer sees publish order even with requeues (requeue keeps queue position)', () => {
    const sim = run(
      build(
        [
          { id: 'p', kind: 'producer', config: { limit: 200, rate: { dist: 'constant', perSecond: 1_000 } } },
          { id: 'q', kind: 'queue', config: {} },
          { id: 'c', kind: 'consumer', config: { processingMs: fixed(1), prefetch: 1, failureProbability: 0.3, onFailure: 'requeue' } },
        ],
        [
          ['p', 'q'],
          ['q', 'c'],
        ],
      ),
      60_000,
    );
    const c = stats<ConsumerStats>(sim, 'c');
    expect(c.processed).toBe(200);
    expect(c.failed).toBeGreaterThan(0);
    expect(c.reorders).toBe(0);
  });

  it('several consumers: a requeued message can reach a consumer after later ones (it counts reorders)', () => {
    const sim = run(
      build(
        [
          { id: 'p', kind: 'producer', config: { limit: 200, rate: { dist: 'constant', perSecond: 1_000 } } },
          { id: 'q', kind: 'queue', config: {} },
          { id: 'c1', kind: 'consumer', config: { processingMs: fixed(3), prefetch: 3, failureProbability: 0.3, onFailure: 'requeue' } },
          { id: 'c2', kind: 'consumer', config: { processingMs: fixed(3), prefetch: 3, failureProbability: 0.3, onFailure: 'requeue' } },
        ],
        [
          ['p', 'q'],
          ['q', 'c1'],
          ['q', 'c2'],
        ],
      ),
      60_000,
    );
    const reorders = stats<ConsumerStats>(sim, 'c1').reorders + stats<ConsumerStats>(sim, 'c2').reorders;
    expect(stats<ConsumerStats>(sim, 'c1').processed + stats<ConsumerStats>(sim, 'c2').processed).toBe(200);
    expect(reorders).toBeGreaterThan(0);
  });
});

describe('SQS-7 redrive: past maxReceiveCount the message moves to the DLQ', () => {
  it('maxReceiveCount 3 and a consumer that always fails: every message is received 3 times, then dead-lettered delivery-limit', () => {
    const sim = run(
      build(
        [
          { id: 'p', kind: 'producer', config: { limit: 4, rate: { dist: 'constant', perSecond: 100 } } },
          { id: 'q', kind: 'queue', config: { maxDeliveries: 3, deadLetterTarget: 'dlq' } },
          { id: 'c', kind: 'consumer', config: { processingMs: fixed(1), failureProbability: 1, onFailure: 'requeue' } },
          { id: 'dlq', kind: 'queue', config: {} },
        ],
        [
          ['p', 'q'],
          ['q', 'c'],
        ],
      ),
      10_000,
    );
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(12);
    expect(stats<QueueStats>(sim, 'dlq').depth).toBe(4);
    expect(runReport(sim).ledger.deadLettered).toEqual({ 'delivery-limit': 4 });
  });
});

describe('RMQ-D2 quorum delivery limit: RabbitMQ counts redeliveries, the limit is how many may follow the first delivery', () => {
  it('the quorum queue preset (delivery-limit 20) delivers a message that always fails 21 times, then dead-letters it delivery-limit', () => {
    const sim = run(
      build(
        [
          { id: 'p', kind: 'producer', config: { limit: 1, rate: { dist: 'constant', perSecond: 100 } } },
          { id: 'q', kind: 'queue', config: { ...presetById('rabbitmq-quorum-queue')!.config, deadLetterTarget: 'dlq' } },
          { id: 'c', kind: 'consumer', config: { processingMs: fixed(1), failureProbability: 1, onFailure: 'requeue' } },
          { id: 'dlq', kind: 'queue', config: {} },
        ],
        [
          ['p', 'q'],
          ['q', 'c'],
        ],
      ),
      10_000,
    );
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ received: 21, redelivered: 20 });
    expect(runReport(sim).ledger.deadLettered).toEqual({ 'delivery-limit': 1 });
  });
});
