import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { ConsumerStats, TopicStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

/** SNS rules of SEMANTICS.md §8, each on the smallest topology that shows it. */

type Edge = [source: string, target: string, filterPolicy?: object];

function build(nodes: object[], edges: Edge[]): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    nodes,
    edges: edges.map(([source, target, filterPolicy], i) => ({
      id: `e${i}`,
      source,
      target,
      link: { latencyMs: { dist: 'fixed', value: 1 } },
      ...(filterPolicy ? { filterPolicy } : {}),
    })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

/** 30 messages, keys eu, us, ap in turn (10 each), headers region = key and seq = 0..29. */
const producer = {
  id: 'p',
  kind: 'producer',
  config: { keys: ['eu', 'us', 'ap'], limit: 30, rate: { dist: 'constant', perSecond: 100 }, headers: { region: '{key}', seq: '{seq}' } },
};
const consumer = (id: string) => ({ id, kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 }, prefetch: 0 } });

function run(t: Topology): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(10_000);
  return sim;
}

const stats = <T>(sim: Simulation, id: string): T => sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
const processed = (sim: Simulation, id: string): number => stats<ConsumerStats>(sim, id).processed;

describe('SNS-1 fan-out / SNS-2 filter policies', () => {
  it('each subscriber gets a copy only of what its policy matches; no policy gets everything', () => {
    const sim = run(
      build(
        [producer, { id: 't', kind: 'topic' }, consumer('all'), consumer('eu'), consumer('not-us'), consumer('late-seq'), consumer('eu-or-late')],
        [
          ['p', 't'],
          ['t', 'all'],
          ['t', 'eu', { region: ['eu'] }],
          ['t', 'not-us', { region: [{ 'anything-but': ['us'] }] }],
          ['t', 'late-seq', { seq: [{ numeric: ['>=', 20] }] }],
          // AND across keys, OR within one: (eu or ap) and seq < 15 -> eu 0,3,..,12 and ap 2,5,..,14.
          ['t', 'eu-or-late', { region: ['eu', { prefix: 'a' }], seq: [{ numeric: ['<', 15] }] }],
        ],
      ),
    );
    expect(processed(sim, 'all')).toBe(30);
    expect(processed(sim, 'eu')).toBe(10);
    expect(processed(sim, 'not-us')).toBe(20);
    expect(processed(sim, 'late-seq')).toBe(10);
    expect(processed(sim, 'eu-or-late')).toBe(10);
    // 5 subscribers x 30 messages = 150 chances; 80 copies sent, 70 kept back by policies.
    expect(stats<TopicStats>(sim, 't')).toEqual({ kind: 'topic', received: 30, copiesOut: 80, denied: 0, filtered: 70, kept: 0, missed: 0, overflowed: 0 });
    expect(sim.ledger.created).toBe(80);
    expect(sim.ledger.delivered).toBe(80);
    expect(runReport(sim).ledger.lost).toEqual({});
  });

  it('a message no subscriber policy matches is lost:unroutable; a missing header matches only exists: false', () => {
    const sim = run(
      build(
        [producer, { id: 't', kind: 'topic' }, consumer('eu'), consumer('us'), consumer('no-tenant')],
        [
          ['p', 't'],
          ['t', 'eu', { region: ['eu'] }],
          ['t', 'us', { region: ['us'], tenant: [{ exists: false }] }],
          ['t', 'no-tenant', { tenant: ['acme'] }],
        ],
      ),
    );
    expect(processed(sim, 'eu')).toBe(10);
    expect(processed(sim, 'us')).toBe(10);
    expect(processed(sim, 'no-tenant')).toBe(0);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 10 });
    expect(stats<TopicStats>(sim, 't')).toMatchObject({ received: 30, copiesOut: 20, filtered: 70 });
  });

  it('a filter policy belongs on a link from a topic', () => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [{ id: 'p', kind: 'producer' }, { id: 'q', kind: 'queue' }],
      edges: [{ id: 'e', source: 'p', target: 'q', filterPolicy: { region: ['eu'] } }],
    });
    expect(!result.ok && result.error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'edges[0].filterPolicy (edge "e"): a filter policy belongs on a link from a topic, not from a producer',
    ]);
  });

  it('a malformed policy is refused with its path', () => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [{ id: 't', kind: 'topic' }, { id: 'q', kind: 'queue' }],
      edges: [{ id: 'e', source: 't', target: 'q', filterPolicy: { price: [{ numeric: ['~', 5] }] } }],
    });
    expect(!result.ok && result.error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'edges[0].filterPolicy.price[0].numeric[0] (edge "e"): unknown numeric operator "~": use = > >= < <=',
    ]);
  });
});

describe('EIP Durable Subscriber (SEMANTICS §4, §5)', () => {
  /** 30 messages, one every 100 ms from 0 to 2900 ms; both subscribers are down from 1050 to 2050 ms (sends 1100..2000: 10). */
  const topology = (durableSubscription: object | undefined, extra: { activeFromMs?: number; persistent?: boolean; topicCrash?: boolean } = {}) => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [
        { id: 'p', kind: 'producer', config: { limit: 30, rate: { dist: 'constant', perSecond: 10 }, persistent: extra.persistent ?? false } },
        { id: 't', kind: 'topic' },
        consumer('durable'),
        consumer('plain'),
      ],
      edges: [
        { id: 'p-t', source: 'p', target: 't', link: { latencyMs: { dist: 'fixed', value: 1 } } },
        {
          id: 't-durable',
          source: 't',
          target: 'durable',
          link: { latencyMs: { dist: 'fixed', value: 1 } },
          ...(durableSubscription ? { durableSubscription } : {}),
          ...(extra.activeFromMs === undefined ? {} : { activeFromMs: extra.activeFromMs }),
        },
        { id: 't-plain', source: 't', target: 'plain', link: { latencyMs: { dist: 'fixed', value: 1 } } },
      ],
      faults: [
        { atMs: 1_050, action: 'crash', node: 'durable', restartAfterMs: 1_000 },
        { atMs: 1_050, action: 'crash', node: 'plain', restartAfterMs: 1_000 },
        ...(extra.topicCrash ? [{ atMs: 1_500, action: 'crash', node: 't', restartAfterMs: 100 }] : []),
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.topology;
  };

  it('a durable subscriber gets, in order, what was published while it was down; a non-durable one misses it (lost:subscriber-offline)', () => {
    const sim = new Simulation(topology({}));
    sim.runUntil(2_049);
    expect(stats<TopicStats>(sim, 't')).toMatchObject({ kept: 10, missed: 10 });
    expect(sim.heldMessages('t', 100)!.messages.map((m) => [m.seq, m.state, m.consumer])).toEqual(
      Array.from({ length: 10 }, (_, i) => [11 + i, 'queued', 'durable']),
    );
    sim.runUntil(10_000);
    expect(processed(sim, 'durable')).toBe(30);
    expect(stats<ConsumerStats>(sim, 'durable').reorders).toBe(0);
    expect(processed(sim, 'plain')).toBe(20);
    expect(runReport(sim).ledger.lost).toEqual({ 'subscriber-offline': 10 });
    expect(stats<TopicStats>(sim, 't')).toEqual({ kind: 'topic', received: 30, copiesOut: 50, denied: 0, filtered: 0, kept: 0, missed: 10, overflowed: 0 });
  });

  it('without a durable subscription both subscribers miss the 10', () => {
    const sim = run(topology(undefined));
    expect(processed(sim, 'durable')).toBe(20);
    expect(processed(sim, 'plain')).toBe(20);
    expect(runReport(sim).ledger.lost).toEqual({ 'subscriber-offline': 20 });
  });

  it('maxQueued bounds what is kept: past it the oldest is dropped (lost:overflow)', () => {
    const sim = run(topology({ maxQueued: 4 }));
    // The 4 newest of the 10 (sent at 1700..2000 ms) are kept and delivered after the restart.
    expect(processed(sim, 'durable')).toBe(24);
    expect(stats<TopicStats>(sim, 't')).toMatchObject({ overflowed: 6, missed: 10, kept: 0 });
    expect(runReport(sim).ledger.lost).toEqual({ overflow: 6, 'subscriber-offline': 10 });
  });

  it('a late durable subscriber still misses what came before its link opened', () => {
    // Subscribed at 1000 ms (sends from 1000 on: 20), down 1050..2050: the 10 of that time are kept.
    const sim = run(topology({}, { activeFromMs: 1_000 }));
    expect(processed(sim, 'durable')).toBe(20);
    expect(runReport(sim).ledger.lost).toEqual({ 'subscriber-offline': 10 });
  });

  it('a topic crash loses the transient copies it kept (lost:crash); persistent ones stay kept', () => {
    // At 1500 ms the topic holds 4 kept copies (1100..1400); it is down until 1600 (the send at 1500 is lost:crash, twice over: 1 message).
    const transient = run(topology({}, { topicCrash: true }));
    expect(processed(transient, 'durable')).toBe(30 - 4 - 1);
    expect(runReport(transient).ledger.lost).toEqual({ crash: 5, 'subscriber-offline': 9 });
    const persistent = run(topology({}, { topicCrash: true, persistent: true }));
    expect(processed(persistent, 'durable')).toBe(30 - 1);
    expect(runReport(persistent).ledger.lost).toEqual({ crash: 1, 'subscriber-offline': 9 });
  });

  it('a durable subscription belongs on a link from a topic to a subscriber that is not a queue', () => {
    const load = (source: string, target: string) =>
      loadTopology({
        format: 'msgflow/1',
        nodes: [{ id: 'p', kind: 'producer' }, { id: 't', kind: 'topic' }, { id: 'q', kind: 'queue' }, consumer('c')],
        edges: [{ id: 'e', source, target, durableSubscription: { maxQueued: 10 } }],
      });
    const messages = (r: ReturnType<typeof load>) => (r.ok ? [] : r.error.issues.map((i) => `${i.path}: ${i.message}`));
    expect(load('t', 'c').ok).toBe(true);
    expect(messages(load('p', 'c'))).toEqual(['edges[0].durableSubscription (edge "e"): a durable subscription belongs on a link from a topic, not from a producer']);
    expect(messages(load('t', 'q'))).toEqual([
      'edges[0].durableSubscription (edge "e"): a queue subscribed to a topic keeps its messages by itself: a durable subscription is for other subscribers',
    ]);
    expect(messages(loadTopology({ format: 'msgflow/1', nodes: [{ id: 't', kind: 'topic' }, consumer('c')], edges: [{ id: 'e', source: 't', target: 'c', durableSubscription: { maxQueued: 0 } }] }))).toEqual([
      'edges[0].durableSubscription.maxQueued (edge "e"): Too small: expected number to be >=1',
    ]);
  });
});
