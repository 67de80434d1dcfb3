import { describe, expect, it } from 'vitest';
import { loadTopology, type LinkConfig, type Topology } from '../model/index.ts';
import { createSession } from './session.ts';
import type { ConsumerStats, ExchangeStats, MqttBrokerStats, ProducerStats, QueueStats, ResequencerStats, RouterStats } from './session-types.ts';
import { Simulation } from './simulation.ts';

/** A topology through the real load pipeline (defaults filled in), edges named e0, e1, ... */
function topology(nodes: object[], edges: [string, string, object?][]): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 3,
    nodes,
    edges: edges.map(([source, target, link], i) => ({ id: `e${i}`, source, target, ...(link ? { link } : {}) })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

const fixed = (value: number) => ({ dist: 'fixed', value });
const constantRate = (perSecond: number) => ({ dist: 'constant', perSecond });

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}

/** The validated config of node `id` in `t` with `patch` over it, as the store would send it. */
function configWith(t: Topology, id: string, patch: object) {
  const nodes = t.nodes.map((n) => (n.id === id ? { ...n, config: { ...n.config, ...patch } } : n));
  const result = loadTopology({ ...t, nodes });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology.nodes.find((n) => n.id === id)!.config;
}

describe('Simulation.reconfigure: a node takes new settings from the current sim time on', () => {
  const pipe = () =>
    topology(
      [
        { id: 'p', kind: 'producer', config: { rate: constantRate(10) } },
        { id: 'c', kind: 'consumer', config: { processingMs: fixed(50) } },
      ],
      [['p', 'c']],
    );

  it('a producer sends at a new rate after its already scheduled send', () => {
    const t = pipe();
    const edited = new Simulation(t);
    const untouched = new Simulation(t);
    edited.runUntil(950);
    untouched.runUntil(950);
    // Sends at 0, 100, ..., 900: the same in both before the edit.
    expect(stats<ProducerStats>(edited, 'p').produced).toBe(10);
    expect(edited.reconfigure('p', configWith(t, 'p', { rate: constantRate(100) }))).toBeUndefined();
    edited.runUntil(1095);
    untouched.runUntil(1095);
    // The send due at 1000 keeps its time; then every 10 ms: 1000, 1010, ..., 1090.
    expect(stats<ProducerStats>(edited, 'p').produced).toBe(20);
    expect(stats<ProducerStats>(untouched, 'p').produced).toBe(11);
  });

  it('a producer that reached its limit resumes when the limit is raised', () => {
    const t = topology([{ id: 'p', kind: 'producer', config: { rate: constantRate(10), limit: 3 } }, { id: 'c', kind: 'consumer' }], [['p', 'c']]);
    const sim = new Simulation(t);
    sim.runUntil(1_000);
    expect(stats<ProducerStats>(sim, 'p').produced).toBe(3);
    expect(sim.reconfigure('p', configWith(t, 'p', { limit: 5 }))).toBeUndefined();
    sim.runUntil(1_150);
    expect(stats<ProducerStats>(sim, 'p').produced).toBe(4); // at 1100
    sim.runUntil(5_000);
    expect(stats<ProducerStats>(sim, 'p').produced).toBe(5);
  });

  it('a producer given a limit below what it sent stops at once', () => {
    const t = pipe();
    const sim = new Simulation(t);
    sim.runUntil(450);
    expect(sim.reconfigure('p', configWith(t, 'p', { limit: 2 }))).toBeUndefined();
    sim.runUntil(2_000);
    expect(stats<ProducerStats>(sim, 'p').produced).toBe(5);
  });

  it('a consumer processes with the new time from the next message it starts', () => {
    const t = pipe();
    const sim = new Simulation(t);
    sim.runUntil(220);
    expect(stats<ConsumerStats>(sim, 'c').processed).toBe(2); // done at 55, 155
    expect(sim.reconfigure('c', configWith(t, 'c', { processingMs: fixed(1_000) }))).toBeUndefined();
    // The message begun at 205 keeps its 50 ms; the one arriving at 305 takes 1000 ms.
    sim.runUntil(1_300);
    expect(stats<ConsumerStats>(sim, 'c').processed).toBe(3);
    sim.runUntil(1_305);
    expect(stats<ConsumerStats>(sim, 'c').processed).toBe(4);
  });

  it('a higher prefetch and concurrency let the queue hand over more at once', () => {
    const t = topology(
      [
        { id: 'p', kind: 'producer', config: { rate: constantRate(1_000), limit: 5 } },
        { id: 'q', kind: 'queue', config: { outOfOrderProbability: 0, duplicateProbability: 0 } },
        { id: 'c', kind: 'consumer', config: { processingMs: fixed(10_000) } },
      ],
      [
        ['p', 'q'],
        ['q', 'c'],
      ],
    );
    const sim = new Simulation(t);
    sim.runUntil(100);
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(1);
    expect(sim.reconfigure('c', configWith(t, 'c', { concurrency: 3, prefetch: 3 }))).toBeUndefined();
    sim.runUntil(104);
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(1); // the link's 5 ms
    sim.runUntil(105);
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(3);
    expect(stats<ConsumerStats>(sim, 'c').busy).toBe(3);
  });

  it('a queue given a length limit with drop-head trims its head now', () => {
    const t = topology([{ id: 'p', kind: 'producer', config: { rate: constantRate(10) } }, { id: 'q', kind: 'queue' }], [['p', 'q']]);
    const sim = new Simulation(t);
    sim.runUntil(550);
    expect(stats<QueueStats>(sim, 'q').depth).toBe(6);
    expect(sim.reconfigure('q', configWith(t, 'q', { maxLength: 3, overflow: 'drop-head' }))).toBeUndefined();
    expect(stats<QueueStats>(sim, 'q').depth).toBe(3);
    expect(sim.ledger.deadLetteredTotal + sim.ledger.lostTotal).toBe(3);
  });

  it('names the setting that cannot apply mid-run, and changes nothing', () => {
    const t = pipe();
    const sim = new Simulation(t);
    sim.runUntil(220);
    expect(sim.reconfigure('c', configWith(t, 'c', { ack: 'auto', processingMs: fixed(1_000) }))).toBe('ack');
    sim.runUntil(400);
    expect(stats<ConsumerStats>(sim, 'c').processed).toBe(4); // still 50 ms each
  });

  it('names the first changed setting of a kind with no live settings', () => {
    const t = topology([{ id: 'p', kind: 'producer' }, { id: 'a', kind: 'aggregator' }, { id: 'c', kind: 'consumer' }], [['p', 'a'], ['a', 'c']]);
    const sim = new Simulation(t);
    expect(sim.reconfigure('a', configWith(t, 'a', {}))).toBeUndefined();
    expect(sim.reconfigure('a', configWith(t, 'a', { completionTimeoutMs: 1 }))).toBe('completionTimeoutMs');
  });
});

describe('Simulation.relink: a link takes new settings for traversals from now on', () => {
  const link = (t: Topology): LinkConfig => t.edges[0]!.link;

  it('what is on the link keeps its latency; what is sent after takes the new one', () => {
    const t = topology(
      [
        { id: 'p', kind: 'producer', config: { rate: constantRate(10) } },
        { id: 'c', kind: 'consumer', config: { processingMs: fixed(1) } },
      ],
      [['p', 'c', { latencyMs: fixed(5) }]],
    );
    const sim = new Simulation(t);
    sim.runUntil(450);
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(5);
    expect(sim.relink('e0', { ...link(t), latencyMs: { dist: 'fixed', value: 500 } })).toBeUndefined();
    sim.runUntil(999);
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(5);
    sim.runUntil(1_000); // sent at 500
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(6);
  });

  it('loss raised to 1 loses every later send', () => {
    const t = topology([{ id: 'p', kind: 'producer', config: { rate: constantRate(10) } }, { id: 'c', kind: 'consumer', config: { processingMs: fixed(1) } }], [['p', 'c']]);
    const sim = new Simulation(t);
    sim.runUntil(450);
    expect(sim.relink('e0', { ...link(t), loss: 1 })).toBeUndefined();
    sim.runUntil(2_000);
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(5);
    expect(sim.ledger.lostTotal).toBe(15); // sent at 500 .. 1900 (the one at 2000 is still on the link)
  });

  it('refuses to change ordering mid-run', () => {
    const t = topology([{ id: 'p', kind: 'producer' }, { id: 'c', kind: 'consumer' }], [['p', 'c']]);
    expect(new Simulation(t).relink('e0', { ...link(t), ordered: !link(t).ordered })).toBe('ordered');
  });
});

describe('session: a live edit applies to the run and to every later run of it', () => {
  it('a reset after a live rate change starts with the new rate', () => {
    const t = topology([{ id: 'p', kind: 'producer', config: { rate: constantRate(10), limit: 1_000 } }, { id: 'c', kind: 'consumer', config: { processingMs: fixed(1) } }], [['p', 'c']]);
    const session = createSession({ now: () => 0, setTimer: () => 0, clearTimer: () => {} });
    session.load(t);
    expect(session.reconfigure('p', configWith(t, 'p', { rate: constantRate(100) }))).toBeNull();
    session.reset();
    // Step to just past 100 ms of sim time: 100/s has sent 11 (at 0, 10, ..., 100).
    let frame = session.step();
    while (frame.simTimeMs <= 100) frame = session.step();
    const produced = (frame.nodeStats?.[0] as ProducerStats).produced;
    expect(produced).toBe(11);
  });
});

describe('Simulation.reconfigure: routers route from the edit on', () => {
  /** p (10/s, sends at 0, 100, ...) -> router `r` -> c1, c2; every link 5 ms, so `r` sees them at 5, 105, .... */
  const routed = (router: object, c1: object = {}, outputs = 2) =>
    topology(
      [
        { id: 'p', kind: 'producer', config: { rate: constantRate(10) } },
        { id: 'r', ...router },
        { id: 'c1', kind: 'consumer', config: { processingMs: fixed(1), ...c1 } },
        { id: 'c2', kind: 'consumer', config: { processingMs: fixed(1) } },
      ],
      (
        [
          ['p', 'r'],
          ['r', 'c1'],
          ['r', 'c2'],
        ] as [string, string][]
      ).slice(0, 1 + outputs),
    );
  const received = (sim: Simulation, id: string) => stats<ConsumerStats>(sim, id).received;

  /** Runs to 450 ms, applies `patch` to `r`, runs to 1000 ms; returns the edited run and one left alone. */
  function editAt450(t: Topology, patch: object): { edited: Simulation; untouched: Simulation } {
    const edited = new Simulation(t);
    const untouched = new Simulation(t);
    edited.runUntil(450);
    untouched.runUntil(450);
    expect(edited.reconfigure('r', configWith(t, 'r', patch))).toBeUndefined();
    edited.runUntil(1_000);
    untouched.runUntil(1_000);
    return { edited, untouched };
  }

  it('a content router sends by its new default from the next message (and not the earlier ones)', () => {
    const t = routed({ kind: 'content-router', config: { rules: [], defaultTo: 'c1' } });
    const { edited, untouched } = editAt450(t, { defaultTo: 'c2' });
    // At r: 5 .. 405 to c1; 505 .. 905 to c2.
    expect([received(edited, 'c1'), received(edited, 'c2')]).toEqual([5, 5]);
    expect([received(untouched, 'c1'), received(untouched, 'c2')]).toEqual([10, 0]);
  });

  it('a content router takes new rules, looking their outputs up by target id', () => {
    const t = routed({ kind: 'content-router', config: { rules: [{ when: { key: 'k' }, to: 'c1' }] } });
    const keyed = { ...t, nodes: t.nodes.map((n) => (n.id === 'p' ? { ...n, config: { ...n.config, keys: ['k'] } } : n)) } as Topology;
    const { edited } = editAt450(keyed, { rules: [{ when: { key: 'k' }, to: 'c2' }] });
    expect([received(edited, 'c1'), received(edited, 'c2')]).toEqual([5, 5]);
  });

  it('a message filter judges by its new condition from the next message', () => {
    const t = routed({ kind: 'message-filter', config: {} }, {}, 1);
    const { edited, untouched } = editAt450(t, { accept: { key: 'none-has-this' } });
    expect(received(edited, 'c1')).toBe(5);
    expect(stats<RouterStats>(edited, 'r').dropped).toBe(5);
    expect(received(untouched, 'c1')).toBe(10);
  });

  it('a recipient list copies to its new list from the next message', () => {
    const t = routed({ kind: 'recipient-list', config: { recipients: ['c1'] } });
    const { edited, untouched } = editAt450(t, { recipients: ['c1', 'c2'] });
    expect([received(edited, 'c1'), received(edited, 'c2')]).toEqual([10, 5]);
    expect([received(untouched, 'c1'), received(untouched, 'c2')]).toEqual([10, 0]);
  });

  it('a wire tap given a tap copies from the next message', () => {
    const t = routed({ kind: 'wire-tap', config: {} });
    const { edited, untouched } = editAt450(t, { tapTo: 'c2' });
    expect([received(edited, 'c1'), received(edited, 'c2')]).toEqual([10, 5]);
    expect(stats<RouterStats<'wire-tap'>>(edited, 'r')).toMatchObject({ tapped: 5 });
    expect([received(untouched, 'c1'), received(untouched, 'c2')]).toEqual([10, 0]);
  });

  it('a wire tap moved to the main output makes the other output the main one', () => {
    const t = routed({ kind: 'wire-tap', config: { tapTo: 'c2' } });
    const { edited } = editAt450(t, { tapTo: 'c1' });
    // Before: main c1, tap c2 (5 each); after: main c2, tap c1 (5 each).
    expect([received(edited, 'c1'), received(edited, 'c2')]).toEqual([10, 10]);
  });

  it('a load balancer picks by its new strategy from the next message', () => {
    // c1 takes 10 s a message, so from its first on it has more waiting than c2.
    const t = routed({ kind: 'load-balancer', config: { strategy: 'round-robin' } }, { processingMs: fixed(10_000) });
    const { edited, untouched } = editAt450(t, { strategy: 'least-loaded' });
    // Round-robin to 450: c1, c2, c1, c2, c1; least-loaded after: all five to c2.
    expect([received(edited, 'c1'), received(edited, 'c2')]).toEqual([3, 7]);
    expect([received(untouched, 'c1'), received(untouched, 'c2')]).toEqual([5, 5]);
  });
});

describe('Simulation.reconfigure: a resequencer', () => {
  /**
   * p (10/s) with keys cycling through `keys`; a filter passes key `a` only, so the
   * resequencer sees gaps in the producer's sequence. Links 5 ms: seq n reaches it at 100n + 10.
   */
  const gappy = (keys: string[], reseq: object) =>
    topology(
      [
        { id: 'p', kind: 'producer', config: { rate: constantRate(10), keys } },
        { id: 'f', kind: 'message-filter', config: { accept: { key: 'a' } } },
        { id: 'r', kind: 'resequencer', config: reseq },
        { id: 'c', kind: 'consumer', config: { processingMs: fixed(1) } },
      ],
      [
        ['p', 'f'],
        ['f', 'r'],
        ['r', 'c'],
      ],
    );
  const rs = (sim: Simulation) => stats<ResequencerStats>(sim, 'r');

  it('a smaller buffer lets the lowest go at once, gap by gap, and holds to it after', () => {
    const t = gappy(['a', 'b'], { gapTimeoutMs: 100_000, bufferSize: 100 });
    const edited = new Simulation(t);
    const untouched = new Simulation(t);
    edited.runUntil(950);
    untouched.runUntil(950);
    // Seqs 0, 2, 4, 6, 8 arrived: 0 went, the rest wait for 1.
    expect(rs(edited)).toMatchObject({ out: 1, held: 4, skipped: 0 });
    expect(edited.reconfigure('r', configWith(t, 'r', { bufferSize: 2 }))).toBeUndefined();
    // Now: 2, 4, 6 go (skipping 1, 3, 5), 8 waits.
    expect(rs(edited)).toMatchObject({ out: 4, held: 1, skipped: 3 });
    edited.runUntil(1_015);
    untouched.runUntil(1_015);
    // Seq 10 at 1010 fills the buffer of 2: 8 goes.
    expect(rs(edited)).toMatchObject({ out: 5, held: 1, skipped: 4 });
    expect(rs(untouched)).toMatchObject({ out: 1, held: 5, skipped: 0 });
  });

  it('a new gap timeout applies to waits begun after the edit; the one under way keeps its deadline', () => {
    // Seqs 0, 3, 6, 9, 12 reach it at 10, 310, 610, 910, 1210; the wait for 1 begins at 310.
    const t = gappy(['a', 'b', 'b'], { gapTimeoutMs: 950, bufferSize: 100 });
    const edited = new Simulation(t);
    const untouched = new Simulation(t);
    edited.runUntil(350);
    untouched.runUntil(350);
    expect(edited.reconfigure('r', configWith(t, 'r', { gapTimeoutMs: 100 }))).toBeUndefined();
    edited.runUntil(1_259);
    expect(rs(edited).out).toBe(1);
    edited.runUntil(1_260); // 310 + 950: 3 goes, the wait for 4 begins
    expect(rs(edited).out).toBe(2);
    edited.runUntil(1_359);
    expect(rs(edited).out).toBe(2);
    edited.runUntil(1_360); // 1260 + 100: 6 goes
    expect(rs(edited)).toMatchObject({ out: 3, skipped: 4 });
    untouched.runUntil(1_360);
    expect(rs(untouched)).toMatchObject({ out: 2, skipped: 2 });
  });

  it('needs a reset to change what a sequence is', () => {
    const t = gappy(['a'], {});
    expect(new Simulation(t).reconfigure('r', configWith(t, 'r', { sequence: 'key', gapTimeoutMs: 5 }))).toBe('sequence');
  });
});

describe('Simulation.reconfigure: an exchange', () => {
  /** p (10/s, key `x`) -> direct exchange `ex` -> q1 with no binding key, so nothing matches; fanout `ae` -> q2. */
  const unmatched = () =>
    topology(
      [
        { id: 'p', kind: 'producer', config: { rate: constantRate(10), keys: ['x'] } },
        { id: 'ex', kind: 'exchange', config: { type: 'direct' } },
        { id: 'ae', kind: 'exchange', config: { type: 'fanout' } },
        { id: 'q1', kind: 'queue' },
        { id: 'q2', kind: 'queue' },
      ],
      [
        ['p', 'ex'],
        ['ex', 'q1'],
        ['ae', 'q2'],
      ],
    );

  it('takes what no binding matches to a new alternate exchange from the next message on', () => {
    const t = unmatched();
    const edited = new Simulation(t);
    const untouched = new Simulation(t);
    edited.runUntil(450);
    untouched.runUntil(450);
    expect(stats<ExchangeStats>(edited, 'ex')).toMatchObject({ received: 5, unroutable: 5, toAlternate: 0 });
    expect(edited.reconfigure('ex', configWith(t, 'ex', { alternateExchange: 'ae' }))).toBeUndefined();
    edited.runUntil(1_000);
    untouched.runUntil(1_000);
    // At ex: 505 .. 905 go to ae, reaching q2 5 ms later.
    expect(stats<ExchangeStats>(edited, 'ex')).toMatchObject({ received: 10, unroutable: 5, toAlternate: 5 });
    expect(stats<QueueStats>(edited, 'q2').depth).toBe(5);
    expect(stats<QueueStats>(edited, 'q1').depth).toBe(0);
    expect(stats<ExchangeStats>(untouched, 'ex')).toMatchObject({ unroutable: 10, toAlternate: 0 });
    expect(stats<QueueStats>(untouched, 'q2').depth).toBe(0);
  });

  it('an alternate removed mid-run leaves the next message unroutable', () => {
    const t = topology(
      [
        { id: 'p', kind: 'producer', config: { rate: constantRate(10), keys: ['x'] } },
        { id: 'ex', kind: 'exchange', config: { type: 'direct', alternateExchange: 'ae' } },
        { id: 'ae', kind: 'exchange', config: { type: 'fanout' } },
        { id: 'q1', kind: 'queue' },
        { id: 'q2', kind: 'queue' },
      ],
      [
        ['p', 'ex'],
        ['ex', 'q1'],
        ['ae', 'q2'],
      ],
    );
    const sim = new Simulation(t);
    sim.runUntil(450);
    expect(sim.reconfigure('ex', configWith(t, 'ex', { alternateExchange: undefined }))).toBeUndefined();
    sim.runUntil(1_000);
    expect(stats<ExchangeStats>(sim, 'ex')).toMatchObject({ received: 10, unroutable: 5, toAlternate: 5 });
    expect(stats<QueueStats>(sim, 'q2').depth).toBe(5);
  });

  it('needs a reset to change its type or durability', () => {
    const t = unmatched();
    const sim = new Simulation(t);
    expect(sim.reconfigure('ex', configWith(t, 'ex', { type: 'fanout', alternateExchange: 'ae' }))).toBe('type');
    expect(sim.reconfigure('ex', configWith(t, 'ex', { durable: false }))).toBe('durable');
    sim.runUntil(450);
    expect(stats<ExchangeStats>(sim, 'ex')).toMatchObject({ unroutable: 5, toAlternate: 0 });
  });
});

describe('Simulation.reconfigure: an MQTT broker', () => {
  /**
   * p publishes QoS 1 on `sensors/t1` at 10/s (at b 5 ms later); c has a persistent session
   * and crashes at 950 for good, so from 1005 on the broker queues for it.
   */
  const offline = (broker: object) => {
    const result = loadTopology({
      format: 'msgflow/1',
      seed: 3,
      nodes: [
        { id: 'p', kind: 'producer', config: { rate: constantRate(10), keys: ['sensors/t1'], qos: 1 } },
        { id: 'b', kind: 'mqtt-broker', config: broker },
        { id: 'c', kind: 'consumer', config: { processingMs: fixed(1), prefetch: 0 } },
      ],
      edges: [
        { id: 'e0', source: 'p', target: 'b' },
        { id: 'e1', source: 'b', target: 'c', subscription: { filters: [{ filter: 'sensors/#', qos: 1 }], cleanSession: false } },
      ],
      faults: [{ atMs: 950, action: 'crash', node: 'c', restartAfterMs: 1_000_000 }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.topology;
  };

  it('a raised queue limit queues the next messages for an offline session; those dropped before stay dropped', () => {
    const t = offline({ maxQueuedMessages: 3 });
    const edited = new Simulation(t);
    const untouched = new Simulation(t);
    edited.runUntil(1_450);
    untouched.runUntil(1_450);
    // At b: 1005, 1105, 1205 queued; 1305, 1405 dropped.
    expect(stats<MqttBrokerStats>(edited, 'b')).toMatchObject({ queued: 3, dropped: 2 });
    expect(edited.reconfigure('b', configWith(t, 'b', { maxQueuedMessages: 6 }))).toBeUndefined();
    edited.runUntil(2_000);
    untouched.runUntil(2_000);
    // 1505, 1605, 1705 queued; 1805, 1905 dropped.
    expect(stats<MqttBrokerStats>(edited, 'b')).toMatchObject({ queued: 6, dropped: 4 });
    expect(stats<MqttBrokerStats>(untouched, 'b')).toMatchObject({ queued: 3, dropped: 7 });
  });

  it('a lowered queue limit keeps what is queued and queues nothing more', () => {
    const t = offline({ maxQueuedMessages: 10 });
    const sim = new Simulation(t);
    sim.runUntil(1_450);
    expect(stats<MqttBrokerStats>(sim, 'b')).toMatchObject({ queued: 5, dropped: 0 });
    expect(sim.reconfigure('b', configWith(t, 'b', { maxQueuedMessages: 2 }))).toBeUndefined();
    sim.runUntil(2_000);
    expect(stats<MqttBrokerStats>(sim, 'b')).toMatchObject({ queued: 5, dropped: 5 });
  });

  it('queueQos0 turned on queues QoS 0 publishes for an offline session from the next one', () => {
    const t = offline({ queueQos0: false });
    const qos0 = { ...t, nodes: t.nodes.map((n) => (n.id === 'p' ? { ...n, config: { ...n.config, qos: 0 } } : n)) } as Topology;
    const sim = new Simulation(qos0);
    sim.runUntil(1_450);
    expect(stats<MqttBrokerStats>(sim, 'b').queued).toBe(0);
    expect(sim.reconfigure('b', configWith(qos0, 'b', { queueQos0: true }))).toBeUndefined();
    sim.runUntil(2_000);
    expect(stats<MqttBrokerStats>(sim, 'b')).toMatchObject({ queued: 5, dropped: 0 }); // 1505 .. 1905
  });

  it('needs a reset to change its ACL', () => {
    const t = offline({});
    expect(new Simulation(t).reconfigure('b', configWith(t, 'b', { acl: { publishers: ['p'] } }))).toBe('acl');
  });
});
