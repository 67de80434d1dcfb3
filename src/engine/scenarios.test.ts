import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyVariant, loadTopology, type Topology } from '../model/index.ts';
import { runReport, type RunReport } from './report.ts';
import type { ConsumerStats, HeldState, NodeStats, ProducerStats, QueueStats } from './session-types.ts';
import { Simulation } from './simulation.ts';

const SCENARIO_DIR = new URL('../../public/scenarios/', import.meta.url);

function scenario(name: string): Topology {
  const result = loadTopology(readFileSync(new URL(`${name}.json`, SCENARIO_DIR), 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.topology;
}

/** The scenario with one of its variants switched on, through the load pipeline. */
function variant(t: Topology, id: string): Topology {
  const result = applyVariant(t, id);
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.error)}`);
  return result.topology;
}

/** A headless run of the file's own seed up to `untilMs`. */
function run(t: Topology, untilMs: number): { sim: Simulation; report: RunReport } {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return { sim, report: runReport(sim) };
}

function stats<K extends NodeStats['kind']>(r: RunReport, id: string, kind: K): Extract<NodeStats, { kind: K }> {
  const s = r.nodes[id];
  if (s?.kind !== kind) throw new Error(`${id} is not a ${kind}`);
  return s as Extract<NodeStats, { kind: K }>;
}
const queue = (r: RunReport, id: string): QueueStats => stats(r, id, 'queue');
const consumer = (r: RunReport, id: string): ConsumerStats => stats(r, id, 'consumer');
const producer = (r: RunReport, id: string): ProducerStats => stats(r, id, 'producer');

/** What a node holds now: per message, its producer sequence number, key, state, attempts and flags. */
function held(sim: Simulation, nodeId: string) {
  const h = sim.heldMessages(nodeId, 1000);
  if (!h) throw new Error(`no node ${nodeId}`);
  return h.messages;
}

/** The messages a node holds in one state, as the 1-based numbers the scenario texts use (seq counts from 0). */
function heldNumbers(sim: Simulation, nodeId: string, state: HeldState = 'ready'): number[] {
  return held(sim, nodeId)
    .filter((m) => m.state === state)
    .map((m) => m.seq + 1);
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

describe('the scenario list (public/scenarios/index.json)', () => {
  const index = JSON.parse(readFileSync(new URL('index.json', SCENARIO_DIR), 'utf8')) as { file: string; title: string; summary: string }[];

  it('lists every scenario file in the folder, work-queue first, and each one loads with its title as its name', () => {
    const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json') && f !== 'index.json');
    expect(index.map((e) => e.file).sort()).toEqual(files.sort());
    expect(index[0]!.file).toBe('work-queue.json');
    for (const entry of index) {
      const t = scenario(entry.file.replace(/\.json$/, ''));
      expect(t.name, entry.file).toBe(entry.title);
      expect(entry.summary.length, entry.file).toBeGreaterThan(0);
      for (const v of t.scenario?.variants ?? []) expect(applyVariant(t, v.id).ok, `${entry.file} ${v.id}`).toBe(true);
    }
  });
});

describe('scenario 02: hello queue', () => {
  const base = scenario('02-hello-queue');

  it('auto-ack: the consumer crash at 6 s loses the 13 messages it held (lost:consumer-crash)', () => {
    const sim = new Simulation(base);
    sim.runUntil(5_999);
    // The queue handed everything over at once: it holds nothing, the consumer holds 13.
    expect(held(sim, 'hello')).toEqual([]);
    expect(sim.heldMessages('consumer', 100)!.counts).toEqual({ processing: 1, backlog: 12 });
    sim.runUntil(60_000);
    const r = runReport(sim);
    expect(r.ledger.lost).toEqual({ 'consumer-crash': 13 });
    expect(r.ledger.delivered).toBe(27);
    expect(r.ledger.produced).toBe(40);
  });

  it('manual ack: the same crash loses none; the 13 unacked come back redelivered and all 40 are delivered', () => {
    const sim = new Simulation(variant(base, 'manual-ack'));
    sim.runUntil(5_999);
    expect(sim.heldMessages('hello', 100)!.counts).toEqual({ unacked: 13 });
    sim.runUntil(6_001);
    const back = held(sim, 'hello');
    expect(back.map((m) => [m.state, m.redelivered])).toEqual(Array(13).fill(['ready', true]));
    sim.runUntil(60_000);
    const r = runReport(sim);
    expect(r.ledger.lost).toEqual({});
    expect(r.ledger.delivered).toBe(40);
    expect(r.ledger.duplicates).toBe(0);
    expect(queue(r, 'hello').redelivered).toBe(13);
    expect(consumer(r, 'consumer').redelivered).toBe(13);
  });
});

describe('scenario 03: work queue fair dispatch', () => {
  const base = scenario('03-work-queue-fair-dispatch');

  it('prefetch unlimited: round-robin gives each worker half, the slow one builds a backlog, p95 is high', () => {
    const sim = new Simulation(base);
    sim.runUntil(60_000);
    expect(consumer(runReport(sim), 'slow').backlog).toBe(117);
    sim.runUntil(300_000);
    const r = runReport(sim);
    expect(r.ledger.delivered).toBe(480);
    expect(consumer(r, 'fast').received).toBe(240);
    expect(consumer(r, 'slow').received).toBe(240);
    expect(r.latencyMs.p95).toBeGreaterThan(50_000);
  });

  it('prefetch 1: the fast worker processes most messages and p95 drops below a second', () => {
    const { report: r } = run(variant(base, 'prefetch-1'), 300_000);
    expect(r.ledger.delivered).toBe(480);
    expect(consumer(r, 'fast').processed).toBe(372);
    expect(consumer(r, 'slow').processed).toBe(108);
    expect(r.latencyMs.p95).toBeLessThan(1_000);
  });
});

describe('scenario 06: SQS Standard vs FIFO', () => {
  const base = scenario('06-sqs-standard-vs-fifo');

  it('Standard (best-effort): over 10 minutes the worker sees reorders, within keys too, and duplicates', () => {
    const { report: r } = run(base, 600_000);
    expect(r.ledger.produced).toBe(17_865);
    expect(r.reordered).toBe(108);
    expect(r.reorderedByKey).toBe(42);
    expect(r.ledger.duplicates).toBe(20);
  });

  it('FIFO (per-group, MessageGroupId = key): 0 reorders within each group and 0 duplicates', () => {
    const { report: r } = run(variant(base, 'fifo'), 600_000);
    expect(r.ledger.produced).toBe(17_865);
    expect(r.reorderedByKey).toBe(0);
    expect(r.ledger.duplicates).toBe(0);
  });
});

describe('scenario 07: visibility timeout too short', () => {
  const base = scenario('07-visibility-timeout-too-short');

  it('processing 40 s, timeout 30 s: every job is processed at least twice (duplicates = processed - produced)', () => {
    const { report: r } = run(base, 180_000);
    const worker = consumer(r, 'worker');
    expect(r.ledger.produced).toBe(5);
    expect(worker.processed).toBe(24);
    expect(r.ledger.duplicates).toBe(worker.processed - r.ledger.produced);
    expect(r.ledger.duplicates).toBe(19);
    expect(queue(r, 'jobs-queue').redelivered).toBe(25);
  });

  it('maxReceiveCount 2 with a DLQ: each job is processed twice, then dead-lettered with delivery-limit', () => {
    const { sim, report: r } = run(variant(base, 'max-receive-2'), 180_000);
    expect(consumer(r, 'worker').processed).toBe(10);
    expect(r.ledger.duplicates).toBe(5);
    expect(queue(r, 'jobs-queue').deadLettered).toBe(5);
    const dlq = held(sim, 'jobs-dlq');
    expect(dlq.map((m) => [m.seq + 1, m.deadLetterReason])).toEqual([1, 2, 3, 4, 5].map((n) => [n, 'delivery-limit']));
    // Each was processed before it was dead-lettered: the ledger has it as delivered, the DLQ a copy.
    expect(r.ledger.delivered).toBe(5);
  });

  it('visibility timeout 60 s: no duplicates', () => {
    const { report: r } = run(variant(base, 'timeout-60s'), 180_000);
    expect(consumer(r, 'worker').processed).toBe(5);
    expect(r.ledger.duplicates).toBe(0);
    expect(queue(r, 'jobs-queue').redelivered).toBe(0);
  });
});

describe('scenario 10: backpressure and overflow', () => {
  const base = scenario('10-backpressure-and-overflow');

  it('drop-head: the depth stays at 1,000, the oldest are lost (overflow), latency is capped', () => {
    const { report: r } = run(base, 60_000);
    expect(queue(r, 'buffer').depth).toBe(1_000);
    expect(r.ledger.lost).toEqual({ overflow: 4_996 });
    expect(r.ledger.rejected).toBe(0);
    expect(r.latencyMs.max).toBeLessThan(5_100);
  });

  it('reject-publish: the depth stays at 1,000 and the newest are refused', () => {
    const { report: r } = run(variant(base, 'reject-publish'), 60_000);
    expect(queue(r, 'buffer').depth).toBe(1_000);
    expect(r.ledger.rejected).toBe(4_996);
    expect(queue(r, 'buffer').refused).toBe(4_996);
    expect(r.ledger.lost).toEqual({});
    expect(r.latencyMs.max).toBeLessThan(10_100);
  });

  it('block: nothing is lost or refused; the producer-side wait grows without bound', () => {
    const half = run(variant(base, 'block'), 30_000).report;
    const { report: r } = run(variant(base, 'block'), 60_000);
    expect(r.ledger.lost).toEqual({});
    expect(r.ledger.rejected).toBe(0);
    expect(queue(r, 'buffer').blocked).toBe(4_996);
    expect(r.publishWaitMs.max).toBeGreaterThan(2 * half.publishWaitMs.max);
    expect(r.publishWaitMs.max).toBeGreaterThan(24_000);
  });

  it('unbounded: the depth and the latency grow linearly', () => {
    const half = run(variant(base, 'unbounded'), 30_000).report;
    const { report: r } = run(variant(base, 'unbounded'), 60_000);
    expect(queue(half, 'buffer').depth).toBe(2_996);
    expect(queue(r, 'buffer').depth).toBe(5_996);
    expect(r.ledger.lost).toEqual({});
    expect(half.latencyMs.max).toBeCloseTo(15_010, 0);
    expect(r.latencyMs.max).toBeCloseTo(30_010, 0);
  });
});

describe('scenario 11: transient vs persistent', () => {
  const base = scenario('11-transient-vs-persistent');

  it('transient: the broker crash at 20 s loses the 71 queued messages (lost:crash)', () => {
    const sim = new Simulation(base);
    sim.runUntil(19_999);
    expect(queue(runReport(sim), 'tasks').depth).toBe(71);
    sim.runUntil(60_000);
    const r = runReport(sim);
    expect(r.ledger.lost).toEqual({ crash: 71 });
    expect(r.ledger.delivered).toBe(79);
  });

  it('durable queue + persistent messages: nothing lost, delivery resumes after the restart at 25 s', () => {
    const sim = new Simulation(variant(base, 'durable-persistent'));
    sim.runUntil(24_999);
    const during = runReport(sim);
    expect(queue(during, 'tasks').depth).toBe(72);
    expect(during.ledger.delivered).toBe(79);
    sim.runUntil(60_000);
    const r = runReport(sim);
    expect(r.ledger.lost).toEqual({});
    expect(r.ledger.delivered).toBe(150);
    // The message being processed at the crash is redelivered: its ack went to a dead broker.
    expect(r.ledger.duplicates).toBe(1);
  });
});

describe('scenario 12: TTL and dead letters', () => {
  it('messages older than 5 s are dead-lettered expired, and the DLQ depth equals the expired count', () => {
    const { report: r } = run(scenario('12-ttl-and-dead-letters'), 60_000);
    expect(queue(r, 'work').expired).toBe(257);
    expect(queue(r, 'dlq').depth).toBe(257);
    expect(r.ledger.deadLettered).toEqual({ expired: 257 });
    expect(r.ledger.delivered).toBe(292);
    expect(queue(r, 'work').depth).toBe(50);
    expect(r.latencyMs.max).toBeLessThan(5_250);
  });
});

describe('scenario 14: exactly-once in effect', () => {
  const base = scenario('14-exactly-once-in-effect');

  it('idempotent receiver behind a 5% duplicating link: 0 duplicates processed, repeats suppressed', () => {
    const { report: r } = run(base, 60_000);
    expect(r.ledger.delivered).toBe(1_257);
    expect(r.ledger.duplicates).toBe(0);
    expect(r.ledger.duplicatesSuppressed).toBe(67);
    expect(consumer(r, 'ledger').suppressed).toBe(67);
  });

  it('receiver not idempotent: duplicates are processed', () => {
    const { report: r } = run(variant(base, 'not-idempotent'), 60_000);
    expect(r.ledger.duplicates).toBe(66);
    expect(r.ledger.duplicatesSuppressed).toBe(0);
  });
});

describe('scenario 20: overflow exactly (RMQ-L2)', () => {
  const base = scenario('20-overflow-exactly');

  it('drop-head keeps 3, 4, 5 and dead-letters 1, 2 with max-length', () => {
    const { sim, report: r } = run(base, 10_000);
    expect(heldNumbers(sim, 'limited')).toEqual([3, 4, 5]);
    expect(heldNumbers(sim, 'dlq')).toEqual([1, 2]);
    expect(held(sim, 'dlq').map((m) => m.deadLetterReason)).toEqual(['max-length', 'max-length']);
    expect(r.ledger.deadLettered).toEqual({ 'max-length': 2 });
    expect(r.ledger.rejected).toBe(0);
  });

  it('reject-publish keeps 1, 2, 3 and refuses 4, 5 (the publisher is told)', () => {
    const { sim, report: r } = run(variant(base, 'reject-publish'), 10_000);
    expect(heldNumbers(sim, 'limited')).toEqual([1, 2, 3]);
    expect(heldNumbers(sim, 'dlq')).toEqual([]);
    expect(r.ledger.rejected).toBe(2);
    expect(queue(r, 'limited').refused).toBe(2);
    expect(producer(r, 'publisher').refused).toBe(2);
    expect(r.ledger.deadLettered).toEqual({});
  });

  it('reject-publish-dlx keeps 1, 2, 3, refuses 4, 5 and dead-letters them with max-length', () => {
    const { sim, report: r } = run(variant(base, 'reject-publish-dlx'), 10_000);
    expect(heldNumbers(sim, 'limited')).toEqual([1, 2, 3]);
    expect(heldNumbers(sim, 'dlq')).toEqual([4, 5]);
    expect(held(sim, 'dlq').map((m) => m.deadLetterReason)).toEqual(['max-length', 'max-length']);
    expect(producer(r, 'publisher').refused).toBe(2);
    expect(r.ledger.deadLettered).toEqual({ 'max-length': 2 });
  });
});

describe('scenario 21: poison message (RMQ-D2)', () => {
  const base = scenario('21-poison-message');

  it('classic queue: the message that always fails is redelivered for ever, the counter climbs', () => {
    const sim = new Simulation(base);
    sim.runUntil(5_000);
    const early = queue(runReport(sim), 'orders').redelivered;
    sim.runUntil(10_000);
    const r = runReport(sim);
    expect(queue(r, 'orders').dispatched).toBe(96);
    expect(queue(r, 'orders').redelivered).toBe(95);
    expect(early).toBeGreaterThan(40);
    expect(early).toBeLessThan(95);
    expect(r.ledger.deadLettered).toEqual({});
    expect(held(sim, 'orders')[0]!.attempts).toBe(96);
  });

  it('RMQ-D2 quorum-like queue (delivery-limit 20 counts redeliveries): dead-lettered with delivery-limit after 21 deliveries', () => {
    const { sim, report: r } = run(variant(base, 'quorum'), 10_000);
    expect(queue(r, 'orders').dispatched).toBe(21);
    expect(consumer(r, 'consumer').failed).toBe(21);
    expect(queue(r, 'orders').redelivered).toBe(20);
    expect(r.ledger.deadLettered).toEqual({ 'delivery-limit': 1 });
    expect(held(sim, 'dlq').map((m) => m.deadLetterReason)).toEqual(['delivery-limit']);
  });
});

describe('scenario 22: restart matrix (RMQ-Q2)', () => {
  it('across a restart only a durable queue with persistent messages keeps them', () => {
    const sim = new Simulation(scenario('22-restart-matrix'));
    const queues = ['durable-persistent', 'transient-persistent', 'durable-transient', 'transient-transient'];
    sim.runUntil(9_999);
    const before = runReport(sim);
    expect(queues.map((q) => queue(before, q).depth)).toEqual([10, 10, 10, 10]);
    sim.runUntil(20_000);
    const after = runReport(sim);
    expect(queues.map((q) => queue(after, q).depth)).toEqual([10, 0, 0, 0]);
    // RMQ-Q2: the transient queues themselves are gone after the restart, with their bindings.
    expect(queues.map((q) => queue(after, q).deleted)).toEqual([false, true, false, true]);
    expect(after.ledger.lost).toEqual({ crash: 30 });
    expect(heldNumbers(sim, 'durable-persistent')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('scenario 24: FIFO stall and dedup (SQS-2, SQS-3)', () => {
  const base = scenario('24-fifo-stall-and-dedup');

  it('one slow message blocks its group while the other groups keep flowing; order per group holds', () => {
    const sim = new Simulation(base);
    sim.runUntil(15_000);
    const processedAt15 = consumer(runReport(sim), 'worker').processed;
    sim.runUntil(20_000);
    const stuck = held(sim, 'worker');
    expect(stuck.map((m) => [m.key, m.state])).toEqual([['C', 'processing']]);
    const waiting = held(sim, 'orders-fifo').filter((m) => m.state === 'ready');
    expect(waiting).toHaveLength(11);
    expect(new Set(waiting.map((m) => m.key))).toEqual(new Set(['C']));
    // Meanwhile A and B flowed: two messages in three, 6 a second, for 5 s.
    expect(consumer(runReport(sim), 'worker').processed - processedAt15).toBe(20);
    sim.runUntil(30_000);
    expect(held(sim, 'orders-fifo')).toEqual([]);
    sim.runUntil(120_000);
    expect(consumer(runReport(sim), 'worker').keyReorders).toBe(0);
  });

  it('a confirm lost on the lossy link makes a retry that the message-id dedup accepts but never delivers', () => {
    const { report: r } = run(base, 120_000);
    expect(producer(r, 'payments').produced).toBe(241);
    expect(producer(r, 'payments').retries).toBe(141);
    expect(queue(r, 'payments-fifo').deduplicated).toBe(76);
    expect(consumer(r, 'payments-worker').processed).toBe(240);
    expect(consumer(r, 'payments-worker').duplicates).toBe(0);
    expect(r.ledger.duplicates).toBe(0);
  });

  it('with deduplication off the repeats are processed as duplicates', () => {
    const { report: r } = run(variant(base, 'no-dedup'), 120_000);
    expect(queue(r, 'payments-fifo').deduplicated).toBe(0);
    expect(consumer(r, 'payments-worker').duplicates).toBe(76);
  });
});

describe('scenario 04: publish-subscribe fan-out (RMQ-R3, a late subscriber)', () => {
  it('each subscriber gets every message; the queue bound at 30 s gets only what came after', () => {
    const { report } = run(scenario('04-publish-subscribe-fan-out'), 59_999);
    expect(producer(report, 'news').produced).toBe(120);
    for (const id of ['web', 'mobile', 'email']) expect(consumer(report, id).processed, id).toBe(120);
    expect(consumer(report, 'late').processed).toBe(60);
    expect(report.ledger.created).toBe(120 + 2 * 120 + 60);
    expect(report.ledger.lost).toEqual({});
  });
});

describe('scenario 05: topic routing (RMQ-R4, RMQ-R6)', () => {
  const base = scenario('05-topic-routing');

  it('routes by pattern; kern.critical matches two bindings of one queue and arrives once; mail.debug is unroutable', () => {
    const { report } = run(base, 120_000);
    expect(consumer(report, 'ops').processed).toBe(300);
    expect(consumer(report, 'ops').duplicates).toBe(0);
    expect(consumer(report, 'security').processed).toBe(100);
    expect(report.ledger.lost).toEqual({ unroutable: 100 });
  });

  it('with an alternate exchange the unroutable ones reach Audit and nothing is lost', () => {
    const { report } = run(variant(base, 'alternate-exchange'), 120_000);
    expect(consumer(report, 'audit').processed).toBe(100);
    expect(report.ledger.lost).toEqual({});
  });
});

describe('scenario 19: unroutable triad (RMQ-R6, RMQ-P1)', () => {
  const base = scenario('19-unroutable-triad');

  it('plain: dropped silently, and still confirmed', () => {
    const { sim, report } = run(base, 30_000);
    expect(heldNumbers(sim, 'q-orders')).toEqual([1, 3, 5, 7, 9]);
    expect(report.ledger.lost).toEqual({ unroutable: 5 });
    expect(producer(report, 'shop')).toMatchObject({ confirmed: 10, returned: 0 });
  });

  it('mandatory: returned to the publisher', () => {
    const { report } = run(variant(base, 'mandatory'), 30_000);
    expect(report.ledger.lost).toEqual({});
    expect(report.ledger.rejected).toBe(5);
    expect(producer(report, 'shop')).toMatchObject({ returned: 5, confirmed: 10 });
  });

  it('alternate exchange: routed there, not returned', () => {
    const { sim, report } = run(variant(base, 'alternate-exchange'), 30_000);
    expect(heldNumbers(sim, 'q-unrouted')).toEqual([2, 4, 6, 8, 10]);
    expect(report.ledger.lost).toEqual({});
    expect(producer(report, 'shop').returned).toBe(0);
  });
});

describe('scenario 08: MQTT QoS over a lossy link (MQ-1, MQ-2)', () => {
  const base = scenario('08-mqtt-qos-over-a-lossy-link');

  it('QoS 0 loses about 10% and never duplicates; QoS 1 loses none and duplicates; QoS 2 loses none and does not', () => {
    const { report } = run(base, 200_000);
    const q0 = consumer(report, 'sub0');
    const q1 = consumer(report, 'sub1');
    const q2 = consumer(report, 'sub2');
    const lost = report.ledger.lost['link-loss'] ?? 0;
    expect(q0.processed).toBe(2_000 - lost);
    expect(lost).toBeGreaterThan(140);
    expect(lost).toBeLessThan(260);
    expect(q0.duplicates).toBe(0);
    expect(q1.processed - q1.duplicates).toBe(2_000);
    expect(q1.duplicates).toBeGreaterThan(100);
    expect(q2.processed).toBe(2_000);
    expect(q2.duplicates).toBe(0);
    expect(report.ledger.duplicatesSuppressed).toBeGreaterThan(100);
  });

  it('QoS 0 subscriptions on a lossy downlink: every sensor loses messages', () => {
    const { report } = run(variant(base, 'lossy-downlink-qos0'), 200_000);
    for (const id of ['sub1', 'sub2']) {
      const c = consumer(report, id);
      expect(c.processed - c.duplicates, id).toBeLessThan(1_900);
    }
    expect(consumer(report, 'sub2').duplicates).toBe(0);
  });
});

describe('scenario 09: retained messages and persistent sessions (MQ-3, MQ-4)', () => {
  const base = scenario('09-retained-and-sessions');

  it('the dashboard gets the retained reading at once when it joins at 42 s', () => {
    const sim = new Simulation(base);
    // The link opens at 42 s; the retained reading arrives 5 ms later and takes 5 ms to process.
    sim.runUntil(42_007);
    const [first] = held(sim, 'dashboard');
    // Readings every 5 s from 0: the one of 40 s (seq 8) is the retained one.
    expect(first).toMatchObject({ seq: 8, state: 'processing' });
  });

  it('persistent session: the logger gets all 24; clean session: the 12 sent while it was connected, plus the retained one on reconnecting', () => {
    const persistent = run(base, 200_000);
    expect(consumer(persistent.report, 'logger').processed).toBe(24);
    const clean = run(variant(base, 'clean-session'), 200_000);
    // Back at 80 s it subscribes afresh and gets the retained reading of 75 s; the other 11 it missed are gone.
    expect(consumer(clean.report, 'logger').processed).toBe(13);
  });
});

describe('scenario 23: presence with Last Will (MQ-5, MQ-3)', () => {
  const base = scenario('23-presence-with-last-will');

  it('the will is published at 35 s and the dashboard joining at 60 s sees it, from the broker', () => {
    const sim = new Simulation(base);
    sim.runUntil(34_999);
    expect(consumer(runReport(sim), 'monitor').processed).toBe(1);
    sim.runUntil(61_000);
    const report = runReport(sim);
    expect(stats(report, 'broker', 'mqtt-broker').wills).toBe(1);
    expect(consumer(report, 'monitor').processed).toBe(2);
    expect(held(sim, 'dashboard').map((m) => m.producer)).toEqual(['broker']);
  });

  it('healed before the broker gives up: no will', () => {
    const { report } = run(variant(base, 'healed'), 100_000);
    expect(stats(report, 'broker', 'mqtt-broker').wills).toBe(0);
  });
});

describe('scenario 18: who may publish (channel ACL)', () => {
  const base = scenario('18-who-may-publish');

  it('the other publisher is denied and counted; nothing of it reaches accounting', () => {
    const { report } = run(base, 59_999);
    expect(producer(report, 'billing').produced).toBe(120);
    expect(producer(report, 'reporting').produced).toBe(60);
    expect(queue(report, 'invoices').denied).toBe(60);
    expect(report.ledger.lost).toEqual({ denied: 60 });
    expect(consumer(report, 'accounting').processed).toBe(120);
  });

  it('with reject the denied publishes go back to reporting, unconfirmed', () => {
    const { report } = run(variant(base, 'reject'), 59_999);
    expect(report.ledger.rejected).toBe(60);
    expect(producer(report, 'reporting')).toMatchObject({ refused: 60, confirmed: 0 });
  });
});

describe('scenario 16: ZeroMQ slow subscriber (ZMQ-1, ZMQ-3, ZMQ-5)', () => {
  const base = scenario('16-zeromq-slow-subscriber');
  const socket = (r: RunReport, id: string) => stats(r, id, 'zmq-socket');

  it('PUB: the slow subscriber loses its copies at its HWM of 1,000, the fast one none; the publisher never waits', () => {
    const { report: r } = run(base, 10_000);
    const feed = socket(r, 'feed');
    expect(producer(r, 'ticks').produced).toBe(99_900);
    expect(r.ledger.lost).toEqual({ 'hwm-drop': 88_903 });
    expect(feed).toMatchObject({ hwmDropped: 88_903, blockedTotal: 0, waitMaxMs: 0 });
    expect(feed.pipeMax).toEqual({ fast: 11, slow: 1_000 });
    // Every message reached the fast subscriber or is on its way there.
    expect(consumer(r, 'fast').processed).toBe(99_880);
    expect(consumer(r, 'fast').processed + feed.pipeDepth.fast!).toBe(feed.received);
    expect(consumer(r, 'slow').processed).toBe(9_988);
    expect(r.publishWaitMs.count).toBe(0);
  });

  it('PUSH/PULL: nothing is dropped; the fast worker takes what the slow one cannot, so no send waits', () => {
    const { report: r } = run(variant(base, 'push'), 10_000);
    expect(r.ledger.lost).toEqual({});
    expect(consumer(r, 'slow').processed).toBe(9_987);
    expect(consumer(r, 'fast').processed).toBe(88_894);
    expect(socket(r, 'feed')).toMatchObject({ hwmDropped: 0, blockedTotal: 0, pipeMax: { slow: 1_000, fast: 10 } });
    expect(r.publishWaitMs.count).toBe(0);
  });

  it('PUSH, overloaded: nothing is dropped; with both pipes full every send waits, longer each second', () => {
    const ten = run(variant(base, 'push-overloaded'), 10_000).report;
    const twenty = run(variant(base, 'push-overloaded'), 20_000).report;
    for (const r of [ten, twenty]) expect(r.ledger.lost).toEqual({});
    expect(socket(ten, 'feed')).toMatchObject({ blocked: 13_766, hwmDropped: 0, pipeDepth: { fast: 1_000, slow: 1_000 } });
    expect(socket(ten, 'feed').waitMaxMs).toBeCloseTo(917.8, 1);
    expect(ten.publishWaitMs.max).toBeCloseTo(917.8, 1);
    // 15,000 a second against 13,500: the wait grows by a tenth of a second every second.
    expect(twenty.publishWaitMs.max - ten.publishWaitMs.max).toBeCloseTo(1_000, 0);
  });
});

describe('scenario 01: hello, request-reply (ZMQ-2)', () => {
  const base = scenario('01-hello-request-reply');

  /** Runs until nothing is left to happen: when the last event and the last reply were, and how many requests were outstanding at most. */
  function runOut(t: Topology): { report: RunReport; endMs: number; lastReplyMs: number; mostOutstanding: number } {
    const sim = new Simulation(t);
    const client = t.nodes.findIndex((n) => n.id === 'client');
    let mostOutstanding = 0;
    let replies = 0;
    let lastReplyMs = 0;
    while (sim.step()) {
      const s = sim.nodeStats()[client]!;
      if (s.kind !== 'requester') continue;
      mostOutstanding = Math.max(mostOutstanding, s.outstanding);
      if (s.replies > replies) lastReplyMs = sim.now;
      replies = s.replies;
    }
    return { report: runReport(sim), endMs: sim.now, lastReplyMs, mostOutstanding };
  }

  it('10 requests and 10 replies, strictly alternating, in about 10 s', () => {
    const { report: r, lastReplyMs, mostOutstanding } = runOut(base);
    expect(stats(r, 'client', 'requester')).toMatchObject({ sent: 10, replies: 10, outstanding: 0, timeouts: 0 });
    expect(stats(r, 'server', 'replier')).toMatchObject({ requests: 10, replies: 10, duplicates: 0 });
    expect(mostOutstanding).toBe(1);
    expect(lastReplyMs).toBe(10_020);
  });

  it('5% loss, no timeout: a lost reply stalls the client for ever', () => {
    const { report: r, endMs } = runOut(variant(base, 'lossy'));
    expect(stats(r, 'client', 'requester')).toMatchObject({ sent: 4, replies: 3, outstanding: 1, blocked: true, waitingSinceMs: 3_006 });
    expect(stats(r, 'server', 'replier')).toMatchObject({ requests: 4, replies: 4 });
    expect(r.ledger.lost).toEqual({ 'link-loss': 1 });
    // Nothing is left that could ever answer it.
    expect(endMs).toBe(4_008);
  });

  it('5% loss, timeout + retry: it finishes, and the server sees a request twice', () => {
    const { report: r, lastReplyMs } = runOut(variant(base, 'lossy-with-retry'));
    expect(stats(r, 'client', 'requester')).toMatchObject({ sent: 10, replies: 10, timeouts: 1, retries: 1, gaveUp: 0, outstanding: 0 });
    expect(stats(r, 'server', 'replier')).toMatchObject({ requests: 11, duplicates: 1 });
    expect(r.ledger.duplicates).toBe(1);
    expect(lastReplyMs).toBe(12_020);
  });
});

describe('scenario 15: scatter-gather survey (NN-1)', () => {
  const base = scenario('15-scatter-gather-survey');

  it('deadline 200 ms: three answers per survey, the two slow ones late and counted', () => {
    const { report: r } = run(base, 60_000);
    expect(stats(r, 'surveyor', 'scatter-gather')).toMatchObject({ surveys: 5, asked: 25, answers: 15, late: 10, missing: 10, completedAtDeadline: 5, results: 5 });
    expect(consumer(r, 'results').processed).toBe(5);
    expect(r.ledger.lost).toEqual({ 'late-reply': 10 });
  });

  it('deadline 1000 ms: every answer in time, nothing late', () => {
    const { report: r } = run(variant(base, 'default-deadline'), 60_000);
    expect(stats(r, 'surveyor', 'scatter-gather')).toMatchObject({ answers: 25, late: 0, missing: 0, completedAtDeadline: 0, results: 5 });
    expect(r.ledger.lost).toEqual({});
  });

  it('a respondent that is down never answers: missing from every survey', () => {
    const { report: r } = run(variant(base, 'respondent-down'), 60_000);
    expect(stats(r, 'surveyor', 'scatter-gather')).toMatchObject({ answers: 20, late: 0, missing: 5, completedAtDeadline: 5, results: 5 });
  });
});

describe('scenario 17: splitter, processing, aggregator (SEMANTICS §5)', () => {
  const base = scenario('17-splitter-processing-aggregator');

  it('60 orders become 240 items; all 60 re-assembled in order, every item delivered with its order', () => {
    const { report: r, sim } = run(base, 60_000);
    expect(sim.finished).toBe(true);
    expect(stats(r, 'split', 'splitter')).toMatchObject({ received: 60, out: 240 });
    expect(stats(r, 'assemble', 'aggregator')).toMatchObject({ received: 240, completed: 60, partial: 0, late: 0, duplicates: 0, outOfOrder: 0 });
    expect(stats(r, 'reorder', 'resequencer')).toMatchObject({ out: 240, skipped: 0, late: 0 });
    expect(consumer(r, 'worker-1').forwarded + consumer(r, 'worker-2').forwarded).toBe(240);
    expect(consumer(r, 'fulfil')).toMatchObject({ processed: 60, reorders: 0 });
    expect(r.ledger).toMatchObject({ produced: 60, created: 240, delivered: 240, inFlight: 0, lost: {} });
  });

  it('without the resequencer items reach the aggregator out of order (39); the orders still complete', () => {
    const { report: r } = run(variant(base, 'no-resequencer'), 60_000);
    expect(stats(r, 'assemble', 'aggregator')).toMatchObject({ completed: 60, partial: 0, outOfOrder: 39 });
    expect(r.ledger).toMatchObject({ delivered: 240, inFlight: 0 });
  });

  it('a crashing worker with auto-ack loses 8 items; 4 orders time out and go on flagged partial', () => {
    const { report: r } = run(variant(base, 'crash-auto-ack'), 60_000);
    expect(consumer(r, 'worker-1').failed).toBe(4);
    expect(stats(r, 'assemble', 'aggregator')).toMatchObject({ received: 232, completed: 56, partial: 4, late: 0 });
    expect(consumer(r, 'fulfil').processed).toBe(60);
    expect(r.ledger).toMatchObject({ created: 240, delivered: 232, inFlight: 0, lost: { 'consumer-crash': 8 } });
  });

  it('the same crashes with manual ack: the items are redelivered (RMQ-C2) and every order completes', () => {
    const { report: r } = run(variant(base, 'crash-manual-ack'), 60_000);
    expect(consumer(r, 'worker-1').failed).toBe(7);
    expect(queue(r, 'items').redelivered).toBe(7);
    expect(stats(r, 'assemble', 'aggregator')).toMatchObject({ completed: 60, partial: 0, late: 0, duplicates: 0 });
    expect(r.ledger).toMatchObject({ delivered: 240, inFlight: 0, lost: {} });
  });
});

describe('scenario 25: claim check for large payloads (SEMANTICS §5, SQS-6)', () => {
  const base = scenario('25-claim-check-large-payloads');
  const claim = (r: RunReport, id: string) => stats(r, id, 'claim-check');

  it('bodies are parked and tokens travel: the size-limited audit queue takes every token, check-out restores every body', () => {
    const { report: r } = run(base, 20_000);
    expect(claim(r, 'park')).toMatchObject({ checkedIn: 200, parked: 0, bytesSaved: 200 * (300_000 - 256), bytesOut: 200 * 256 });
    expect(claim(r, 'fetch')).toMatchObject({ checkedOut: 200, missing: 0, bytesOut: 200 * 300_000 });
    expect(queue(r, 'audit')).toMatchObject({ received: 200, tooLarge: 0 });
    expect(consumer(r, 'auditor').processed).toBe(200);
    expect(consumer(r, 'thumbnailer').processed).toBe(200);
    expect(r.ledger).toMatchObject({ created: 400, delivered: 400, lost: {}, rejected: 0, inFlight: 0 });
  });

  it('store crash: the 10 bodies parked at the crash are gone and their tokens are lost:claim-missing', () => {
    const { report: r } = run(variant(base, 'store-crash'), 20_000);
    expect(claim(r, 'park')).toMatchObject({ checkedIn: 180, crashed: 10 });
    expect(claim(r, 'fetch')).toMatchObject({ checkedOut: 170, missing: 10 });
    expect(r.ledger.lost).toEqual({ crash: 20, 'claim-missing': 10 });
    expect(consumer(r, 'thumbnailer').processed).toBe(170);
    expect(consumer(r, 'auditor').processed).toBe(180);
  });

  it('durable store: the same crash loses only what arrives while park is down', () => {
    const { report: r } = run(variant(base, 'durable-store'), 20_000);
    expect(claim(r, 'park')).toMatchObject({ checkedIn: 180, crashed: 0 });
    expect(claim(r, 'fetch')).toMatchObject({ checkedOut: 180, missing: 0 });
    expect(r.ledger.lost).toEqual({ crash: 20 });
  });

  it('retention shorter than the trip: every body expires before its token comes', () => {
    const { report: r } = run(variant(base, 'short-retention'), 20_000);
    expect(claim(r, 'park')).toMatchObject({ checkedIn: 200, expired: 200, parked: 0 });
    expect(claim(r, 'fetch')).toMatchObject({ checkedOut: 0, missing: 200 });
    expect(r.ledger.lost).toEqual({ 'claim-missing': 200 });
    expect(consumer(r, 'auditor').processed).toBe(200);
  });

  it('the whole body on the wire: the audit queue refuses every message as too large (SQS-6)', () => {
    const { report: r } = run(variant(base, 'whole-body'), 20_000);
    expect(claim(r, 'park').bytesSaved).toBe(0);
    expect(queue(r, 'audit')).toMatchObject({ tooLarge: 200 });
    expect(r.ledger.rejected).toBe(200);
    expect(consumer(r, 'auditor').processed).toBe(0);
    expect(consumer(r, 'thumbnailer').processed).toBe(200);
  });
});

describe('scenario 13: Kafka partitions and keys (K-1, K-2, K-3)', () => {
  const base = scenario('13-kafka-partitions-and-keys');
  const topic = (r: RunReport) => stats(r, 'topic', 'kafka-topic');
  const CRASH_AT = 10_000;

  it('order holds per key, not across partitions; the crashed worker’s partition moves to the other', () => {
    const sim = new Simulation(base);
    sim.runUntil(CRASH_AT - 1);
    const before = runReport(sim);
    expect(topic(before).groups[0]!.owners).toEqual(['worker-a', 'worker-a', 'worker-b']);
    expect(topic(before).groups[0]!.members.map((m) => m.fetched[2])).toEqual([0, 343]);
    sim.runUntil(60_000);
    const r = runReport(sim);
    expect(topic(r).partitions.map((p) => p.records)).toEqual([133, 266, 801]);
    expect(r.reorderedByKey).toBe(0);
    expect(r.reordered).toBe(630);
    const group = topic(r).groups[0]!;
    expect(group.owners).toEqual(['worker-a', 'worker-a', 'worker-a']);
    // After the crash the survivor reads partition 2 as well, from the committed offset.
    expect(group.members.map((m) => [m.consumer, m.fetched])).toEqual([
      ['worker-a', [133, 266, 634]],
      ['worker-b', [0, 0, 343]],
    ]);
    expect(group.lag).toBe(0);
  });

  it('commit after processing (every 5 s): what worker-b processed since its last commit is processed again, nothing lost', () => {
    const sim = new Simulation(base);
    sim.runUntil(CRASH_AT - 1);
    const before = runReport(sim);
    const uncommitted = consumer(before, 'worker-b').processed - topic(before).groups[0]!.committed[2]!;
    expect(uncommitted).toBe(166);
    sim.runUntil(60_000);
    const r = runReport(sim);
    expect(r.ledger).toMatchObject({ produced: 1_200, delivered: 1_200, duplicates: uncommitted, lost: {}, inFlight: 0 });
    expect(consumer(r, 'worker-a').duplicates).toBe(uncommitted);
  });

  it('commit before processing: the records worker-b had fetched and not finished are lost', () => {
    const t = variant(base, 'commit-before');
    const sim = new Simulation(t);
    sim.runUntil(CRASH_AT - 1);
    const before = runReport(sim);
    // Its prefetch of 10: fetched and not yet processed (in hand, or on its way to it).
    const fetched = topic(before).groups[0]!.members[1]!.fetched[2]!;
    expect(fetched - consumer(before, 'worker-b').processed).toBe(10);
    sim.runUntil(60_000);
    const r = runReport(sim);
    expect(r.ledger).toMatchObject({ delivered: 1_190, duplicates: 0, lost: { 'consumer-crash': 10 }, inFlight: 0 });
    expect(r.reorderedByKey).toBe(0);
  });

  it('commit after each record: the crash repeats only the 10 in hand, never processed before: no duplicates, none lost', () => {
    const { report: r } = run(variant(base, 'commit-each'), 60_000);
    expect(r.ledger).toMatchObject({ delivered: 1_200, duplicates: 0, lost: {}, inFlight: 0 });
    expect(consumer(r, 'worker-a').redelivered).toBe(10);
    expect(r.reorderedByKey).toBe(0);
  });
});
