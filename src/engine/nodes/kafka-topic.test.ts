import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { partitionForKey } from '../core/murmur2.ts';
import { runReport } from '../report.ts';
import type { ConsumerStats, KafkaTopicStats, NodeStats, ProducerStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

const fixed = (value: number) => ({ dist: 'fixed', value });
const link = (ms: number, extra: object = {}) => ({ latencyMs: fixed(ms), ...extra });

interface Wire {
  from: string;
  to: string;
  link?: object;
  kafka?: object;
  activeFromMs?: number;
}

function build(nodes: object[], wires: Wire[], faults: object[] = [], seed = 7): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed,
    nodes,
    edges: wires.map((w) => ({
      id: `${w.from}-${w.to}`,
      source: w.from,
      target: w.to,
      link: w.link ?? link(1),
      ...(w.kafka ? { kafka: w.kafka } : {}),
      ...(w.activeFromMs === undefined ? {} : { activeFromMs: w.activeFromMs }),
    })),
    faults,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

const producer = (id: string, config: object) => ({ id, kind: 'producer', config: { rate: { dist: 'constant', perSecond: 100 }, ...config } });
const kafka = (id: string, config: object = {}) => ({ id, kind: 'kafka-topic', config });
const consumer = (id: string, config: object = {}) => ({ id, kind: 'consumer', config: { processingMs: fixed(2), prefetch: 5, ...config } });
/** Holds everything it gets, in arrival order, for the whole test. */
const holder = (id: string) => consumer(id, { processingMs: fixed(1e9), prefetch: 0 });

function run(t: Topology, untilMs: number): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

function statsOf<K extends NodeStats['kind']>(sim: Simulation, id: string, kind: K): Extract<NodeStats, { kind: K }> {
  const s = sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)];
  if (s?.kind !== kind) throw new Error(`${id} is not a ${kind}`);
  return s as Extract<NodeStats, { kind: K }>;
}
const topicStats = (sim: Simulation, id = 'k'): KafkaTopicStats => statsOf(sim, id, 'kafka-topic');
const consumerStats = (sim: Simulation, id: string): ConsumerStats => statsOf(sim, id, 'consumer');
const producerStats = (sim: Simulation, id = 'p'): ProducerStats => statsOf(sim, id, 'producer');

/** Producer sequence numbers a consumer holds, in arrival order. */
const seqsAt = (sim: Simulation, id: string): number[] => sim.heldMessages(id, 1000)!.messages.map((m) => m.seq);

function conserved(sim: Simulation): void {
  const l = sim.ledger;
  expect(l.inFlight).toBeGreaterThanOrEqual(0);
  expect(l.created).toBe(l.delivered + l.lostTotal + l.deadLetteredTotal + l.rejected + l.inFlight);
}

const KEYS = ['user-1', 'user-2', 'user-3', 'user-4', 'user-5', 'user-6', 'user-7', 'user-8', 'user-9'];

describe('K-1 partitions', () => {
  it('a keyed record goes to partition murmur2(key) mod partitions, every time', () => {
    const sim = run(build([producer('p', { keys: KEYS, limit: 90 }), kafka('k'), consumer('c')], [{ from: 'p', to: 'k' }, { from: 'k', to: 'c' }]), 5_000);
    const expected = [0, 0, 0];
    for (const key of KEYS) expected[partitionForKey(key, 3)]! += 10;
    expect(topicStats(sim).partitions.map((p) => p.records)).toEqual(expected);
    // user-1..user-9 spread over all three partitions, unevenly.
    expect(expected).toEqual([30, 30, 30].map((_, p) => KEYS.filter((k) => partitionForKey(k, 3) === p).length * 10));
    expect(consumerStats(sim, 'c').processed).toBe(90);
  });

  it('keeps order within a partition only: per key none reordered, across partitions some', () => {
    const t = build(
      [producer('p', { keys: KEYS, limit: 900, rate: { dist: 'constant', perSecond: 200 } }), kafka('k'), consumer('c', { processingMs: fixed(6) })],
      [{ from: 'p', to: 'k' }, { from: 'k', to: 'c' }],
    );
    // The consumer falls behind and fetches from its three partitions in turn: partition 2
    // holds six of the nine keys, so its records come later than the producer sent them.
    const c = consumerStats(run(t, 20_000), 'c');
    expect(c.processed).toBe(900);
    expect(c.keyReorders).toBe(0);
    expect(c.reorders).toBeGreaterThan(0);
  });

  it('no key: a sticky partition that changes once a batch of batchBytes went there', () => {
    // 1 KiB records and 4 KiB batches: runs of four, each run on another partition than the last.
    const t = build(
      [producer('p', { limit: 40, sizeBytes: 1024 }), kafka('k', { batchBytes: 4096 }), holder('c0'), holder('c1'), holder('c2')],
      [{ from: 'p', to: 'k' }, ...['c0', 'c1', 'c2'].map((c) => ({ from: 'k', to: c, kafka: { group: 'g' } }))],
    );
    const sim = run(t, 2_000);
    const partitionOfSeq = new Map<number, number>();
    ['c0', 'c1', 'c2'].forEach((c, p) => {
      // Range assignment in consumer id order: c0 reads partition 0, c1 partition 1, c2 partition 2.
      expect(topicStats(sim).groups[0]!.owners[p]).toBe(c);
      for (const seq of seqsAt(sim, c)) partitionOfSeq.set(seq, p);
    });
    expect([...partitionOfSeq.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    for (let seq = 0; seq < 40; seq++) {
      if (seq % 4 === 0 && seq > 0) expect(partitionOfSeq.get(seq)).not.toBe(partitionOfSeq.get(seq - 1));
      else if (seq > 0) expect(partitionOfSeq.get(seq)).toBe(partitionOfSeq.get(seq - 1));
    }
  });
});

describe('K-2 consumer groups', () => {
  it('gives each partition to exactly one member; a member beyond the partition count idles', () => {
    const members = ['c0', 'c1', 'c2', 'c3'];
    const t = build(
      [producer('p', { keys: KEYS, limit: 90 }), kafka('k'), ...members.map((c) => consumer(c))],
      [{ from: 'p', to: 'k' }, ...members.map((c) => ({ from: 'k', to: c, kafka: { group: 'g' } }))],
    );
    const sim = run(t, 5_000);
    const group = topicStats(sim).groups[0]!;
    expect(group.owners).toEqual(['c0', 'c1', 'c2']);
    expect(group.members.find((m) => m.consumer === 'c3')!.fetched).toEqual([0, 0, 0]);
    expect(members.map((c) => consumerStats(sim, c).processed)).toEqual([...topicStats(sim).partitions.map((p) => p.records), 0]);
  });

  it('every group sees every record: one copy per group, each with its own fate', () => {
    const t = build(
      [producer('p', { keys: KEYS, limit: 90 }), kafka('k'), consumer('a1'), consumer('a2'), consumer('b1')],
      [
        { from: 'p', to: 'k' },
        { from: 'k', to: 'a1', kafka: { group: 'billing' } },
        { from: 'k', to: 'a2', kafka: { group: 'billing' } },
        { from: 'k', to: 'b1', kafka: { group: 'audit' } },
      ],
    );
    const sim = run(t, 10_000);
    expect(consumerStats(sim, 'a1').processed + consumerStats(sim, 'a2').processed).toBe(90);
    expect(consumerStats(sim, 'b1').processed).toBe(90);
    expect(sim.ledger.totals()).toMatchObject({ produced: 90, created: 180, delivered: 180, duplicates: 0, inFlight: 0 });
    expect(topicStats(sim).groups.map((g) => [g.group, g.lag])).toEqual([['billing', 0], ['audit', 0]]);
  });

  it('a member that crashes gives its partitions to the others, and takes a share back when it returns', () => {
    const t = build(
      [producer('p', { keys: KEYS, limit: 600 }), kafka('k'), consumer('c0'), consumer('c1')],
      [{ from: 'p', to: 'k' }, { from: 'k', to: 'c0', kafka: { group: 'g' } }, { from: 'k', to: 'c1', kafka: { group: 'g' } }],
      [{ atMs: 2_000.5, action: 'crash', node: 'c0', restartAfterMs: 1_000 }],
    );
    const sim = new Simulation(t);
    sim.runUntil(1_999);
    expect(topicStats(sim).groups[0]!.owners).toEqual(['c0', 'c0', 'c1']);
    sim.runUntil(2_500);
    expect(topicStats(sim).groups[0]!).toMatchObject({ owners: ['c1', 'c1', 'c1'], rebalances: 2 });
    sim.runUntil(20_000);
    expect(topicStats(sim).groups[0]!).toMatchObject({ owners: ['c0', 'c0', 'c1'], rebalances: 3, lag: 0 });
    expect(sim.ledger.totals()).toMatchObject({ delivered: 600, lost: 0, inFlight: 0 });
    conserved(sim);
  });
});

describe('K-3 offsets', () => {
  /**
   * Two members sharing three partitions, each slower than what comes to it, so each holds
   * its prefetch of 5; c0 (partitions 0 and 1) crashes at `crashAt` for good.
   */
  const crashTopology = (commit: object, crashAt: number) =>
    build(
      [producer('p', { keys: KEYS, limit: 500 }), kafka('k'), consumer('c0', { processingMs: fixed(40) }), consumer('c1', { processingMs: fixed(40) })],
      [
        { from: 'p', to: 'k' },
        { from: 'k', to: 'c0', kafka: { group: 'g', ...commit } },
        { from: 'k', to: 'c1', kafka: { group: 'g', ...commit } },
      ],
      [{ atMs: crashAt, action: 'crash', node: 'c0' }],
    );

  it('reading deletes nothing: every record stays in the log after its group committed it', () => {
    const sim = run(build([producer('p', { keys: KEYS, limit: 90 }), kafka('k'), consumer('c')], [{ from: 'p', to: 'k' }, { from: 'k', to: 'c' }]), 10_000);
    const k = topicStats(sim);
    expect(k.partitions.reduce((n, p) => n + p.records, 0)).toBe(90);
    expect(k.groups[0]!.committed).toEqual(k.partitions.map((p) => p.endOffset));
    expect(k.groups[0]!.lag).toBe(0);
  });

  it('commit before processing is at most once: the crashed member’s records in hand are lost, none repeated', () => {
    const crashAt = 2_003.5;
    const sim = new Simulation(crashTopology({ commit: 'before-processing' }, crashAt));
    sim.runUntil(crashAt - 0.1);
    const inHand = sim.heldMessages('c0', 100)!.messages.length;
    expect(inHand).toBe(5);
    sim.runUntil(60_000);
    expect(runReport(sim).ledger.lost).toEqual({ 'consumer-crash': inHand });
    expect(sim.ledger.totals()).toMatchObject({ delivered: 500 - inHand, duplicates: 0, inFlight: 0 });
    // The survivor took over partitions 0 and 1 after the crash.
    expect(topicStats(sim).groups[0]!.owners).toEqual(['c1', 'c1', 'c1']);
  });

  it('commit after processing is at least once: the next owner repeats what was processed since the last commit', () => {
    const crashAt = 2_003.5;
    const sim = new Simulation(crashTopology({ commit: 'after-processing', commitIntervalMs: 1_000 }, crashAt));
    sim.runUntil(crashAt - 0.1);
    const group = topicStats(sim).groups[0]!;
    // c0 read partitions 0 and 1 from offset 0: what it processed beyond their committed offsets is uncommitted.
    const uncommitted = consumerStats(sim, 'c0').processed - group.committed[0]! - group.committed[1]!;
    expect(uncommitted).toBeGreaterThan(0);
    sim.runUntil(60_000);
    expect(sim.ledger.totals()).toMatchObject({ delivered: 500, lost: 0, duplicates: uncommitted, inFlight: 0 });
  });

  it('commit after each record: a crash repeats only what was in hand, which was never processed: no duplicates', () => {
    const sim = run(crashTopology({ commit: 'after-processing', commitIntervalMs: 0 }, 2_003.5), 60_000);
    expect(sim.ledger.totals()).toMatchObject({ delivered: 500, lost: 0, duplicates: 0, inFlight: 0 });
    expect(consumerStats(sim, 'c1').redelivered).toBe(5);
  });

  it('a failed record is fetched again from its offset (a seek): nothing is lost', () => {
    const t = build(
      [producer('p', { keys: KEYS, limit: 300 }), kafka('k'), consumer('c', { failureProbability: 0.2, onFailure: 'requeue' })],
      [{ from: 'p', to: 'k' }, { from: 'k', to: 'c', kafka: { commitIntervalMs: 0 } }],
    );
    const sim = run(t, 20_000);
    expect(consumerStats(sim, 'c').failed).toBeGreaterThan(30);
    expect(sim.ledger.totals()).toMatchObject({ delivered: 300, lost: 0, inFlight: 0 });
  });
});

describe('K-4 acks and a leader crash', () => {
  // Sends every 10 ms, 5 ms to the topic, 25 ms to replicate. The leader crashes at
  // 1,002 ms for 500 ms: records written at 985 and 995 ms are not replicated yet, and
  // the 50 sent from 1,000 to 1,490 ms arrive while it is down.
  const leaderCrash = (acks: string, producerConfig: object) =>
    build(
      [producer('p', { limit: 300, ...producerConfig }), kafka('k', { acks, replicationLagMs: 25 }), consumer('c')],
      [{ from: 'p', to: 'k', link: link(5) }, { from: 'k', to: 'c' }],
      [{ atMs: 1_002, action: 'crash', node: 'k', restartAfterMs: 500 }],
    );
  const retrying = { confirms: true, retryAfterMs: 200, maxRetries: 10 };

  it('acks 1: the records the leader had not replicated are lost, though they were acknowledged', () => {
    const sim = new Simulation(leaderCrash('1', retrying));
    sim.runUntil(1_001);
    expect(topicStats(sim).unreplicated).toBe(2);
    sim.runUntil(10_000);
    expect(runReport(sim).ledger.lost).toEqual({ crash: 2 });
    expect(topicStats(sim).lostInCrash).toBe(2);
    expect(sim.ledger.totals()).toMatchObject({ delivered: 298, inFlight: 0, duplicates: 0 });
  });

  it('acks all: nothing is lost; the producer resends what was not acknowledged', () => {
    const sim = run(leaderCrash('all', retrying), 10_000);
    expect(topicStats(sim).lostInCrash).toBe(2);
    expect(sim.ledger.totals()).toMatchObject({ delivered: 300, lost: 0, inFlight: 0, duplicates: 0 });
    expect(producerStats(sim).retries).toBeGreaterThanOrEqual(52);
  });

  it('acks 0: no wait, so the unreplicated records and those on their way are lost', () => {
    const sim = run(leaderCrash('0', {}), 10_000);
    expect(runReport(sim).ledger.lost).toEqual({ crash: 2 + 50 });
    expect(sim.ledger.totals()).toMatchObject({ delivered: 248, inFlight: 0 });
  });

  it('refuses acks 0 for a producer that waits for confirms', () => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [producer('p', { confirms: true }), kafka('k', { acks: '0' })],
      edges: [{ id: 'e', source: 'p', target: 'k' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toEqual([expect.objectContaining({ path: 'edges[0].target (edge "e")', message: expect.stringContaining('acks 0') })]);
  });

  it('acks all is the default', () => {
    expect(build([kafka('k')], []).nodes[0]!.config).toMatchObject({ acks: 'all', idempotence: true, partitions: 3, cleanupPolicy: 'delete', retentionMs: 604_800_000 });
  });
});

describe('K-5 idempotent producer', () => {
  // A lossy link both ways: a lost record is resent, and so is one whose confirm was lost.
  const lossy = (idempotence: boolean) =>
    build(
      [
        producer('p', { keys: ['a'], limit: 400, confirms: true, retryAfterMs: 50, maxRetries: 50 }),
        kafka('k', { idempotence, partitions: 1 }),
        consumer('c', { processingMs: fixed(1) }),
      ],
      [{ from: 'p', to: 'k', link: link(5, { loss: 0.2 }) }, { from: 'k', to: 'c' }],
    );

  it('drops a resent record already written and keeps the producer’s order', () => {
    const sim = run(lossy(true), 30_000);
    const k = topicStats(sim);
    expect(k.duplicatesDropped).toBeGreaterThan(20);
    expect(k.outOfSequence).toBeGreaterThan(20);
    expect(k.appended).toBe(400);
    expect(sim.ledger.totals()).toMatchObject({ delivered: 400, duplicates: 0, duplicatesSuppressed: k.duplicatesDropped, lost: 0, inFlight: 0 });
    expect(consumerStats(sim, 'c')).toMatchObject({ processed: 400, reorders: 0, keyReorders: 0 });
  });

  it('without it, every resend of a written record is written again and processed twice, and resends reorder', () => {
    const sim = run(lossy(false), 30_000);
    const k = topicStats(sim);
    expect(k.appended).toBeGreaterThan(420);
    expect(sim.ledger.totals()).toMatchObject({ delivered: 400, duplicates: k.appended - 400, lost: 0, inFlight: 0 });
    expect(consumerStats(sim, 'c').reorders).toBeGreaterThan(0);
  });

  it('a gap its producer gave up on is waited for only as long as the producer resends', () => {
    // The link is cut for 100 ms: the producer gives up on those records after 2 resends
    // (3 x 20 ms); what came after them waits that long, then goes in, in order.
    const t = build(
      [producer('p', { limit: 100, confirms: true, retryAfterMs: 20, maxRetries: 2 }), kafka('k', { partitions: 1 }), consumer('c', { processingMs: fixed(1) })],
      [{ from: 'p', to: 'k', link: link(5, { ordered: false }) }, { from: 'k', to: 'c' }],
      [{ atMs: 200, action: 'cut', edge: 'p-k', healAfterMs: 100 }],
    );
    const sim = run(t, 10_000);
    const lost = runReport(sim).ledger.lost.partition ?? 0;
    expect(lost).toBeGreaterThan(0);
    expect(sim.ledger.totals()).toMatchObject({ delivered: 100 - lost, inFlight: 0 });
    expect(consumerStats(sim, 'c').reorders).toBe(0);
  });
});

describe('K-6 retention and compaction', () => {
  it('deletes records older than retention.ms; a group joining later from the earliest offset gets only what is kept', () => {
    // 10 a second for 10 s, kept 2 s: a group opening at 10 s reads the last 20.
    const t = (offsetReset: string) =>
      build(
        [producer('p', { limit: 100, rate: { dist: 'constant', perSecond: 10 } }), kafka('k', { retentionMs: 2_000 }), consumer('c')],
        [{ from: 'p', to: 'k' }, { from: 'k', to: 'c', activeFromMs: 10_000, kafka: { offsetReset } }],
      );
    const earliest = run(t('earliest'), 10_500);
    expect(consumerStats(earliest, 'c').processed).toBe(20);
    expect(runReport(earliest).ledger.lost).toEqual({ retention: 80 });
    // Records go on ageing out after the group read them: by 10.5 s five more are deleted.
    expect(topicStats(earliest).deletedByRetention).toBe(85);
    const latest = run(t('latest'), 10_500);
    expect(consumerStats(latest, 'c').processed).toBe(0);
    expect(topicStats(latest).partitions.reduce((n, p) => n + p.records, 0)).toBe(15);
  });

  it('a group that reads too slowly loses what retention deletes first (lost:retention)', () => {
    const t = build(
      [producer('p', { limit: 200 }), kafka('k', { partitions: 1, retentionMs: 500 }), consumer('c', { processingMs: fixed(20), prefetch: 1 })],
      [{ from: 'p', to: 'k' }, { from: 'k', to: 'c', kafka: { commitIntervalMs: 0 } }],
    );
    const sim = run(t, 60_000);
    const lost = runReport(sim).ledger.lost.retention ?? 0;
    expect(lost).toBeGreaterThan(50);
    expect(sim.ledger.totals()).toMatchObject({ delivered: 200 - lost, inFlight: 0 });
    expect(consumerStats(sim, 'c').processed).toBe(200 - lost);
  });

  it('deletes the oldest records while a partition holds more than retention.bytes', () => {
    const sim = run(build([producer('p', { limit: 50, sizeBytes: 100 }), kafka('k', { partitions: 1, retentionBytes: 1_000 })], [{ from: 'p', to: 'k' }]), 5_000);
    expect(topicStats(sim).partitions).toEqual([{ startOffset: 40, endOffset: 50, records: 10, bytes: 1_000 }]);
    expect(runReport(sim).ledger.lost).toEqual({ retention: 40 });
  });

  it('compaction keeps the last record per key: a group reading later sees only those', () => {
    const t = build(
      [producer('p', { keys: ['a', 'b', 'c'], limit: 30 }), kafka('k', { partitions: 1, cleanupPolicy: 'compact', retentionMs: 100 }), holder('late')],
      [{ from: 'p', to: 'k' }, { from: 'k', to: 'late', activeFromMs: 5_000, kafka: { offsetReset: 'earliest' } }],
    );
    const sim = run(t, 6_000);
    expect(seqsAt(sim, 'late')).toEqual([27, 28, 29]);
    expect(topicStats(sim)).toMatchObject({ compacted: 27, deletedByRetention: 0 });
    expect(runReport(sim).ledger.lost).toEqual({ compacted: 27 });
  });

  it('a compacted topic refuses a record without a key', () => {
    const sim = run(build([producer('p', { limit: 5 }), kafka('k', { cleanupPolicy: 'compact' })], [{ from: 'p', to: 'k' }]), 1_000);
    expect(topicStats(sim).refused).toBe(5);
    expect(producerStats(sim).refused).toBe(5);
    expect(sim.ledger.rejected).toBe(5);
  });
});

describe('kafka topic: conservation and determinism over random settings and faults', () => {
  it('every copy ends in one fate or is in flight, at every checkpoint; once retention has deleted all, in none; a replay is identical', () => {
    const settings = fc.record({
      seed: fc.integer({ min: 0, max: 1_000 }),
      partitions: fc.integer({ min: 1, max: 4 }),
      acks: fc.constantFrom('1', 'all'),
      idempotence: fc.boolean(),
      cleanupPolicy: fc.constantFrom('delete', 'compact', 'compact,delete'),
      retentionMs: fc.integer({ min: 50, max: 3_000 }),
      retentionBytes: fc.option(fc.integer({ min: 256, max: 5_000 }), { nil: undefined }),
      replicationLagMs: fc.integer({ min: 0, max: 30 }),
      loss: fc.constantFrom(0, 0.1),
      retry: fc.boolean(),
      keyed: fc.boolean(),
      members: fc.array(
        fc.record({
          group: fc.constantFrom('g1', 'g2'),
          commit: fc.constantFrom('after-processing', 'before-processing'),
          commitIntervalMs: fc.constantFrom(0, 100, 1_000),
          offsetReset: fc.constantFrom('latest', 'earliest'),
          opensAt: fc.constantFrom(0, 0, 700),
          ack: fc.constantFrom('auto', 'after-processing'),
          failureProbability: fc.constantFrom(0, 0.1),
          onFailure: fc.constantFrom('requeue', 'reject', 'crash'),
          prefetch: fc.integer({ min: 1, max: 4 }),
        }),
        { minLength: 0, maxLength: 4 },
      ),
      crashes: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 2_000 }), target: fc.nat(), restartAfterMs: fc.integer({ min: 0, max: 800 }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(settings, (v) => {
        const ids = v.members.map((_, i) => `c${i}`);
        const nodes = [
          producer('p', { limit: 150, keys: v.keyed || v.cleanupPolicy !== 'delete' ? ['a', 'b', 'c', 'd'] : [], ...(v.retry ? { confirms: true, retryAfterMs: 40, maxRetries: 3 } : {}) }),
          kafka('k', { partitions: v.partitions, acks: v.acks, idempotence: v.idempotence, cleanupPolicy: v.cleanupPolicy, retentionMs: v.retentionMs, retentionBytes: v.retentionBytes, replicationLagMs: v.replicationLagMs }),
          ...v.members.map((m, i) =>
            consumer(ids[i]!, { processingMs: fixed(3), prefetch: m.prefetch, ack: m.ack, failureProbability: m.failureProbability, onFailure: m.onFailure, crashRestartMs: 200 }),
          ),
        ];
        const crashable = ['k', ...ids];
        const t = build(
          nodes,
          [
            { from: 'p', to: 'k', link: link(2, { loss: v.loss }) },
            ...v.members.map((m, i) => ({
              from: 'k',
              to: ids[i]!,
              link: link(1, { loss: v.loss }),
              activeFromMs: m.opensAt,
              kafka: { group: m.group, commit: m.commit, commitIntervalMs: m.commitIntervalMs, offsetReset: m.offsetReset },
            })),
          ],
          v.crashes.map((f) => ({ atMs: f.atMs, action: 'crash', node: crashable[f.target % crashable.length]!, restartAfterMs: f.restartAfterMs })),
          v.seed,
        );
        const sim = new Simulation(t);
        for (const until of [500, 1_000, 2_000, 5_000, 20_000]) {
          sim.runUntil(until, 200_000);
          conserved(sim);
        }
        // By then retention deleted every record (unless only compacted): each copy has its fate.
        if (v.cleanupPolicy !== 'compact') expect(sim.ledger.inFlight).toBe(0);
        const replay = new Simulation(structuredClone(t));
        replay.runUntil(20_000, 200_000);
        expect(runReport(replay)).toEqual(runReport(sim));
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
