import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryTopology } from '../model/arbitrary.ts';
import { loadTopology, type Topology } from '../model/index.ts';
import { runReport } from './report.ts';
import type { ConsumerStats, ProducerStats, QueueStats } from './session-types.ts';
import { Simulation, SimulationError } from './simulation.ts';

/**
 * One test per rule of SEMANTICS.md (§3 queues, §4 consumers, RabbitMQ and SQS rules they
 * carry), each on the smallest topology that shows it, with exact counts.
 */

type Links = [string, string, object?][];

function build(nodes: object[], edges: Links, seed = 1): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed,
    nodes,
    edges: edges.map(([source, target, link], i) => ({ id: `e${i}`, source, target, link: { latencyMs: { dist: 'fixed', value: 1 }, ...link } })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

const producer = (id: string, config: object = {}) => ({ id, kind: 'producer', config: { rate: { dist: 'constant', perSecond: 100 }, ...config } });
const queue = (id: string, config: object = {}) => ({ id, kind: 'queue', config });
const consumer = (id: string, config: object = {}) => ({ id, kind: 'consumer', config });
const fixed = (value: number) => ({ dist: 'fixed', value });

function run(t: Topology, untilMs: number): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}

/** Producer sequence numbers (1-based) of the messages a queue holds ready, front first. */
function held(sim: Simulation, id: string): number[] {
  const i = sim.topology.nodes.findIndex((n) => n.id === id);
  return sim.runtime(i).contents!().map((m) => m.seq + 1);
}

describe('RMQ-L2 overflow: max-length 3, no consumer, publish 1..5', () => {
  const topology = (config: object, dlq = false) =>
    build(
      [producer('p', { limit: 5 }), queue('q', { maxLength: 3, ...config, ...(dlq ? { deadLetterTarget: 'dlq' } : {}) }), ...(dlq ? [queue('dlq')] : [])],
      [['p', 'q']],
    );

  it('drop-head keeps 3, 4, 5 and loses 1, 2 as lost:overflow', () => {
    const sim = run(topology({ overflow: 'drop-head' }), 1_000);
    expect(held(sim, 'q')).toEqual([3, 4, 5]);
    expect(runReport(sim).ledger.lost).toEqual({ overflow: 2 });
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ dropped: 2, droppedByReason: { overflow: 2 } });
  });

  it('drop-head with a dead-letter target dead-letters 1, 2 with reason max-length', () => {
    const sim = run(topology({ overflow: 'drop-head' }, true), 1_000);
    expect(held(sim, 'q')).toEqual([3, 4, 5]);
    expect(held(sim, 'dlq')).toEqual([1, 2]);
    expect(runReport(sim).ledger.deadLettered).toEqual({ 'max-length': 2 });
    expect(sim.runtime(2).contents!().map((m) => m.deadLetterReason)).toEqual(['max-length', 'max-length']);
  });

  it('reject-publish keeps 1, 2, 3 and refuses 4, 5 back to the producer', () => {
    const sim = run(topology({ overflow: 'reject-publish' }), 1_000);
    expect(held(sim, 'q')).toEqual([1, 2, 3]);
    expect(sim.ledger.rejected).toBe(2);
    expect(stats<ProducerStats>(sim, 'p').refused).toBe(2);
    expect(stats<QueueStats>(sim, 'q').refused).toBe(2);
  });

  it('reject-publish-dlx also dead-letters 4, 5 with reason max-length', () => {
    const sim = run(topology({ overflow: 'reject-publish-dlx' }, true), 1_000);
    expect(held(sim, 'q')).toEqual([1, 2, 3]);
    expect(held(sim, 'dlq')).toEqual([4, 5]);
    expect(stats<ProducerStats>(sim, 'p').refused).toBe(2);
    expect(runReport(sim).ledger.deadLettered).toEqual({ 'max-length': 2 });
  });

  it('drop-head applies after a requeue too: a nack into a full queue puts the message back at the head, and it is dead-lettered max-length', () => {
    // c holds 1 while 2 and 3 fill the queue (max-length 2); its nack at about 100 ms makes 1, 2, 3 ready: one too many.
    const sim = run(
      build(
        [
          producer('p', { limit: 3 }),
          queue('q', { maxLength: 2, deadLetterTarget: 'dlq' }),
          consumer('c', { processingMs: fixed(100), failureProbability: 1, onFailure: 'requeue' }),
          queue('dlq'),
        ],
        [
          ['p', 'q'],
          ['q', 'c'],
        ],
      ),
      150,
    );
    expect(held(sim, 'dlq')).toEqual([1]);
    expect(held(sim, 'q')).toEqual([3]);
    expect(stats<QueueStats>(sim, 'q').unacked).toBe(1);
  });

  it('block keeps 1, 2, 3 and holds 4, 5 waiting at the producer: nothing is lost', () => {
    const sim = run(topology({ overflow: 'block' }), 1_000);
    expect(held(sim, 'q')).toEqual([1, 2, 3]);
    expect(stats<QueueStats>(sim, 'q').blocked).toBe(2);
    expect(sim.ledger.lostTotal + sim.ledger.rejected).toBe(0);
    expect(sim.ledger.inFlight).toBe(5);
  });
});

describe('RMQ-L1 length limits count ready messages only, by count and by bytes', () => {
  it('max-length-bytes drops from the head until the new message fits', () => {
    const sim = run(build([producer('p', { limit: 5, sizeBytes: 400 }), queue('q', { maxBytes: 1_000 })], [['p', 'q']]), 1_000);
    expect(held(sim, 'q')).toEqual([4, 5]);
    expect(stats<QueueStats>(sim, 'q').bytes).toBe(800);
    expect(runReport(sim).ledger.lost).toEqual({ overflow: 3 });
  });

  it('unacked messages do not count toward max-length', () => {
    // A consumer holds 2 unacked (prefetch 2, slow); the queue still takes 3 ready.
    const sim = run(
      build(
        [producer('p', { limit: 5 }), queue('q', { maxLength: 3, overflow: 'reject-publish' }), consumer('c', { processingMs: fixed(60_000), concurrency: 2, prefetch: 2 })],
        [['p', 'q'], ['q', 'c']],
      ),
      1_000,
    );
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ unacked: 2, depth: 3, refused: 0 });
  });
});

describe('SEMANTICS §3 overflow: block is backpressure, felt as producer-side latency', () => {
  it('loses nothing, and publishes wait longer and longer while the consumer is slower', () => {
    const sim = run(
      build(
        [producer('p', { rate: { dist: 'constant', perSecond: 200 } }), queue('q', { maxLength: 100, overflow: 'block' }), consumer('c', { processingMs: fixed(10) })],
        [['p', 'q', { latencyMs: fixed(0) }], ['q', 'c', { latencyMs: fixed(0) }]],
      ),
      20_000,
    );
    const r = runReport(sim);
    expect(r.ledger.lost).toEqual({});
    expect(r.ledger.rejected).toBe(0);
    expect(stats<QueueStats>(sim, 'q').depth).toBe(100);
    expect(r.publishWaitMs.count).toBeGreaterThan(1_000);
    expect(r.publishWaitMs.max).toBeGreaterThan(9_000);
  });
});

describe('SQS-4 / SEMANTICS §3 visibility (ack) timeout', () => {
  // Processing takes 40 s; the visibility timeout is 30 s (SCENARIOS.md 7).
  const topology = (queueConfig: object) =>
    build(
      [producer('p', { limit: 10, rate: { dist: 'constant', perSecond: 1 } }), queue('q', { ackTimeoutMs: 30_000, ...queueConfig }), queue('dlq'), consumer('c1', { processingMs: fixed(40_000) }), consumer('c2', { processingMs: fixed(40_000) })],
      [['p', 'q'], ['q', 'c1'], ['q', 'c2']],
    );

  it('a message still being processed when the timeout passes is redelivered and processed twice', () => {
    const sim = run(topology({ maxDeliveries: 2 }), 3_600_000);
    const r = runReport(sim);
    expect(r.ledger.delivered).toBe(10);
    expect(r.ledger.duplicates).toBeGreaterThan(0);
    const c1 = stats<ConsumerStats>(sim, 'c1');
    const c2 = stats<ConsumerStats>(sim, 'c2');
    expect(c1.processed + c2.processed).toBe(r.ledger.delivered + r.ledger.duplicates);
    expect(c1.redelivered + c2.redelivered).toBeGreaterThan(0);
  });

  it('with max deliveries 2 and a dead-letter queue, every message ends there with reason delivery-limit', () => {
    const sim = run(topology({ maxDeliveries: 2, deadLetterTarget: 'dlq' }), 3_600_000);
    expect(held(sim, 'dlq')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sim.runtime(2).contents!().every((m) => m.deadLetterReason === 'delivery-limit')).toBe(true);
    expect(stats<QueueStats>(sim, 'q').deadLettered).toBe(10);
  });

  it('a timeout longer than the processing time gives no duplicates', () => {
    const sim = run(topology({ ackTimeoutMs: 60_000 }), 3_600_000);
    expect(sim.ledger.delivered).toBe(10);
    expect(sim.ledger.duplicates).toBe(0);
    expect(stats<QueueStats>(sim, 'q').redelivered).toBe(0);
  });
});

describe('SEMANTICS §3 / RMQ-C3 nack and reject', () => {
  it('the message carries its attempt count and redelivered flag: visible while the consumer works on it', () => {
    // Fails every time: dispatched at 1, 12, 23 and 34 ms (1 ms on the link, 10 ms of work, the nack instant).
    const sim = run(
      build(
        [producer('p', { limit: 1 }), queue('q', { ackTimeoutMs: 60_000 }), consumer('c', { processingMs: fixed(10), failureProbability: 1, onFailure: 'requeue' })],
        [['p', 'q'], ['q', 'c']],
      ),
      40,
    );
    // At 40 ms the fourth attempt is being processed.
    const atConsumer = sim.heldMessages('c', 10)!;
    expect(atConsumer.counts).toEqual({ processing: 1 });
    expect(atConsumer.messages[0]).toMatchObject({ id: 0, producer: 'p', seq: 0, state: 'processing', attempts: 4, redelivered: true });
    const atQueue = sim.heldMessages('q', 10)!;
    expect(atQueue.messages).toEqual([expect.objectContaining({ id: 0, state: 'unacked', consumer: 'c', attempts: 4, ackDeadlineMs: 60_034 })]);
    expect(sim.heldMessages('nope', 10)).toBeUndefined();
  });

  it('a failed processing with requeue is redelivered, redelivered flag set and attempts counted', () => {
    const sim = run(
      build(
        [producer('p', { limit: 1 }), queue('q'), consumer('c', { processingMs: fixed(10), failureProbability: 1, onFailure: 'requeue' })],
        [['p', 'q'], ['q', 'c']],
      ),
      1_000,
    );
    const c = stats<ConsumerStats>(sim, 'c');
    // Every 12 ms (1 ms there, 10 ms work, ack instant, 1 ms there again) one more failure.
    expect(c.failed).toBeGreaterThan(50);
    expect(c.redelivered).toBe(c.received - 1);
    expect(stats<QueueStats>(sim, 'q').redelivered).toBe(c.failed);
    expect(sim.ledger.inFlight).toBe(1);
  });

  it('RMQ-D2: with max deliveries the poison message is dead-lettered delivery-limit after exactly that many', () => {
    const sim = run(
      build(
        [producer('p', { limit: 1 }), queue('q', { maxDeliveries: 20, deadLetterTarget: 'dlq' }), queue('dlq'), consumer('c', { processingMs: fixed(10), failureProbability: 1 })],
        [['p', 'q'], ['q', 'c']],
      ),
      10_000,
    );
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(20);
    expect(runReport(sim).ledger.deadLettered).toEqual({ 'delivery-limit': 1 });
    expect(sim.runtime(2).contents!()[0]!.attempts).toBe(0);
  });

  it('reject (no requeue) dead-letters with reason rejected, or loses it as lost:rejected without a target', () => {
    const nodes = (dlq: boolean) => [
      producer('p', { limit: 4 }),
      queue('q', dlq ? { deadLetterTarget: 'dlq' } : {}),
      queue('dlq'),
      consumer('c', { processingMs: fixed(10), failureProbability: 1, onFailure: 'reject' }),
    ];
    const withDlq = run(build(nodes(true), [['p', 'q'], ['q', 'c']]), 5_000);
    expect(runReport(withDlq).ledger.deadLettered).toEqual({ rejected: 4 });
    expect(held(withDlq, 'dlq')).toEqual([1, 2, 3, 4]);
    const without = run(build(nodes(false), [['p', 'q'], ['q', 'c']]), 5_000);
    expect(runReport(without).ledger.lost).toEqual({ rejected: 4 });
  });

  it('at-most-once: with auto-ack a failed processing is gone, never redelivered', () => {
    const sim = run(
      build(
        [producer('p', { limit: 100 }), queue('q'), consumer('c', { ack: 'auto', processingMs: fixed(1), failureProbability: 0.3, prefetch: 0 })],
        [['p', 'q'], ['q', 'c']],
      ),
      60_000,
    );
    const c = stats<ConsumerStats>(sim, 'c');
    expect(c.received).toBe(100);
    expect(c.redelivered).toBe(0);
    expect(runReport(sim).ledger.lost).toEqual({ 'processing-failure': c.failed });
    expect(sim.ledger.delivered).toBe(100 - c.failed);
  });

  it('at-least-once: with manual ack and requeue every message is delivered despite failures', () => {
    const sim = run(
      build(
        [producer('p', { limit: 100 }), queue('q'), consumer('c', { processingMs: fixed(1), failureProbability: 0.3 })],
        [['p', 'q'], ['q', 'c']],
      ),
      60_000,
    );
    expect(sim.ledger.delivered).toBe(100);
    expect(stats<ConsumerStats>(sim, 'c').failed).toBeGreaterThan(10);
  });
});

describe('RMQ-T1 message TTL', () => {
  it('the lower of the queue TTL and the message TTL applies; expired messages are never delivered', () => {
    const sim = run(
      build(
        [producer('p', { limit: 10, ttlMs: 500 }), queue('q', { messageTtlMs: 2_000, deadLetterTarget: 'dlq' }), queue('dlq')],
        [['p', 'q']],
      ),
      10_000,
    );
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ depth: 0, expired: 10 });
    expect(held(sim, 'dlq')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('SCENARIOS 12: a slow consumer behind a 5 s TTL; the DLQ depth equals the expired count', () => {
    const sim = run(
      build(
        [producer('p', { rate: { dist: 'constant', perSecond: 10 }, limit: 300 }), queue('q', { messageTtlMs: 5_000, deadLetterTarget: 'dlq' }), queue('dlq'), consumer('c', { processingMs: fixed(250) })],
        [['p', 'q'], ['q', 'c']],
      ),
      120_000,
    );
    const q = stats<QueueStats>(sim, 'q');
    expect(q.expired).toBeGreaterThan(100);
    expect(stats<QueueStats>(sim, 'dlq').depth).toBe(q.expired);
    expect(runReport(sim).ledger.deadLettered).toEqual({ expired: q.expired });
    expect(sim.ledger.delivered + q.expired).toBe(300);
  });

  it('expiry applies at the head: an expired message behind a live one waits (and counts toward length)', () => {
    // Two producers into one queue: a long-lived message first, then short-lived ones.
    const sim = new Simulation(
      build(
        [producer('long', { limit: 1, ttlMs: 10_000 }), producer('short', { limit: 2, ttlMs: 100, startMs: 10 }), queue('q')],
        [['long', 'q'], ['short', 'q']],
      ),
    );
    sim.runUntil(5_000);
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ depth: 3, expired: 0 });
    sim.runUntil(20_000);
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ depth: 0, expired: 3 });
  });

  it('a message TTL counts from when the message enters the queue, not from its publish (RabbitMQ counts time in the queue)', () => {
    // An 80 ms link: the 100 ms TTL runs from 80 to 180 ms, so a consumer joining at 150 ms still gets the message.
    const t = build(
      [producer('p', { limit: 1, ttlMs: 100 }), queue('q', { deadLetterTarget: 'dlq' }), queue('dlq'), consumer('c', { processingMs: fixed(1) })],
      [
        ['p', 'q', { latencyMs: fixed(80) }],
        ['q', 'c'],
      ],
    );
    const sim = run(lateEdge(t, 'e1', 150), 1_000);
    expect(sim.ledger.delivered).toBe(1);
    expect(stats<QueueStats>(sim, 'q').expired).toBe(0);
  });

  it('per-message TTL 0 over a link that takes time: delivered to a free consumer on arrival, else expired', () => {
    const sim = run(
      build(
        [producer('p', { limit: 3, ttlMs: 0, rate: { dist: 'constant', perSecond: 1_000 } }), queue('q', { deadLetterTarget: 'dlq' }), queue('dlq'), consumer('c', { processingMs: fixed(100) })],
        [
          ['p', 'q', { latencyMs: fixed(5) }],
          ['q', 'c'],
        ],
      ),
      1_000,
    );
    expect(sim.ledger.delivered).toBe(1);
    expect(held(sim, 'dlq')).toEqual([2, 3]);
  });

  it('TTL 0 means deliver now or expire', () => {
    const topology = (withConsumer: boolean) =>
      build(
        [producer('p', { limit: 5 }), queue('q', { messageTtlMs: 0 }), ...(withConsumer ? [consumer('c', { processingMs: fixed(0), prefetch: 0 })] : [])],
        withConsumer ? [['p', 'q'], ['q', 'c']] : [['p', 'q']],
      );
    expect(run(topology(true), 1_000).ledger.delivered).toBe(5);
    expect(runReport(run(topology(false), 1_000)).ledger.lost).toEqual({ expired: 5 });
  });
});

describe('SEMANTICS §4 idempotent receiver (exactly-once in effect)', () => {
  // Redeliveries from a too-short ack timeout are the duplicates to suppress: with a
  // backlog at the consumer, some repeats arrive while the first attempt is still being
  // processed, others after it finished.
  const topology = (idempotent: boolean, dedupWindowMs?: number) =>
    build(
      [
        producer('p', { limit: 20, rate: { dist: 'constant', perSecond: 2 } }),
        queue('q', { ackTimeoutMs: 1_000 }),
        consumer('c', { processingMs: fixed(1_200), concurrency: 2, prefetch: 6, idempotent, ...(dedupWindowMs === undefined ? {} : { dedupWindowMs }) }),
      ],
      [['p', 'q'], ['q', 'c']],
    );

  it('without it, redeliveries are processed again', () => {
    const sim = run(topology(false), 120_000);
    expect(sim.ledger.duplicates).toBeGreaterThan(0);
    expect(stats<ConsumerStats>(sim, 'c').duplicates).toBe(sim.ledger.duplicates);
  });

  it('with it, repeats are acked and suppressed: no duplicate is processed', () => {
    const sim = run(topology(true), 120_000);
    expect(sim.ledger.delivered).toBe(20);
    expect(sim.ledger.duplicates).toBe(0);
    expect(sim.ledger.duplicatesSuppressed).toBeGreaterThan(0);
    expect(stats<ConsumerStats>(sim, 'c').suppressed).toBe(sim.ledger.duplicatesSuppressed);
  });

  it('a dedup window shorter than the gap between repeats lets them through again', () => {
    const sim = run(topology(true, 100), 120_000);
    expect(sim.ledger.duplicates).toBeGreaterThan(0);
  });
});

describe('DESIGN.md ordering: reorders per key', () => {
  it('counts a key sequence going backwards at a consumer', () => {
    const sim = run(
      build(
        [producer('p', { keys: ['a', 'b'], limit: 2_000, rate: { dist: 'constant', perSecond: 200 } }), consumer('c', { processingMs: fixed(0), prefetch: 0 })],
        [['p', 'c', { latencyMs: { dist: 'exponential', mean: 30 }, ordered: false }]],
      ),
      60_000,
    );
    const c = stats<ConsumerStats>(sim, 'c');
    expect(c.keyReorders).toBeGreaterThan(0);
    expect(c.keyReorders).toBeLessThanOrEqual(c.reorders);
    expect(runReport(sim).reorderedByKey).toBe(c.keyReorders);
  });
});

describe('safety (DESIGN.md): a zero-delay loop stops with an error naming the nodes', () => {
  it('a dead-letter cycle through rejecting consumers that take no time', () => {
    // Each queue's consumer rejects at once and dead letters go round: with a rejection in
    // the cycle RabbitMQ does not break it (RMQ-D1), and nothing lets time advance.
    const instant = { latencyMs: fixed(0) };
    const rejecter = (id: string) => consumer(id, { processingMs: fixed(0), failureProbability: 1, onFailure: 'reject' });
    const sim = new Simulation(
      build(
        [producer('p', { limit: 1 }), queue('a', { deadLetterTarget: 'b' }), queue('b', { deadLetterTarget: 'a' }), rejecter('ca'), rejecter('cb')],
        [['p', 'a'], ['a', 'ca', instant], ['b', 'cb', instant]],
      ),
    );
    let error: unknown;
    try {
      sim.runUntil(1_000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as Error).message).toMatch(/events at t = 1 ms among "a", "ca", "b", "cb"/);
  }, 60_000);
});

describe('SEMANTICS §4 / SQS-5 polling consumers', () => {
  // 10 messages at t = 0..90 ms; a consumer that asks once a second.
  const topology = (config: object) =>
    build(
      [
        producer('p', { limit: 10 }),
        queue('q'),
        consumer('c', { receive: 'poll', pollIntervalMs: 1_000, processingMs: fixed(1), prefetch: 0, concurrency: 10, ...config }),
      ],
      [['p', 'q'], ['q', 'c']],
    );

  it('short polling: a receive at an empty queue returns nothing; later ones take up to the batch size', () => {
    const sim = run(topology({ batchSize: 4 }), 3_500);
    // Asks at 0 (empty), 1 s (4), 2 s (4), 3 s (2).
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ polls: 4, received: 10 });
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ receives: 4, emptyReceives: 1 });
  });

  it('long polling: a receive waits for the first message and returns at once with what is there', () => {
    const sim = new Simulation(topology({ batchSize: 10, waitTimeMs: 20_000 }));
    sim.runUntil(2);
    // The receive of t = 0 waited for message 1 (arriving at 1 ms) and returned with it alone.
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(1);
    sim.runUntil(1_500);
    // The next receive, at 1 s, takes the 9 that came meanwhile in one batch.
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ polls: 2, received: 10 });
    expect(stats<QueueStats>(sim, 'q').emptyReceives).toBe(0);
  });

  it('a long poll that waits out its wait time is an empty receive', () => {
    const sim = run(
      build([queue('q'), consumer('c', { receive: 'poll', pollIntervalMs: 60_000, waitTimeMs: 5_000 })], [['q', 'c']]),
      10_000,
    );
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ receives: 1, emptyReceives: 1 });
  });
});

describe('SEMANTICS §5 channel ACLs (SCENARIOS 18)', () => {
  const topology = (acl: object) =>
    build(
      [
        producer('billing', { limit: 10 }),
        producer('intruder', { limit: 10, confirms: true }),
        queue('invoices', { acl }),
        consumer('accounts', { processingMs: fixed(1), prefetch: 0 }),
        consumer('snoop', { processingMs: fixed(1), prefetch: 0 }),
      ],
      [['billing', 'invoices'], ['intruder', 'invoices'], ['invoices', 'accounts'], ['invoices', 'snoop']],
    );

  it('only a listed publisher gets in: the other one is denied and counted (lost:denied); nothing of it is consumed', () => {
    const sim = run(topology({ publishers: ['billing'] }), 10_000);
    expect(stats<QueueStats>(sim, 'invoices')).toMatchObject({ received: 20, denied: 10 });
    expect(runReport(sim).ledger.lost).toEqual({ denied: 10 });
    expect(sim.ledger.delivered).toBe(10);
  });

  it('onDenied reject: refused back to the producer, which is told (a confirm nack)', () => {
    const sim = run(topology({ publishers: ['billing'], onDenied: 'reject' }), 10_000);
    expect(sim.ledger.rejected).toBe(10);
    expect(stats<ProducerStats>(sim, 'intruder')).toMatchObject({ refused: 10, confirmed: 0 });
  });

  it('only listed consumers receive: the queue never dispatches to another', () => {
    const sim = run(topology({ consumers: ['accounts'] }), 10_000);
    expect(stats<ConsumerStats>(sim, 'accounts').received).toBe(20);
    expect(stats<ConsumerStats>(sim, 'snoop').received).toBe(0);
  });
});

describe('links that open late (activeFromMs)', () => {
  it('a topic subscriber joining at 1 s misses what was published before; with no one joined yet it is unroutable', () => {
    const t = build([producer('p', { limit: 20, rate: { dist: 'constant', perSecond: 10 } }), { id: 't', kind: 'topic' }, consumer('a', { processingMs: fixed(1) })], [
      ['p', 't'],
      ['t', 'a'],
    ]);
    const sim = run(lateEdge(t, 'e1', 1_000), 5_000);
    // Sent every 100 ms from 0; they reach the topic at 1 ms, 101 ms, ...: the first 10 find no subscriber.
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 10 });
    expect(sim.ledger.delivered).toBe(10);
  });

  it('a consumer joining a queue late gets what waited for it', () => {
    const sim = run(
      lateEdge(build([producer('p', { limit: 5, rate: { dist: 'constant', perSecond: 100 } }), queue('q'), consumer('c', { processingMs: fixed(1), prefetch: 0 })], [['p', 'q'], ['q', 'c']]), 'e1', 2_000),
      1_999,
    );
    expect(stats<QueueStats>(sim, 'q').depth).toBe(5);
    sim.runUntil(3_000);
    expect(sim.ledger.delivered).toBe(5);
  });
});

function lateEdge(t: Topology, edge: string, activeFromMs: number): Topology {
  const result = loadTopology({ ...t, edges: t.edges.map((e) => (e.id === edge ? { ...e, activeFromMs } : e)) });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

describe('RMQ-D1 dead-letter cycles', () => {
  it('a cycle with no rejection in it is dropped where it would start again (TTL 0, no consumers)', () => {
    const sim = run(
      build(
        [producer('p', { limit: 1 }), queue('a', { messageTtlMs: 0, deadLetterTarget: 'b' }), queue('b', { messageTtlMs: 0, deadLetterTarget: 'a' })],
        [['p', 'a']],
      ),
      1_000,
    );
    const r = runReport(sim);
    // a expires it to b, b expires it back to a, and a drops it.
    expect(r.ledger.deadLettered).toEqual({ expired: 2 });
    expect(r.ledger.lost).toEqual({ 'dead-letter-cycle': 1 });
    expect(stats<QueueStats>(sim, 'a').droppedByReason).toEqual({ 'dead-letter-cycle': 1 });
  });

  it('a rejection before the cycle does not keep it going: only the deaths in the cycle count', () => {
    // Rejected at q0 into q1; then q1 and q2 expire it to each other (TTL 100 ms).
    const sim = run(
      build(
        [
          producer('p', { limit: 1 }),
          queue('q0', { deadLetterTarget: 'q1' }),
          consumer('c', { processingMs: fixed(1), failureProbability: 1, onFailure: 'reject' }),
          queue('q1', { messageTtlMs: 100, deadLetterTarget: 'q2' }),
          queue('q2', { messageTtlMs: 100, deadLetterTarget: 'q1' }),
        ],
        [['p', 'q0'], ['q0', 'c']],
      ),
      10_000,
    );
    // q0 rejects, q1 and q2 each expire it once, and q1 drops it when it comes back.
    expect(runReport(sim).ledger.deadLettered).toEqual({ rejected: 1, expired: 2 });
    expect(runReport(sim).ledger.lost).toEqual({ 'dead-letter-cycle': 1 });
  });
});

describe('properties over random topologies, seeds and settings', () => {
  it('no duplicate is processed where every consumer is an idempotent receiver without a window', () => {
    // The dedup store is per consumer, so each queue keeps one consumer: a redelivery
    // cannot go to a receiver that never saw the first delivery.
    fc.assert(
      fc.property(arbitraryTopology(), (generated) => {
        const t = structuredClone(generated);
        const queues = new Set(t.nodes.filter((n) => n.kind === 'queue').map((n) => n.id));
        const fed = new Set<string>();
        t.edges = t.edges.filter((e) => !queues.has(e.source) || (!fed.has(e.source) && fed.add(e.source)));
        const edges = new Set(t.edges.map((e) => e.id));
        t.faults = t.faults.filter((f) => !('edge' in f) || edges.has(f.edge));
        for (const n of t.nodes) {
          if (n.kind === 'consumer') {
            n.config.idempotent = true;
            delete n.config.dedupWindowMs;
          }
        }
        const sim = new Simulation(t);
        sim.runUntil(30_000, 200_000);
        expect(sim.ledger.duplicates).toBe(0);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('SEMANTICS §2 links: duplication and jitter', () => {
  const topology = (link: object, consumerConfig: object = {}) =>
    build(
      [producer('p', { limit: 2_000, rate: { dist: 'constant', perSecond: 100 } }), consumer('c', { processingMs: fixed(0), prefetch: 0, ...consumerConfig })],
      [['p', 'c', link]],
    );

  it('duplication d delivers a second copy of the same message: processed again as a duplicate', () => {
    const sim = run(topology({ duplication: 0.1 }), 60_000);
    expect(sim.ledger.delivered).toBe(2_000);
    expect(sim.ledger.duplicates).toBeGreaterThan(150);
    expect(sim.ledger.duplicates).toBeLessThan(250);
    expect(stats<ConsumerStats>(sim, 'c').processed).toBe(2_000 + sim.ledger.duplicates);
  });

  it('SCENARIOS 14: an idempotent receiver behind a duplicating link processes no duplicate', () => {
    const sim = run(topology({ duplication: 0.05 }, { idempotent: true }), 60_000);
    expect(sim.ledger.delivered).toBe(2_000);
    expect(sim.ledger.duplicates).toBe(0);
    expect(sim.ledger.duplicatesSuppressed).toBeGreaterThan(50);
  });

  it('jitter adds up to jitterMs to each latency; an unordered link then reorders, an ordered one delays', () => {
    const unordered = run(topology({ latencyMs: fixed(10), jitterMs: 20, ordered: false }), 60_000);
    expect(stats<ConsumerStats>(unordered, 'c').reorders).toBeGreaterThan(100);
    expect(runReport(unordered).latencyMs.max).toBeLessThanOrEqual(30);
    expect(runReport(unordered).latencyMs.p50).toBeGreaterThan(15);
    const ordered = run(topology({ latencyMs: fixed(10), jitterMs: 20, ordered: true }), 60_000);
    expect(stats<ConsumerStats>(ordered, 'c').reorders).toBe(0);
  });
});

describe('SQS-1 / SQS-2 queue ordering modes', () => {
  const topology = (ordering: string, keys: string[], consumers = 1) =>
    build(
      [
        producer('p', { keys, rate: { dist: 'constant', perSecond: 50 } }),
        queue('q', { ordering }),
        ...Array.from({ length: consumers }, (_, i) => consumer(`c${i}`, { processingMs: fixed(100) })),
      ],
      [['p', 'q'], ...Array.from({ length: consumers }, (_, i): [string, string] => ['q', `c${i}`])],
    );

  it('SQS-1 best-effort: over a long run, reorders and duplicates at a single consumer; fifo has neither', () => {
    const standard = run(topology('best-effort', []), 600_000);
    expect(stats<ConsumerStats>(standard, 'c0').reorders).toBeGreaterThan(0);
    expect(standard.ledger.duplicates).toBeGreaterThan(0);
    const fifo = run(topology('fifo', []), 600_000);
    expect(stats<ConsumerStats>(fifo, 'c0').reorders).toBe(0);
    expect(fifo.ledger.duplicates).toBe(0);
  });

  it('SQS-2 per-group: while a group has a message in flight it yields nothing else; other groups flow in parallel', () => {
    // Two consumers, 100 ms each: one group runs one at a time (about 10/s), two groups use both (about 20/s).
    const oneGroup = run(topology('per-group', ['A'], 2), 10_000).ledger.delivered;
    const twoGroups = run(topology('per-group', ['A', 'B'], 2), 10_000).ledger.delivered;
    const fifo = run(topology('fifo', ['A'], 2), 10_000).ledger.delivered;
    expect(oneGroup).toBeGreaterThan(85);
    expect(oneGroup).toBeLessThan(100);
    expect(twoGroups).toBeGreaterThan(1.8 * oneGroup);
    expect(fifo).toBeGreaterThan(1.8 * oneGroup);
  });
});

/** A topology with a fault schedule, through the load pipeline. */
function withFaults(t: Topology, faults: object[]): Topology {
  const result = loadTopology({ ...t, faults });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

describe('RMQ-C1 / RMQ-C2 consumer crash', () => {
  // Five messages reach the consumer at once; it takes 10 s over each; it crashes at 1 s.
  const topology = (ack: string, restartAfterMs?: number) =>
    withFaults(
      build(
        [producer('p', { limit: 5, rate: { dist: 'constant', perSecond: 1_000 } }), queue('q'), consumer('c', { ack, processingMs: fixed(10_000), prefetch: 5 })],
        [['p', 'q'], ['q', 'c']],
      ),
      [{ atMs: 1_000, action: 'crash', node: 'c', ...(restartAfterMs === undefined ? {} : { restartAfterMs }) }],
    );

  it('RMQ-C1: an auto-ack consumer crashed holding 5 messages loses exactly 5 (lost:consumer-crash)', () => {
    const sim = run(topology('auto'), 60_000);
    expect(runReport(sim).ledger.lost).toEqual({ 'consumer-crash': 5 });
    expect(sim.ledger.inFlight).toBe(0);
  });

  it('RMQ-C2: with manual ack the same crash loses none; the 5 return to the queue and are redelivered with the flag set', () => {
    const crashed = run(topology('after-processing'), 60_000);
    expect(runReport(crashed).ledger.lost).toEqual({});
    expect(stats<QueueStats>(crashed, 'q')).toMatchObject({ depth: 5, unacked: 0, redelivered: 5 });
    expect(held(crashed, 'q')).toEqual([1, 2, 3, 4, 5]);
    // On the messages themselves: each was delivered once and is now flagged redelivered.
    const listed = crashed.heldMessages('q', 10)!;
    expect(listed.counts).toEqual({ ready: 5 });
    expect(listed.messages.map((m) => [m.seq, m.state, m.attempts, m.redelivered])).toEqual(
      [0, 1, 2, 3, 4].map((seq) => [seq, 'ready', 1, true]),
    );
    const restarted = run(topology('after-processing', 2_000), 120_000);
    expect(restarted.ledger.delivered).toBe(5);
    expect(stats<ConsumerStats>(restarted, 'c').redelivered).toBe(5);
  });
});

describe('producer crash', () => {
  it('a crashed producer sends nothing while down and resumes on its schedule after the restart', () => {
    const sim = run(
      withFaults(build([producer('p', { rate: { dist: 'constant', perSecond: 10 } }), consumer('c', { processingMs: fixed(0) })], [['p', 'c']]), [
        { atMs: 1_000, action: 'crash', node: 'p', restartAfterMs: 2_000 },
      ]),
      5_999,
    );
    // Sends at 0, 100, ..., 900 ms, then 3000 ... 5900 ms.
    expect(stats<ProducerStats>(sim, 'p').produced).toBe(10 + 30);
  });
});

describe('RMQ-Q2 restart matrix: queue {durable, transient} x message {persistent, transient}', () => {
  const topology = (durable: boolean, persistent: boolean) =>
    withFaults(
      build([producer('p', { limit: 10, persistent }), queue('q', { durable }), consumer('c', { processingMs: fixed(1) })], [['p', 'q']]),
      [{ atMs: 1_000, action: 'crash', node: 'q', restartAfterMs: 5_000 }],
    );

  it.each([
    [true, true, 10, 0],
    [true, false, 0, 10],
    [false, true, 0, 10],
    [false, false, 0, 10],
  ])('durable %s, persistent %s: %i survive, %i lost:crash', (durable, persistent, kept, lost) => {
    const sim = run(topology(durable, persistent), 60_000);
    expect(stats<QueueStats>(sim, 'q').depth).toBe(kept);
    expect(stats<QueueStats>(sim, 'q').droppedByReason).toEqual(lost ? { crash: lost } : {});
    expect(runReport(sim).ledger.lost).toEqual(lost ? { crash: lost } : {});
  });

  it('what arrives while the queue is down is lost:crash, and delivery resumes after the restart', () => {
    const sim = run(
      withFaults(
        build(
          [producer('p', { rate: { dist: 'constant', perSecond: 10 }, limit: 100 }), queue('q', { durable: true }), consumer('c', { processingMs: fixed(1) })],
          [['p', 'q'], ['q', 'c']],
        ),
        [{ atMs: 2_000, action: 'crash', node: 'q', restartAfterMs: 3_000 }],
      ),
      60_000,
    );
    const r = runReport(sim);
    expect(r.ledger.lost.crash).toBeGreaterThanOrEqual(29);
    expect(r.ledger.lost.crash).toBeLessThanOrEqual(31);
    expect(r.ledger.delivered + r.ledger.lost.crash!).toBe(100);
  });
});

describe('SEMANTICS §2 partitions', () => {
  const topology = (ordered: boolean, cutFor: number, partitionHoldMs = 30_000) =>
    withFaults(
      build(
        [producer('p', { rate: { dist: 'constant', perSecond: 10 }, limit: 100 }), consumer('c', { processingMs: fixed(0), prefetch: 0 })],
        [['p', 'c', { ordered, partitionHoldMs }]],
      ),
      [{ atMs: 2_000, action: 'cut', edge: 'e0', healAfterMs: cutFor }],
    );

  it('an unordered link drops what is sent while it is cut (lost:partition)', () => {
    const r = runReport(run(topology(false, 3_000), 60_000));
    expect(r.ledger.lost.partition).toBeGreaterThanOrEqual(29);
    expect(r.ledger.lost.partition).toBeLessThanOrEqual(31);
  });

  it('an ordered link holds it until the heal: nothing lost, nothing reordered, latency grows', () => {
    const sim = run(topology(true, 3_000), 60_000);
    const r = runReport(sim);
    expect(r.ledger.delivered).toBe(100);
    expect(r.reordered).toBe(0);
    expect(r.latencyMs.max).toBeGreaterThan(2_900);
  });

  it('an ordered link cut for longer than its partition hold drops what it held too long', () => {
    const r = runReport(run(topology(true, 10_000, 4_000), 60_000));
    expect(r.ledger.lost.partition).toBeGreaterThan(50);
    expect(r.ledger.delivered + r.ledger.lost.partition!).toBe(100);
  });
});

describe('live faults join the schedule, so a replay with it is the same run', () => {
  it('injectFault at a sim time gives the same trace as the same fault in the file', () => {
    const base = build(
      [producer('p', { rate: { dist: 'poisson', perSecond: 50 }, limit: 300 }), queue('q'), consumer('c', { processingMs: { dist: 'exponential', mean: 15 } })],
      [['p', 'q'], ['q', 'c']],
    );
    const live = new Simulation(base);
    live.runUntil(1_500);
    live.injectFault({ atMs: 0, action: 'crash', node: 'c', restartAfterMs: 700 });
    live.runUntil(30_000);
    const replay = run(withFaults(base, [...live.faultSchedule()]), 30_000);
    expect(replay.traceHash()).toBe(live.traceHash());
    expect(live.faultSchedule()[0]).toEqual({ atMs: 1_500, action: 'crash', node: 'c', restartAfterMs: 700 });
  });
});

describe('SEMANTICS §4 publisher confirms, with retry on timeout', () => {
  const topology = (link: object, producerConfig: object, queueConfig: object = {}) =>
    build(
      [producer('p', { limit: 200, confirms: true, ...producerConfig }), queue('q', queueConfig), consumer('c', { processingMs: fixed(1), prefetch: 0 })],
      [['p', 'q', link], ['q', 'c']],
    );

  it('every message is confirmed over a clean link', () => {
    const sim = run(topology({}, { retryAfterMs: 500 }), 60_000);
    expect(stats<ProducerStats>(sim, 'p')).toMatchObject({ produced: 200, confirmed: 200, retries: 0, unconfirmed: 0 });
    expect(sim.ledger.duplicates).toBe(0);
  });

  it('a lost confirm makes the producer send again: the queue gets it twice and it is processed twice', () => {
    const sim = run(topology({ loss: 0.2 }, { retryAfterMs: 500, maxRetries: 10 }), 60_000);
    const p = stats<ProducerStats>(sim, 'p');
    expect(p.retries).toBeGreaterThan(40);
    expect(sim.ledger.delivered).toBe(200);
    expect(sim.ledger.duplicates).toBeGreaterThan(10);
    expect(runReport(sim).ledger.lost).toEqual({});
  });

  it('without retries, a message lost on the link stays lost (lost:link-loss)', () => {
    const sim = run(topology({ loss: 0.2 }, {}), 60_000);
    const lost = runReport(sim).ledger.lost['link-loss']!;
    expect(lost).toBeGreaterThan(20);
    expect(sim.ledger.delivered + lost).toBe(200);
  });

  it('after maxRetries unconfirmed sends the producer gives up', () => {
    const sim = run(topology({ loss: 1 }, { retryAfterMs: 100, maxRetries: 2, limit: 5 }), 60_000);
    expect(stats<ProducerStats>(sim, 'p')).toMatchObject({ retries: 10, unconfirmed: 5, confirmed: 0 });
    expect(runReport(sim).ledger.lost).toEqual({ 'link-loss': 5 });
  });

  it('RMQ-P1: reject-publish nacks the publisher', () => {
    const sim = run(
      build([producer('p', { limit: 5, confirms: true }), queue('q', { maxLength: 3, overflow: 'reject-publish' })], [['p', 'q']]),
      10_000,
    );
    expect(stats<ProducerStats>(sim, 'p')).toMatchObject({ confirmed: 3, refused: 2 });
  });

  it('block: a publish waiting for room is confirmed when the queue takes it, not when it arrived', () => {
    // Max-length 1 and a consumer busy for 100 ms: 1 goes out at t = 1, 2 waits ready at
    // t = 2, 3 arrives at t = 3 to a full queue and waits until the ack at t = 102 frees room.
    const t = build(
      [producer('p', { limit: 3, rate: { dist: 'constant', perSecond: 1_000 }, confirms: true }), queue('q', { maxLength: 1, overflow: 'block' }), consumer('c', { processingMs: fixed(100) })],
      [['p', 'q'], ['q', 'c']],
    );
    const sim = new Simulation(t);
    sim.runUntil(50);
    expect(stats<QueueStats>(sim, 'q').blocked).toBe(1);
    expect(stats<ProducerStats>(sim, 'p').confirmed).toBe(2);
    sim.runUntil(200);
    expect(stats<ProducerStats>(sim, 'p').confirmed).toBe(3);
    expect(runReport(sim).publishWaitMs.max).toBeCloseTo(99, 0);
  });

  it('block: a publish still waiting when the queue crashes is never confirmed', () => {
    const t = withFaults(
      build(
        [producer('p', { limit: 3, rate: { dist: 'constant', perSecond: 1_000 }, confirms: true }), queue('q', { maxLength: 1, overflow: 'block' })],
        [['p', 'q']],
      ),
      [{ atMs: 50, action: 'crash', node: 'q', restartAfterMs: 10 }],
    );
    const sim = run(t, 1_000);
    expect(stats<ProducerStats>(sim, 'p').confirmed).toBe(1);
    expect(runReport(sim).ledger.lost).toEqual({ crash: 3 });
  });
});

describe('SQS-3 FIFO deduplication window', () => {
  it('SCENARIOS 24: a retry with the same id within the window is accepted but never delivered', () => {
    const sim = run(
      build(
        [producer('p', { limit: 200, confirms: true, retryAfterMs: 500, maxRetries: 10 }), queue('q', { deduplication: 'message-id' }), consumer('c', { processingMs: fixed(1), prefetch: 0 })],
        [['p', 'q', { loss: 0.2 }], ['q', 'c']],
      ),
      60_000,
    );
    const q = stats<QueueStats>(sim, 'q');
    expect(q.deduplicated).toBeGreaterThan(10);
    expect(sim.ledger.delivered).toBe(200);
    expect(sim.ledger.duplicates).toBe(0);
    expect(sim.ledger.duplicatesSuppressed).toBe(q.deduplicated);
  });

  it('content-based deduplication also drops different messages with the same content (lost:deduplicated)', () => {
    // Keys a, b, a, b, ...: with no headers and one size, only two contents exist.
    const sim = run(
      build([producer('p', { limit: 10, keys: ['a', 'b'] }), queue('q', { deduplication: 'content', dedupWindowMs: 60_000 })], [['p', 'q']]),
      10_000,
    );
    expect(held(sim, 'q')).toEqual([1, 2]);
    expect(runReport(sim).ledger.lost).toEqual({ deduplicated: 8 });
  });

  it('after the window the same content is accepted again', () => {
    const sim = run(
      build([producer('p', { limit: 10, keys: ['a'], rate: { dist: 'constant', perSecond: 1 } }), queue('q', { deduplication: 'content', dedupWindowMs: 2_500 })], [['p', 'q']]),
      20_000,
    );
    // Sends at 0, 1, ..., 9 s; accepted at 0, 3, 6, 9 s.
    expect(held(sim, 'q')).toEqual([1, 4, 7, 10]);
  });
});

describe('SQS-6 retention', () => {
  it('a message older than the retention limit is deleted (lost:expired), not dead-lettered', () => {
    const sim = run(
      build([producer('p', { limit: 10 }), queue('q', { retentionMs: 60_000, deadLetterTarget: 'dlq' }), queue('dlq')], [['p', 'q']]),
      120_000,
    );
    expect(runReport(sim).ledger.lost).toEqual({ expired: 10 });
    expect(held(sim, 'dlq')).toEqual([]);
  });
});

describe('SQS-6 message size limit', () => {
  // 200 messages of 0 to 2000 bytes (uniform, drawn from the producer's own stream) into a
  // queue that takes at most 1024 bytes per message.
  const topology = (queueConfig: object) =>
    build(
      [
        producer('p', { limit: 200, confirms: true, sizeBytes: { dist: 'uniform', min: 0, max: 2000 } }),
        queue('q', queueConfig),
      ],
      [['p', 'q']],
    );

  it('a message larger than maxMessageBytes is refused at the queue (rejected, the producer told); one of exactly the limit gets in', () => {
    const sim = run(topology({ maxMessageBytes: 1024 }), 10_000);
    const q = stats<QueueStats>(sim, 'q');
    expect(q).toMatchObject({ received: 200, tooLarge: 97, depth: 103, refused: 0, dropped: 0 });
    expect(sim.ledger.rejected).toBe(97);
    expect(stats<ProducerStats>(sim, 'p')).toMatchObject({ produced: 200, refused: 97, confirmed: 103 });
    const kept = sim.heldMessages('q', 1000)!.messages;
    expect(kept.every((m) => m.sizeBytes <= 1024)).toBe(true);
    // The same sizes without a limit (the producer's stream does not depend on the queue):
    // exactly the 97 above 1024 bytes were refused.
    const unlimited = run(topology({}), 10_000).heldMessages('q', 1000)!.messages;
    expect(unlimited).toHaveLength(200);
    expect(unlimited.filter((m) => m.sizeBytes > 1024)).toHaveLength(97);
    expect(kept.map((m) => m.seq)).toEqual(unlimited.filter((m) => m.sizeBytes <= 1024).map((m) => m.seq));
  });

  it('the limit is inclusive: a message of exactly maxMessageBytes is accepted, one byte more is not', () => {
    const at = run(build([producer('p', { limit: 5, sizeBytes: 262_144 }), queue('q', { maxMessageBytes: 262_144 })], [['p', 'q']]), 1_000);
    expect(stats<QueueStats>(at, 'q')).toMatchObject({ depth: 5, tooLarge: 0 });
    const over = run(build([producer('p', { limit: 5, sizeBytes: 262_145 }), queue('q', { maxMessageBytes: 262_144 })], [['p', 'q']]), 1_000);
    expect(stats<QueueStats>(over, 'q')).toMatchObject({ depth: 0, tooLarge: 5 });
    expect(runReport(over).ledger.rejected).toBe(5);
  });
});

describe('time series for the charts', () => {
  it('samples rates, window latency and queue depths once per second of sim time, without changing the run', () => {
    const t = build(
      [producer('p', { rate: { dist: 'constant', perSecond: 20 } }), queue('q'), consumer('c', { processingMs: fixed(100) })],
      [['p', 'q', { latencyMs: fixed(10) }], ['q', 'c', { latencyMs: fixed(0) }]],
    );
    const sim = run(t, 10_000);
    const samples = sim.series.since(0);
    expect(samples.map((s) => s.t)).toEqual([1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000]);
    // Intervals are (t - 1 s, t]; the first also holds the send at t = 0.
    expect(samples[0]!.producedPerSec).toBe(21);
    for (const s of samples.slice(1)) expect(s.producedPerSec).toBe(20);
    // One consumer at 100 ms: 10/s delivered, the queue grows by 10 a second.
    expect(samples.at(-1)!.deliveredPerSec).toBe(10);
    expect(samples.at(-1)!.depths.q).toBeGreaterThan(samples[4]!.depths.q!);
    expect(samples.at(-1)!.latencyP50).toBeGreaterThan(samples[1]!.latencyP50);
    // Sampling is clock-driven: a run sampled every 100 ms is the same run.
    const fine = new Simulation(t, t.seed, 100);
    fine.runUntil(10_000);
    expect(fine.traceHash()).toBe(sim.traceHash());
    expect(fine.series.since(0)).toHaveLength(100);
  });

  it('samples each node’s in/out rates and what it holds, and fate counts by reason', () => {
    const t = build(
      [producer('p', { rate: { dist: 'constant', perSecond: 20 } }), queue('q', { maxLength: 5, overflow: 'drop-head' }), consumer('c', { processingMs: fixed(100) })],
      [['p', 'q', { latencyMs: fixed(10) }], ['q', 'c', { latencyMs: fixed(0) }]],
    );
    const last = run(t, 10_000).series.since(0).at(-1)!;
    expect(last.nodes.p).toEqual({ inPerSec: 0, outPerSec: 20, held: 0 });
    // The queue takes 20/s and hands on 10/s (one consumer at 100 ms), full at 5.
    expect(last.nodes.q).toEqual({ inPerSec: 20, outPerSec: 10, held: 5 });
    expect(last.nodes.c!.outPerSec).toBe(10);
    expect(last.nodes.c!.held).toBe(1);
    // Counts so far, not rates: the overflow has lost about 10 a second since it filled.
    expect(last.lostByReason.overflow).toBeGreaterThan(80);
    expect(last.deadLetteredByReason).toEqual({});
    expect(last.duplicates).toBe(0);
    expect(last.reorders).toBe(0);
  });

  it('keeps at most an hour of samples', () => {
    const sim = run(build([producer('p', { rate: { dist: 'constant', perSecond: 1 } })], []), 4_000_000);
    expect(sim.series.since(0)).toHaveLength(3_600);
    expect(sim.series.since(0)[0]!.t).toBe(401_000);
  });
});

describe('SEMANTICS §3 delay (SQS DelaySeconds)', () => {
  it('a message is invisible for the delay after it arrives', () => {
    const sim = new Simulation(
      build([producer('p', { limit: 3, rate: { dist: 'constant', perSecond: 10 } }), queue('q', { delayMs: 5_000 }), consumer('c', { processingMs: fixed(0) })], [['p', 'q', { latencyMs: fixed(0) }], ['q', 'c', { latencyMs: fixed(0) }]]),
    );
    sim.runUntil(4_999);
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ delayed: 3, depth: 0 });
    expect(sim.ledger.delivered).toBe(0);
    sim.runUntil(5_000);
    expect(sim.ledger.delivered).toBe(1);
    sim.runUntil(5_200);
    expect(sim.ledger.delivered).toBe(3);
    expect(runReport(sim).latencyMs.max).toBe(5_000);
  });
});

describe('SEMANTICS §4 failure "crash": the consumer stops holding everything it has unacked', () => {
  it('its unacked messages go back to the queue, redelivered, and it restarts after the given time', () => {
    const sim = run(
      build(
        [producer('p', { limit: 20, rate: { dist: 'constant', perSecond: 100 } }), queue('q'), consumer('c', { processingMs: fixed(10), prefetch: 5, failureProbability: 0.2, onFailure: 'crash', crashRestartMs: 500 })],
        [['p', 'q'], ['q', 'c']],
      ),
      120_000,
    );
    const c = stats<ConsumerStats>(sim, 'c');
    expect(c.failed).toBeGreaterThan(0);
    expect(c.redelivered).toBeGreaterThanOrEqual(c.failed);
    expect(sim.ledger.delivered).toBe(20);
    expect(runReport(sim).ledger.lost).toEqual({});
  });

  it('with auto-ack the crash loses what it held (lost:consumer-crash)', () => {
    const sim = run(
      build(
        [producer('p', { limit: 20, rate: { dist: 'constant', perSecond: 1_000 } }), queue('q'), consumer('c', { ack: 'auto', processingMs: fixed(10), failureProbability: 0.3, onFailure: 'crash', crashRestartMs: 100 })],
        [['p', 'q'], ['q', 'c']],
      ),
      60_000,
    );
    const lost = runReport(sim).ledger.lost['consumer-crash']!;
    expect(lost).toBeGreaterThan(1);
    expect(sim.ledger.delivered + lost).toBe(20);
  });
});

describe('SEMANTICS §2 empirical latency', () => {
  it('draws follow the given percentiles', () => {
    const sim = run(
      build(
        [producer('p', { limit: 20_000, rate: { dist: 'constant', perSecond: 1_000 } }), consumer('c', { processingMs: fixed(0), prefetch: 0 })],
        [['p', 'c', { ordered: false, latencyMs: { dist: 'empirical', percentiles: [{ p: 0, value: 2 }, { p: 50, value: 8 }, { p: 99, value: 40 }, { p: 100, value: 120 }] } }]],
      ),
      60_000,
    );
    const { latencyMs } = runReport(sim);
    expect(latencyMs.p50).toBeGreaterThan(7.6);
    expect(latencyMs.p50).toBeLessThan(8.4);
    expect(latencyMs.p99).toBeGreaterThan(37);
    expect(latencyMs.p99).toBeLessThan(43);
    expect(latencyMs.max).toBeLessThanOrEqual(120);
  });
});

describe('edge cases found in review', () => {
  it('a live fault at the instant a derived restart is due replays the same (and the trace tells them apart)', () => {
    const base = withFaults(
      build([producer('p', { rate: { dist: 'constant', perSecond: 10 } }), queue('q'), consumer('c', { processingMs: fixed(5) })], [['p', 'q'], ['q', 'c']]),
      [{ atMs: 0, action: 'crash', node: 'c', restartAfterMs: 1_000 }],
    );
    const live = new Simulation(base);
    live.runUntil(1_000);
    live.injectFault({ atMs: 0, action: 'crash', node: 'c' });
    live.runUntil(3_000);
    const replay = run(withFaults(base, [...live.faultSchedule()]), 3_000);
    expect(replay.downNodes()).toEqual(live.downNodes());
    expect(live.downNodes()).toEqual([2]);
    expect(replay.traceHash()).toBe(live.traceHash());
  });

  it('block refuses a publish that could never fit, even behind others waiting (no deadlock)', () => {
    const sim = run(
      build(
        [producer('p', { limit: 6, rate: { dist: 'constant', perSecond: 1_000 }, sizeBytes: { dist: 'empirical', percentiles: [{ p: 0, value: 600 }, { p: 50, value: 600 }, { p: 51, value: 5_000 }, { p: 100, value: 5_000 }] } }), queue('q', { maxBytes: 1_000, overflow: 'block' }), consumer('c', { processingMs: fixed(10) })],
        [['p', 'q'], ['q', 'c']],
      ),
      60_000,
    );
    expect(sim.ledger.inFlight).toBe(0);
    expect(sim.ledger.rejected).toBeGreaterThan(0);
    expect(sim.ledger.delivered + sim.ledger.rejected).toBe(6);
  });

  it('an ordered link cut with messages on it keeps their order at the heal', () => {
    const sim = run(
      withFaults(
        build([producer('p', { limit: 50, rate: { dist: 'constant', perSecond: 100 } }), consumer('c', { processingMs: fixed(0), prefetch: 0 })], [['p', 'c', { latencyMs: fixed(100) }]]),
        [{ atMs: 55, action: 'cut', edge: 'e0', healAfterMs: 500 }],
      ),
      10_000,
    );
    expect(sim.ledger.delivered).toBe(50);
    expect(stats<ConsumerStats>(sim, 'c').reorders).toBe(0);
  });

  it('a delivery still on its way to a consumer when it crashes is void: processed once, via the redelivery', () => {
    const sim = run(
      withFaults(
        build([producer('p', { limit: 1 }), queue('q'), consumer('c', { processingMs: fixed(1) })], [['p', 'q', { latencyMs: fixed(0) }], ['q', 'c', { latencyMs: fixed(100) }]]),
        [{ atMs: 50, action: 'crash', node: 'c', restartAfterMs: 10 }],
      ),
      10_000,
    );
    expect(sim.ledger.delivered).toBe(1);
    expect(sim.ledger.duplicates).toBe(0);
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ received: 1, redelivered: 1 });
  });
});
