import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { ConsumerStats, MqttBrokerStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

/** MQTT rules of SEMANTICS.md §7, each on the smallest topology that shows it. */

type Edge = { source: string; target: string; loss?: number; subscription?: object; activeFromMs?: number };

function build(nodes: object[], edges: Edge[], faults: object[] = []): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 3,
    nodes,
    edges: edges.map(({ source, target, loss = 0, subscription, activeFromMs }, i) => ({
      id: `e${i}`,
      source,
      target,
      link: { latencyMs: { dist: 'fixed', value: 5 }, loss },
      ...(subscription ? { subscription } : {}),
      ...(activeFromMs === undefined ? {} : { activeFromMs }),
    })),
    faults,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

const publisher = (id: string, config: object) => ({ id, kind: 'producer', config: { rate: { dist: 'constant', perSecond: 10 }, keys: ['sensors/t1'], ...config } });
const broker = (config: object = {}) => ({ id: 'b', kind: 'mqtt-broker', config });
const subscriber = (id: string) => ({ id, kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 }, prefetch: 0 } });
const sub = (filters: [string, number][], cleanSession = true) => ({ filters: filters.map(([filter, qos]) => ({ filter, qos })), cleanSession });

function run(t: Topology, untilMs: number): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}

describe('MQ-1 QoS over a link that loses 10% (SCENARIOS 8)', () => {
  const over = (qos: number, subscriptionQos = 2) =>
    run(
      build([publisher('p', { qos, limit: 2_000 }), broker(), subscriber('c')], [
        { source: 'p', target: 'b', loss: 0.1 },
        { source: 'b', target: 'c', subscription: sub([['sensors/#', subscriptionQos]]) },
      ]),
      400_000,
    );

  it('QoS 0 loses about 10% and never duplicates', () => {
    const r = runReport(over(0));
    const lost = r.ledger.lost['link-loss'] ?? 0;
    expect(lost).toBeGreaterThan(150);
    expect(lost).toBeLessThan(250);
    expect(r.ledger.delivered).toBe(2_000 - lost);
    expect(r.ledger.duplicates).toBe(0);
  });

  it('QoS 1 loses none and delivers some twice (a lost PUBACK)', () => {
    const r = runReport(over(1));
    expect(r.ledger.lost).toEqual({});
    expect(r.ledger.delivered).toBe(2_000);
    expect(r.ledger.duplicates).toBeGreaterThan(100);
  });

  it('QoS 2 loses none and delivers none twice: the receiver drops the resends it already has', () => {
    const r = runReport(over(2));
    expect(r.ledger.lost).toEqual({});
    expect(r.ledger.delivered).toBe(2_000);
    expect(r.ledger.duplicates).toBe(0);
    expect(r.ledger.duplicatesSuppressed).toBeGreaterThan(100);
  });

  it('MQ-2: a QoS 0 subscription downgrades a QoS 2 publish: loss on the broker-to-subscriber hop is final', () => {
    const sim = run(
      build([publisher('p', { qos: 2, limit: 2_000 }), broker(), subscriber('c')], [
        { source: 'p', target: 'b' },
        { source: 'b', target: 'c', loss: 0.1, subscription: sub([['sensors/#', 0]]) },
      ]),
      400_000,
    );
    const lost = runReport(sim).ledger.lost['link-loss'] ?? 0;
    expect(lost).toBeGreaterThan(150);
    expect(sim.ledger.duplicates).toBe(0);
  });
});

describe('MQ-1 / MQ-7 resends happen when they happen', () => {
  it('a resend does not hold up later publishes on an ordered link: latency stays low, and a resent message can arrive after later ones', () => {
    const sim = run(
      build([publisher('p', { qos: 1, limit: 500 }), broker(), subscriber('c')], [
        { source: 'p', target: 'b', loss: 0.2 },
        { source: 'b', target: 'c', subscription: sub([['sensors/#', 1]]) },
      ]),
      200_000,
    );
    const r = runReport(sim);
    expect(r.ledger.lost).toEqual({});
    // 5 ms per hop: the median message was not lost and takes about 10 ms end to end.
    expect(r.latencyMs.p50).toBeLessThan(20);
    expect(stats<ConsumerStats>(sim, 'c').reorders).toBeGreaterThan(10);
  });
});

describe('MQ-6 routing by topic filter', () => {
  it('each subscriber gets a matching publish once, at its highest matching QoS; # does not match $ topics', () => {
    const sim = run(
      build(
        [publisher('p', { keys: ['sport/tennis', 'sport', '$app/uptime'], limit: 3 }), broker(), subscriber('all'), subscriber('sport'), subscriber('app')],
        [
          { source: 'p', target: 'b' },
          { source: 'b', target: 'all', subscription: sub([['#', 0], ['sport/#', 1]]) },
          { source: 'b', target: 'sport', subscription: sub([['sport/+', 0]]) },
          { source: 'b', target: 'app', subscription: sub([['$app/#', 0]]) },
        ],
      ),
      10_000,
    );
    expect(stats<ConsumerStats>(sim, 'all').received).toBe(2);
    expect(stats<ConsumerStats>(sim, 'sport').received).toBe(1);
    expect(stats<ConsumerStats>(sim, 'app').received).toBe(1);
  });

  it('MQ-6 $SYS and $share topics are the broker\'s (Mosquitto): a client publish or a will there is denied', () => {
    const t = loadTopology({
      format: 'msgflow/1',
      nodes: [
        { id: 'p', kind: 'producer', config: { keys: ['$SYS/uptime', '$share/g/x', '$app/uptime'], limit: 3, keepAliveMs: 1_000, will: { topic: '$SYS/p/status' } } },
        broker(),
        subscriber('sys'),
        subscriber('app'),
      ],
      edges: [
        { id: 'up', source: 'p', target: 'b' },
        { id: 'to-sys', source: 'b', target: 'sys', subscription: sub([['$SYS/#', 0]]) },
        { id: 'to-app', source: 'b', target: 'app', subscription: sub([['$app/#', 0], ['$share/g/x', 0]]) },
      ],
      faults: [{ atMs: 5_000, action: 'cut', edge: 'up' }],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.error));
    const sim = run(t.topology, 20_000);
    expect(stats<ConsumerStats>(sim, 'sys').received).toBe(0);
    expect(stats<ConsumerStats>(sim, 'app').received).toBe(1);
    expect(stats<MqttBrokerStats>(sim, 'b')).toMatchObject({ wills: 1, denied: 3 });
    expect(runReport(sim).ledger.lost).toEqual({ denied: 3 });
  });
});

describe('MQ-2 the copy a subscriber gets carries the effective QoS', () => {
  it('each subscriber its own; the retained message keeps its publish QoS for a later subscriber', () => {
    const t = loadTopology({
      format: 'msgflow/1',
      nodes: [publisher('p', { qos: 2, retain: true, limit: 1 }), broker(), subscriber('q0'), subscriber('q1'), subscriber('late')],
      edges: [
        { id: 'up', source: 'p', target: 'b' },
        { id: 'to-q0', source: 'b', target: 'q0', subscription: sub([['sensors/#', 0]]) },
        { id: 'to-q1', source: 'b', target: 'q1', subscription: sub([['sensors/#', 1]]) },
        { id: 'to-late', source: 'b', target: 'late', activeFromMs: 1_000, subscription: sub([['sensors/#', 2]]) },
      ],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.error));
    const sim = new Simulation(t.topology);
    const seen: [string, number, boolean][] = [];
    sim.observer = {
      delivered: (consumer, msg) => seen.push([sim.topology.nodes[consumer]!.id, msg.qos, msg.retain]),
      returned: () => {},
    };
    sim.runUntil(5_000);
    expect(seen.sort()).toEqual([
      ['late', 2, true],
      ['q0', 0, false],
      ['q1', 1, false],
    ]);
  });
});

describe('MQ-3 retained messages', () => {
  it('a subscriber joining later gets the last retained message at once, with the retain flag; live forwards do not carry it', () => {
    const t = build([publisher('sensor', { retain: true, limit: 5, rate: { dist: 'constant', perSecond: 1 } }), broker(), subscriber('live')], [
      { source: 'sensor', target: 'b' },
      { source: 'b', target: 'live', subscription: sub([['sensors/#', 1]]) },
    ]);
    const withLate = loadTopology({
      ...t,
      nodes: [...t.nodes, { id: 'dashboard', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 60_000 } } }],
      edges: [...t.edges, { id: 'late', source: 'b', target: 'dashboard', activeFromMs: 30_000, subscription: sub([['sensors/t1', 1]]), link: { latencyMs: { dist: 'fixed', value: 5 } } }],
    });
    if (!withLate.ok) throw new Error(JSON.stringify(withLate.error));
    const sim = run(withLate.topology, 30_010);
    expect(stats<ConsumerStats>(sim, 'live').received).toBe(5);
    const dashboard = sim.heldMessages('dashboard', 10)!.messages;
    // Sent at 0..4 s: the last (seq 4) is the retained one.
    expect(dashboard.map((m) => [m.seq, m.state])).toEqual([[4, 'processing']]);
    expect(stats<MqttBrokerStats>(sim, 'b').retained).toBe(1);
  });
});

describe('MQ-4 sessions while the subscriber is offline 60 s (SCENARIOS 9)', () => {
  const offline = (cleanSession: boolean, config: object = {}) =>
    run(
      build(
        [publisher('p', { qos: 1, rate: { dist: 'constant', perSecond: 1 }, limit: 120 }), broker(config), subscriber('c')],
        [
          { source: 'p', target: 'b' },
          { source: 'b', target: 'c', subscription: sub([['sensors/#', 1]], cleanSession) },
        ],
        [{ atMs: 30_000, action: 'crash', node: 'c', restartAfterMs: 60_000 }],
      ),
      200_000,
    );

  it('a persistent session gets the QoS 1 messages it missed when it is back', () => {
    const sim = offline(false);
    expect(sim.ledger.delivered).toBe(120);
    expect(runReport(sim).ledger.lost).toEqual({});
  });

  it('a clean session gets none of them', () => {
    const sim = offline(true);
    expect(sim.ledger.delivered).toBe(60);
    // Nothing was routed to it while it was away: no copy, so nothing lost either.
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 60 });
  });

  it('beyond max queued messages the excess is dropped (Mosquitto max_queued_messages)', () => {
    const sim = offline(false, { maxQueuedMessages: 10 });
    expect(runReport(sim).ledger.lost).toEqual({ overflow: 50 });
    expect(stats<MqttBrokerStats>(sim, 'b').dropped).toBe(50);
  });
});

describe('MQ-9 message expiry (MQTT 5)', () => {
  it('a copy queued for an offline persistent session past its expiry is deleted (lost:expired), the rest is sent on reconnect', () => {
    // One a second from 0 to 119 s, expiring 20 s after it is sent; the subscriber is away from 30 s to 90 s.
    const sim = run(
      build(
        [publisher('p', { qos: 1, rate: { dist: 'constant', perSecond: 1 }, limit: 120, ttlMs: 20_000 }), broker(), subscriber('c')],
        [
          { source: 'p', target: 'b' },
          { source: 'b', target: 'c', subscription: sub([['sensors/#', 1]], false) },
        ],
        [{ atMs: 30_000, action: 'crash', node: 'c', restartAfterMs: 60_000 }],
      ),
      200_000,
    );
    // Of the 60 sent while it was away (30..89 s), those sent up to 70 s expired by 90 s: 41; 19 are delivered.
    expect(runReport(sim).ledger.lost).toEqual({ expired: 41 });
    expect(stats<MqttBrokerStats>(sim, 'b')).toMatchObject({ expired: 41, queued: 0 });
    expect(sim.ledger.delivered).toBe(30 + 19 + 30);
  });

  it('a retained message past its expiry is not sent to a new subscriber', () => {
    // One retained reading at 0 s, expiring after 3 s; one subscriber joins at 2 s, the other at 4 s.
    const t = loadTopology({
      format: 'msgflow/1',
      nodes: [publisher('sensor', { retain: true, limit: 1, ttlMs: 3_000 }), broker(), subscriber('early'), subscriber('late')],
      edges: [
        { id: 'up', source: 'sensor', target: 'b' },
        { id: 'to-early', source: 'b', target: 'early', activeFromMs: 2_000, subscription: sub([['sensors/#', 1]]) },
        { id: 'to-late', source: 'b', target: 'late', activeFromMs: 4_000, subscription: sub([['sensors/#', 1]]) },
      ],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.error));
    const sim = new Simulation(t.topology);
    sim.runUntil(3_500);
    expect(stats<ConsumerStats>(sim, 'early').processed).toBe(1);
    expect(stats<MqttBrokerStats>(sim, 'b').retained).toBe(1);
    sim.runUntil(10_000);
    expect(stats<ConsumerStats>(sim, 'late').processed).toBe(0);
    expect(stats<MqttBrokerStats>(sim, 'b').retained).toBe(0);
  });
});

describe('MQ-5 Last Will (SCENARIOS 23)', () => {
  it('a device whose link is cut has its retained will published 1.5 x keep-alive later; a late subscriber sees it', () => {
    const t = loadTopology({
      format: 'msgflow/1',
      nodes: [
        { id: 'device', kind: 'producer', config: { keys: ['devices/d1/status'], retain: true, limit: 1, keepAliveMs: 10_000, will: { topic: 'devices/d1/status', retain: true } } },
        broker(),
        { id: 'dashboard', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 60_000 } } },
      ],
      edges: [
        { id: 'up', source: 'device', target: 'b' },
        { id: 'down', source: 'b', target: 'dashboard', activeFromMs: 60_000, subscription: sub([['devices/+/status', 1]]) },
      ],
      faults: [{ atMs: 20_000, action: 'cut', edge: 'up' }],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.error));
    const sim = new Simulation(t.topology);
    sim.runUntil(34_999);
    expect(stats<MqttBrokerStats>(sim, 'b').wills).toBe(0);
    sim.runUntil(35_000);
    expect(stats<MqttBrokerStats>(sim, 'b').wills).toBe(1);
    sim.runUntil(60_010);
    // The dashboard sees the will (from the broker), not the device's "online".
    const seen = sim.heldMessages('dashboard', 5)!.messages;
    expect(seen.map((m) => [m.producer, m.state])).toEqual([['b', 'processing']]);
  });

  it('a client back before the broker gives up on it leaves no will', () => {
    const t = loadTopology({
      format: 'msgflow/1',
      nodes: [{ id: 'device', kind: 'producer', config: { keys: ['s'], limit: 1, keepAliveMs: 10_000, will: { topic: 's' } } }, broker()],
      edges: [{ id: 'up', source: 'device', target: 'b' }],
      faults: [{ atMs: 20_000, action: 'crash', node: 'device', restartAfterMs: 10_000 }],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.error));
    const sim = run(t.topology, 100_000);
    expect(stats<MqttBrokerStats>(sim, 'b').wills).toBe(0);
  });
});

describe('MQ-8 shared subscriptions', () => {
  it('each message goes to one member of the group; a plain subscriber still gets every one', () => {
    const sim = run(
      build([publisher('p', { limit: 10 }), broker(), subscriber('w1'), subscriber('w2'), subscriber('audit')], [
        { source: 'p', target: 'b' },
        { source: 'b', target: 'w1', subscription: sub([['$share/workers/sensors/#', 1]]) },
        { source: 'b', target: 'w2', subscription: sub([['$share/workers/sensors/#', 1]]) },
        { source: 'b', target: 'audit', subscription: sub([['sensors/#', 0]]) },
      ]),
      10_000,
    );
    expect(stats<ConsumerStats>(sim, 'w1').received).toBe(5);
    expect(stats<ConsumerStats>(sim, 'w2').received).toBe(5);
    expect(stats<ConsumerStats>(sim, 'audit').received).toBe(10);
  });

  it('MQ-8 a member offline with a persistent session keeps its turn (Mosquitto): its QoS 1 messages wait for it, its QoS 0 ones are missed', () => {
    // One a second; w1 is away from 1.5 s to 4.5 s, so its turns at 2 s and 4 s come while it is offline.
    const over = (qos: number) => {
      const sim = new Simulation(
        build([publisher('p', { qos, limit: 6, rate: { dist: 'constant', perSecond: 1 } }), broker(), subscriber('w1'), subscriber('w2')], [
          { source: 'p', target: 'b' },
          { source: 'b', target: 'w1', subscription: sub([['$share/workers/sensors/#', 1]], false) },
          { source: 'b', target: 'w2', subscription: sub([['$share/workers/sensors/#', 1]]) },
        ], [{ atMs: 1_500, action: 'crash', node: 'w1', restartAfterMs: 3_000 }]),
      );
      const seen: Record<string, number[]> = { w1: [], w2: [] };
      sim.observer = { delivered: (consumer, msg) => seen[sim.topology.nodes[consumer]!.id]!.push(msg.seq), returned: () => {} };
      sim.runUntil(10_000);
      return seen;
    };
    expect(over(1)).toEqual({ w1: [0, 2, 4], w2: [1, 3, 5] });
    expect(over(0)).toEqual({ w1: [0], w2: [1, 3, 5] });
  });
});

describe('broker crashes and late subscribers (review findings)', () => {
  it('a crashed broker does not publish the wills it was waiting on', () => {
    const t = loadTopology({
      format: 'msgflow/1',
      nodes: [{ id: 'device', kind: 'producer', config: { keys: ['s'], limit: 1, keepAliveMs: 1_000, will: { topic: 's' } } }, broker(), subscriber('c')],
      edges: [
        { id: 'up', source: 'device', target: 'b' },
        { id: 'down', source: 'b', target: 'c', subscription: sub([['#', 0]]) },
      ],
      faults: [
        { atMs: 100, action: 'crash', node: 'device' },
        { atMs: 500, action: 'crash', node: 'b', restartAfterMs: 2_000 },
      ],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.error));
    const sim = run(t.topology, 10_000);
    expect(stats<MqttBrokerStats>(sim, 'b').wills).toBe(0);
  });

  it('a subscriber back before its link opens gets the retained message when the link opens, not before', () => {
    const t = loadTopology({
      format: 'msgflow/1',
      nodes: [publisher('sensor', { retain: true, limit: 1 }), broker(), { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 60_000 } } }],
      edges: [
        { id: 'up', source: 'sensor', target: 'b' },
        { id: 'down', source: 'b', target: 'c', activeFromMs: 5_000, subscription: sub([['sensors/#', 1]]) },
      ],
      faults: [{ atMs: 1_000, action: 'crash', node: 'c', restartAfterMs: 1_000 }],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.error));
    const sim = new Simulation(t.topology);
    sim.runUntil(4_999);
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(0);
    sim.runUntil(5_010);
    expect(stats<ConsumerStats>(sim, 'c').received).toBe(1);
  });
});

describe('MQ-1 / MQ-4 a delivery in flight when a persistent session drops', () => {
  it('is sent again when the subscriber is back, not lost; with a clean session it is lost', () => {
    const t = (cleanSession: boolean) => {
      const r = loadTopology({
        format: 'msgflow/1',
        nodes: [publisher('p', { qos: 1, limit: 1 }), broker(), subscriber('c')],
        edges: [
          { id: 'up', source: 'p', target: 'b', link: { latencyMs: { dist: 'fixed', value: 1 } } },
          { id: 'down', source: 'b', target: 'c', link: { latencyMs: { dist: 'fixed', value: 500 } }, subscription: sub([['#', 1]], cleanSession) },
        ],
        faults: [{ atMs: 100, action: 'crash', node: 'c', restartAfterMs: 1_000 }],
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.topology;
    };
    const persistent = run(t(false), 10_000);
    expect(persistent.ledger.delivered).toBe(1);
    expect(runReport(persistent).ledger.lost).toEqual({});
    const clean = run(t(true), 10_000);
    expect(runReport(clean).ledger.lost).toEqual({ 'consumer-crash': 1 });
  });
});
