import { describe, expect, it } from 'vitest';
import { applyVariant, loadTopology, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { ConsumerStats, ZmqSocketStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';
import { pipeCapacity, zmqSubscribed } from './zmq-socket.ts';

/** A peer of the socket: a consumer, and what its link carries. */
interface Peer {
  id: string;
  /** Processing time in ms: 0 is fast; STUCK never finishes within a test. */
  processingMs?: number;
  subscribe?: string[];
  activeFromMs?: number;
  link?: object;
  consumer?: object;
}

const STUCK = 1e9;

/**
 * producer -> zmq socket -> peers, over 1 ms links. The producer sends `limit` messages
 * 1 ms apart from t = 10 ms (after the default 5 ms handshake), so they reach the socket
 * at 11, 12, ... ms.
 */
function topology(socket: object, peers: Peer[], producer: object = {}, faults: object[] = []): Topology {
  const link = { latencyMs: { dist: 'fixed', value: 1 } };
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 3,
    nodes: [
      { id: 'app', kind: 'producer', config: { rate: { dist: 'constant', perSecond: 1000 }, startMs: 10, limit: 10, ...producer } },
      { id: 'zmq', kind: 'zmq-socket', config: socket },
      ...peers.map((p) => ({
        id: p.id,
        kind: 'consumer',
        config: { processingMs: { dist: 'fixed', value: p.processingMs ?? 0 }, prefetch: 0, ...p.consumer },
      })),
    ],
    edges: [
      { id: 'app-zmq', source: 'app', target: 'zmq', link },
      ...peers.map((p) => ({
        id: `zmq-${p.id}`,
        source: 'zmq',
        target: p.id,
        link: { ...link, ...p.link },
        ...(p.subscribe === undefined ? {} : { zmqSubscribe: p.subscribe }),
        ...(p.activeFromMs === undefined ? {} : { activeFromMs: p.activeFromMs }),
      })),
    ],
    faults,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

function run(t: Topology, untilMs = 1_000): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  const l = sim.ledger;
  // Conservation (SEMANTICS §1): every copy has one fate or is still in flight.
  expect(l.created).toBe(l.delivered + l.lostTotal + l.deadLetteredTotal + l.rejected + l.inFlight);
  return sim;
}

const nodeStats = <T>(sim: Simulation, id: string): T => sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
const socket = (sim: Simulation): ZmqSocketStats => nodeStats<ZmqSocketStats>(sim, 'zmq');
const processed = (sim: Simulation, id: string): number => nodeStats<ConsumerStats>(sim, id).processed;
const lost = (sim: Simulation): Record<string, number> => runReport(sim).ledger.lost;

describe('ZMQ-1 high-water marks', () => {
  it('a pipe holds 1000 messages by default: a stuck subscriber loses the rest', () => {
    const sim = run(topology({}, [{ id: 'sub', processingMs: STUCK }], { limit: 1_500 }), 2_000);
    expect(socket(sim)).toMatchObject({ sent: 1_000, hwmDropped: 500, pipeMax: { sub: 1_000 }, pipeDepth: { sub: 1_000 } });
    expect(lost(sim)).toEqual({ 'hwm-drop': 500 });
  });

  it('the peers\' receive HWM adds to the pipe (SNDHWM + RCVHWM); 0 on either side is no limit', () => {
    expect(pipeCapacity(1_000, undefined)).toBe(1_000);
    expect(pipeCapacity(3, 2)).toBe(5);
    expect(pipeCapacity(0, 2)).toBe(Infinity);
    expect(pipeCapacity(3, 0)).toBe(Infinity);
    const both = run(topology({ sendHwm: 3, receiveHwm: 2 }, [{ id: 'sub', processingMs: STUCK }]));
    expect(socket(both)).toMatchObject({ sent: 5, hwmDropped: 5 });
    const unlimited = run(topology({ sendHwm: 0 }, [{ id: 'sub', processingMs: STUCK }], { limit: 2_000 }), 3_000);
    expect(socket(unlimited)).toMatchObject({ sent: 2_000, hwmDropped: 0 });
  });

  it('a pipe counts a message until the peer has processed it, so a slow peer\'s pipe fills and drains', () => {
    // 10 ms per message against one every 1 ms: the pipe of 4 is full from the 5th on.
    const sim = new Simulation(topology({ sendHwm: 4 }, [{ id: 'sub', processingMs: 10 }], { limit: 100 }));
    sim.runUntil(60);
    expect(socket(sim).pipeDepth).toEqual({ sub: 4 });
    sim.runUntil(1_000);
    expect(socket(sim)).toMatchObject({ pipeDepth: { sub: 0 }, pipeMax: { sub: 4 }, inPipes: 0 });
    expect(processed(sim, 'sub') + socket(sim).hwmDropped).toBe(100);
  });
});

describe('ZMQ-3 PUB/SUB', () => {
  it('HWM 3, a stuck and a fast subscriber, publish 10: exactly 7 of the stuck one\'s copies are dropped, the publisher never waits', () => {
    // The stuck subscriber's pipe: the one it is processing and the two behind it.
    const sim = run(topology({ pattern: 'pub', sendHwm: 3 }, [{ id: 'slow', processingMs: STUCK }, { id: 'fast' }]));
    expect(socket(sim)).toMatchObject({ received: 10, sent: 13, hwmDropped: 7, blockedTotal: 0, waitMaxMs: 0, pipeDepth: { slow: 3, fast: 0 } });
    expect(processed(sim, 'fast')).toBe(10);
    expect(lost(sim)).toEqual({ 'hwm-drop': 7 });
    expect(sim.ledger.created).toBe(20);
    expect(sim.ledger.inFlight).toBe(3);
    expect(sim.ledger.publishWait.count).toBe(0);
  });

  it('byte-prefix subscriptions on the key: "" is everything, an empty list is nothing', () => {
    const keys = ['weather.eu', 'weather.us', 'news.eu', ''];
    const sim = run(
      topology(
        { pattern: 'pub' },
        [
          { id: 'weather', subscribe: ['weather.'] },
          { id: 'mixed', subscribe: ['news', 'weather.us'] },
          { id: 'all', subscribe: [''] },
          { id: 'default' },
          { id: 'none', subscribe: [] },
        ],
        { keys, limit: 8 },
      ),
    );
    expect([processed(sim, 'weather'), processed(sim, 'mixed'), processed(sim, 'all'), processed(sim, 'default'), processed(sim, 'none')]).toEqual([4, 4, 8, 8, 0]);
    // Per message of the four keys, 2 + 2 + 0 + 0 + 4 subscribers do not match; twice round.
    expect(socket(sim)).toMatchObject({ sent: 24, unsubscribed: 16, unroutable: 0 });
    expect(lost(sim)).toEqual({});
  });

  it('a message without a key has the empty topic: only the empty prefix takes it', () => {
    expect(zmqSubscribed([''], undefined)).toBe(true);
    expect(zmqSubscribed(['a'], undefined)).toBe(false);
    expect(zmqSubscribed(['a', 'ab'], 'abc')).toBe(true);
    expect(zmqSubscribed(['abc'], 'ab')).toBe(false);
    expect(zmqSubscribed([], 'a')).toBe(false);
  });

  it('with no subscriber every message is dropped (lost:unroutable)', () => {
    const alone = run(topology({ pattern: 'pub' }, []));
    expect(socket(alone)).toMatchObject({ received: 10, unroutable: 10, sent: 0 });
    expect(lost(alone)).toEqual({ unroutable: 10 });
    const unmatched = run(topology({ pattern: 'pub' }, [{ id: 'sub', subscribe: ['x'] }], { keys: ['a'] }));
    expect(lost(unmatched)).toEqual({ unroutable: 10 });
  });

  it('a crashed subscriber loses its pipe (lost:crash) and gets no copies while down; it is back a handshake after its restart', () => {
    // Every 10 ms from 10 ms: arrivals at 11, 21, ..., 191. The stuck subscriber holds 3
    // (HWM) by 31 ms; from the crash at 100 ms to the restart at 150 ms (+5 ms handshake)
    // it is no subscriber: the arrivals at 101 ... 151 ms go to the other one only.
    const sim = run(
      topology({ pattern: 'pub', sendHwm: 3 }, [{ id: 'slow', processingMs: STUCK }, { id: 'fast' }], { rate: { dist: 'constant', perSecond: 100 }, limit: 19 }, [
        { atMs: 100, action: 'crash', node: 'slow', restartAfterMs: 50 },
      ]),
    );
    // Copies for slow: 9 before the crash (3 kept, 6 dropped), 4 after it is back (161-191 ms): 3 kept, 1 dropped.
    expect(socket(sim)).toMatchObject({ lostToCrash: 3, hwmDropped: 7, sent: 19 + 6, pipeDepth: { slow: 3 } });
    expect(lost(sim)).toEqual({ crash: 3, 'hwm-drop': 7 });
    expect(processed(sim, 'fast')).toBe(19);
  });
});

describe('ZMQ-4 slow joiner', () => {
  const every10ms = { rate: { dist: 'constant', perSecond: 100 }, limit: 20 };

  it('a subscriber whose link opens late misses what was published before', () => {
    // Sends at 10, 20, ..., 200 ms arrive at the socket at 11, ..., 201; "late" connects at 100 ms.
    const sim = run(topology({ pattern: 'pub', connectDelayMs: 0 }, [{ id: 'early' }, { id: 'late', activeFromMs: 100 }], every10ms));
    expect(processed(sim, 'early')).toBe(20);
    expect(processed(sim, 'late')).toBe(11);
    expect(lost(sim)).toEqual({});
  });

  it('and misses what was published during its connection handshake', () => {
    // Handshake 50 ms: "late" connects at 150 ms and gets the arrivals at 151 ... 201.
    const sim = run(topology({ pattern: 'pub', connectDelayMs: 50 }, [{ id: 'early' }, { id: 'late', activeFromMs: 100 }], every10ms));
    expect(processed(sim, 'late')).toBe(6);
    // "early" connects at 50 ms: the four arrivals before it had no subscriber at all.
    expect(processed(sim, 'early')).toBe(16);
    expect(socket(sim).unroutable).toBe(4);
    expect(lost(sim)).toEqual({ unroutable: 4 });
  });
});

describe('ZMQ-5 PUSH/PULL', () => {
  it('round-robins over the peers', () => {
    const sim = run(topology({ pattern: 'push' }, [{ id: 'a' }, { id: 'b' }]));
    expect([processed(sim, 'a'), processed(sim, 'b')]).toEqual([5, 5]);
  });

  it('HWM 3, two stuck peers, push 10: 3 in each pipe, 4 sends wait; nothing is dropped', () => {
    const sim = run(topology({ pattern: 'push', sendHwm: 3 }, [{ id: 'a', processingMs: STUCK }, { id: 'b', processingMs: STUCK }]));
    expect(socket(sim)).toMatchObject({ sent: 6, blocked: 4, blockedTotal: 4, hwmDropped: 0, pipeDepth: { a: 3, b: 3 } });
    // The first send to wait arrived at 17 ms and still waits at 1 s.
    expect(socket(sim).waitMaxMs).toBe(1_000 - 17);
    expect(lost(sim)).toEqual({});
    expect(sim.ledger.inFlight).toBe(10);
    expect(sim.heldMessages('zmq', 100)!.counts).toEqual({ blocked: 4, unacked: 6 });
  });

  it('a waiting send goes as soon as the peer has room, in order; the producer-side wait is recorded', () => {
    // One peer, 100 ms per message, HWM 2. Sends arrive at 11..15 ms: the first is processed
    // 12-112, the second 112-212, ...; the third waits from 13 until 112 (99 ms), the
    // fourth from 14 until 212 (198 ms), the fifth from 15 until 312 (297 ms).
    const sim = run(topology({ pattern: 'push', sendHwm: 2 }, [{ id: 'pull', processingMs: 100 }], { limit: 5 }));
    expect(sim.ledger.publishWait.count).toBe(3);
    expect(sim.ledger.publishWait.max).toBe(297);
    expect(socket(sim)).toMatchObject({ blockedTotal: 3, blocked: 0, waitMaxMs: 297 });
    expect(nodeStats<ConsumerStats>(sim, 'pull')).toMatchObject({ processed: 5, reorders: 0 });
    expect(lost(sim)).toEqual({});
  });

  it('with no peer connected yet, sends wait for one', () => {
    const sim = run(topology({ pattern: 'push', connectDelayMs: 0 }, [{ id: 'pull', activeFromMs: 100 }]));
    expect(processed(sim, 'pull')).toBe(10);
    // The first arrived at 11 ms and went at 100 ms.
    expect(sim.ledger.publishWait.max).toBe(89);
    expect(lost(sim)).toEqual({});
  });

  it('a crashed peer loses its pipe (lost:crash); later sends go round it', () => {
    // "b" is stuck with 3 (its HWM) after the sixth send; the rest go to "a"; b crashes at 100 ms.
    const sim = run(
      topology({ pattern: 'push', sendHwm: 3 }, [{ id: 'a' }, { id: 'b', processingMs: STUCK }], { limit: 10 }, [{ atMs: 100, action: 'crash', node: 'b' }]),
    );
    expect(processed(sim, 'a')).toBe(7);
    expect(socket(sim)).toMatchObject({ lostToCrash: 3, pipeDepth: { a: 0, b: 0 }, peers: 1 });
    expect(lost(sim)).toEqual({ crash: 3 });
    expect(sim.ledger.inFlight).toBe(0);
  });

  it('a message the link loses leaves its pipe, so the pipe never clogs (ZeroMQ redelivers nothing)', () => {
    const sim = run(topology({ pattern: 'push', sendHwm: 1 }, [{ id: 'pull', link: { loss: 0.3 } }], { limit: 200 }));
    const linkLoss = lost(sim)['link-loss'] ?? 0;
    expect(linkLoss).toBeGreaterThan(20);
    expect(processed(sim, 'pull')).toBe(200 - linkLoss);
    expect(socket(sim)).toMatchObject({ inPipes: 0, blocked: 0 });
    expect(sim.ledger.inFlight).toBe(0);
  });

  it('a send on a cut unordered link is lost at once and frees its place in the pipe', () => {
    // Cut from 0 to 50 ms: the sends arriving at 11 ... 41 ms are lost, the rest get through.
    const sim = run(
      topology({ pattern: 'push', sendHwm: 1 }, [{ id: 'pull', link: { ordered: false } }], { rate: { dist: 'constant', perSecond: 100 } }, [
        { atMs: 0, action: 'cut', edge: 'zmq-pull', healAfterMs: 50 },
      ]),
    );
    expect(lost(sim)).toEqual({ partition: 4 });
    expect(processed(sim, 'pull')).toBe(6);
    expect(socket(sim)).toMatchObject({ inPipes: 0, blocked: 0, blockedTotal: 0 });
  });

  it('a peer\'s failed processing is lost: nothing redelivers it', () => {
    const sim = run(topology({ pattern: 'push' }, [{ id: 'pull', consumer: { failureProbability: 1, onFailure: 'requeue' } }], { limit: 3 }));
    expect(lost(sim)).toEqual({ 'processing-failure': 3 });
    expect(socket(sim).inPipes).toBe(0);
  });
});

describe('ZMQ-6 DEALER/ROUTER', () => {
  it('DEALER round-robins and blocks at the HWM, dropping nothing', () => {
    const balanced = run(topology({ pattern: 'dealer' }, [{ id: 'a' }, { id: 'b' }]));
    expect([processed(balanced, 'a'), processed(balanced, 'b')]).toEqual([5, 5]);
    const full = run(topology({ pattern: 'dealer', sendHwm: 2 }, [{ id: 'a', processingMs: STUCK }, { id: 'b', processingMs: STUCK }], { limit: 7 }));
    expect(socket(full)).toMatchObject({ sent: 4, blocked: 3, hwmDropped: 0 });
    expect(lost(full)).toEqual({});
  });

  it('ROUTER sends each message to the peer its key names; an unknown identity is dropped silently', () => {
    const sim = run(topology({ pattern: 'router' }, [{ id: 'a' }, { id: 'b' }], { keys: ['a', 'b', 'nobody'], limit: 9 }));
    expect([processed(sim, 'a'), processed(sim, 'b')]).toEqual([3, 3]);
    expect(socket(sim)).toMatchObject({ unroutable: 3, blockedTotal: 0 });
    expect(lost(sim)).toEqual({ unroutable: 3 });
  });

  it('ROUTER drops at a full pipe instead of blocking, and drops to a peer not connected yet', () => {
    const full = run(topology({ pattern: 'router', sendHwm: 2 }, [{ id: 'a', processingMs: STUCK }], { keys: ['a'], limit: 5 }));
    expect(socket(full)).toMatchObject({ sent: 2, hwmDropped: 3, blockedTotal: 0 });
    expect(lost(full)).toEqual({ 'hwm-drop': 3 });
    const late = run(topology({ pattern: 'router' }, [{ id: 'a', activeFromMs: 500 }], { keys: ['a'] }));
    expect(lost(late)).toEqual({ unroutable: 10 });
  });
});

describe('zmq-socket config', () => {
  it('refuses a negative HWM and a subscription on a link from another kind, naming the field', () => {
    const bad = loadTopology({ format: 'msgflow/1', nodes: [{ id: 'z', kind: 'zmq-socket', config: { sendHwm: -1 } }], edges: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(JSON.stringify(bad.error)).toContain('nodes[0].config.sendHwm');
    const misplaced = loadTopology({
      format: 'msgflow/1',
      nodes: [
        { id: 't', kind: 'topic' },
        { id: 'c', kind: 'consumer' },
      ],
      edges: [{ id: 'e', source: 't', target: 'c', zmqSubscribe: ['a'] }],
    });
    expect(misplaced.ok).toBe(false);
    if (!misplaced.ok) expect(JSON.stringify(misplaced.error)).toContain('ZeroMQ subscriptions belong on a link from a ZeroMQ socket');
  });

  it('a scenario variant may replace a link\'s subscription', () => {
    const t = topology({ pattern: 'pub' }, [{ id: 'sub' }], { keys: ['a', 'b'] });
    const withVariant = { ...t, scenario: { watch: 'w', expect: [], variants: [{ id: 'only-a', label: 'only a', nodes: {}, edges: { 'zmq-sub': { zmqSubscribe: ['a'] } } }] } };
    const result = applyVariant(withVariant, 'only-a');
    expect(result.ok && result.topology.edges[1]!.zmqSubscribe).toEqual(['a']);
    if (result.ok) expect(processed(run(result.topology), 'sub')).toBe(5);
  });

  it('defaults: PUB, HWM 1000, a 5 ms handshake', () => {
    const t = loadTopology({ format: 'msgflow/1', nodes: [{ id: 'z', kind: 'zmq-socket' }], edges: [] });
    expect(t.ok && t.topology.nodes[0]!.config).toEqual({ pattern: 'pub', sendHwm: 1_000, connectDelayMs: 5 });
  });
});
