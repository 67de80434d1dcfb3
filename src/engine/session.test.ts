import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../model/index.ts';
import { createSession, type SessionHost } from './session.ts';
import { MAX_EVENTS_TO_DELIVERY, type Frame } from './session-types.ts';

/** A host with a hand-driven clock and timer list, so the real-time driver is testable. */
function fakeHost() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const host: SessionHost = {
    now: () => now,
    setTimer(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer(handle) {
      timers.delete(handle as number);
    },
  };
  /** Advance wall time, firing due timers in order. */
  function advance(ms: number): void {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].fn();
    }
    now = end;
  }
  return { host, advance, pending: () => timers.size, jump: (ms: number) => (now += ms) };
}

function workQueue(): Topology {
  const r = loadTopology({
    format: 'msgflow/1',
    seed: 9,
    nodes: [
      { id: 'p', kind: 'producer', config: { rate: { dist: 'constant', perSecond: 20 } } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 10 } } },
    ],
    edges: [
      { id: 'e1', source: 'p', target: 'q', link: { latencyMs: { dist: 'fixed', value: 100 } } },
      { id: 'e2', source: 'q', target: 'c' },
    ],
  });
  if (!r.ok) throw new Error('bad fixture');
  return r.topology;
}

describe('session (real-time driver)', () => {
  it('advances sim time at wall time x speed while playing, and stops on pause', () => {
    const { host, advance } = fakeHost();
    const session = createSession(host);
    const frames: Frame[] = [];
    session.subscribe((f) => frames.push(f));
    expect(session.load(workQueue()).state).toBe('paused');
    session.setSpeed(2);
    session.play();
    advance(1_000);
    const last = frames.at(-1)!;
    expect(last.state).toBe('running');
    expect(last.simTimeMs).toBeGreaterThan(1_900);
    expect(last.simTimeMs).toBeLessThanOrEqual(2_000);
    expect(last.totals.produced).toBeGreaterThan(30);
    session.pause();
    const paused = frames.at(-1)!;
    expect(paused.state).toBe('paused');
    advance(1_000);
    expect(frames.at(-1)!.simTimeMs).toBe(paused.simTimeMs);
  });

  it('sends frames at most once per display frame, with node stats about 10 times a second', () => {
    const { host, advance } = fakeHost();
    const session = createSession(host);
    const frames: Frame[] = [];
    session.subscribe((f) => frames.push(f));
    session.load(workQueue());
    frames.length = 0;
    session.play();
    advance(1_000);
    expect(frames.length).toBeLessThanOrEqual(1_000 / 16 + 2);
    expect(frames.length).toBeGreaterThan(20);
    const withStats = frames.filter((f) => f.nodeStats).length;
    expect(withStats).toBeGreaterThanOrEqual(8);
    expect(withStats).toBeLessThanOrEqual(12);
  });

  it('steps exactly one event at a time, and reset returns to t = 0 with the same run', () => {
    const { host } = fakeHost();
    const session = createSession(host);
    session.load(workQueue());
    const first = session.step();
    expect(first.events).toBe(1);
    expect(first.totals.produced).toBe(1);
    expect(first.dots.length).toBe(3);
    const second = session.step();
    expect(second.events).toBe(2);
    const again = session.reset();
    expect(again.events).toBe(0);
    expect(again.simTimeMs).toBe(0);
    expect(session.step().totals).toEqual(first.totals);
  });

  it('clamps the speed to 0.1x..1000x', () => {
    const { host } = fakeHost();
    const session = createSession(host);
    const frames: Frame[] = [];
    session.subscribe((f) => frames.push(f));
    session.setSpeed(1e9);
    expect(frames.at(-1)!.speed).toBe(1000);
    session.setSpeed(0);
    expect(frames.at(-1)!.speed).toBe(0.1);
    session.setSpeed(Number.NaN);
    expect(frames.at(-1)!.speed).toBe(0.1);
  });

  it('yields between slices and says when it falls behind instead of freezing', () => {
    const { host, advance, jump } = fakeHost();
    // Every clock read costs 5 ms of "work", so a slice cannot reach a far target.
    const slowHost: SessionHost = { ...host, now: () => jump(5) };
    const session = createSession(slowHost);
    const frames: Frame[] = [];
    session.subscribe((f) => frames.push(f));
    session.load(workQueue());
    session.setSpeed(1000);
    session.play();
    advance(200);
    expect(frames.some((f) => f.fallingBehind)).toBe(true);
    session.pause();
    expect(frames.at(-1)!.fallingBehind).toBe(false);
  });

  it('reports a topology the engine cannot build as an error frame', () => {
    const { host } = fakeHost();
    const session = createSession(host);
    const broken = { ...workQueue(), edges: [{ id: 'x', source: 'p', target: 'ghost', link: workQueue().edges[0]!.link }] };
    const frame = session.load(broken);
    expect(frame.state).toBe('error');
    expect(frame.error).toMatch(/edge "x"/);
  });
});

describe('session time control', () => {
  it('runs to a time as fast as possible, with the goal in its frames, and pauses exactly there', () => {
    const { host, advance } = fakeHost();
    const session = createSession(host);
    const frames: Frame[] = [];
    session.subscribe((f) => frames.push(f));
    session.load(workQueue());
    session.setSpeed(1);
    session.runTo(60_000);
    // One wall second at 1x would be one sim second; as fast as possible gets there.
    advance(1_000);
    const last = frames.at(-1)!;
    expect(last.state).toBe('paused');
    expect(last.simTimeMs).toBe(60_000);
    expect(last.goal).toBeNull();
    expect(last.fallingBehind).toBe(false);
    // One message every 50 ms, from t = 0 to t = 60 s inclusive.
    expect(last.totals.produced).toBe(1_201);
  });

  it('stops running to a time on pause', () => {
    const { host, advance, jump } = fakeHost();
    // Every clock read costs 5 ms, so the run takes many slices.
    const session = createSession({ ...host, now: () => jump(5) });
    const frames: Frame[] = [];
    session.subscribe((f) => frames.push(f));
    session.load(workQueue());
    session.runTo(1e9);
    advance(20);
    expect(frames.at(-1)!.goal).toEqual({ fromMs: 0, toMs: 1e9, fast: true });
    expect(frames.at(-1)!.state).toBe('running');
    session.pause();
    const paused = frames.at(-1)!;
    expect(paused.state).toBe('paused');
    expect(paused.goal).toBeNull();
    expect(paused.simTimeMs).toBeLessThan(1e9);
    advance(1_000);
    expect(frames.at(-1)!.simTimeMs).toBe(paused.simTimeMs);
  });

  it('steps to the next delivery: delivered goes up by exactly one each time', () => {
    const { host } = fakeHost();
    const session = createSession(host);
    session.load(workQueue());
    const first = session.stepToDelivery();
    expect(first.totals.delivered).toBe(1);
    expect(first.state).toBe('paused');
    // The first message: sent at 0, 100 ms on the first link, 10 ms processing.
    expect(first.simTimeMs).toBeGreaterThanOrEqual(110);
    expect(session.stepToDelivery().totals.delivered).toBe(2);
  });

  it('gives up stepping to a delivery on a topology that never delivers', () => {
    const { host } = fakeHost();
    const session = createSession(host);
    const noConsumer = { ...workQueue(), nodes: workQueue().nodes.slice(0, 2), edges: workQueue().edges.slice(0, 1) };
    session.load(noConsumer);
    const frame = session.stepToDelivery();
    expect(frame.totals.delivered).toBe(0);
    expect(frame.events).toBe(MAX_EVENTS_TO_DELIVERY);
  });

  it('replays the same run, live faults included, up to where it was', () => {
    const { host, advance } = fakeHost();
    const session = createSession(host);
    const frames: Frame[] = [];
    session.subscribe((f) => frames.push(f));
    session.load(workQueue());
    session.runTo(2_345);
    advance(100);
    session.injectFault({ atMs: 0, action: 'crash', node: 'c', restartAfterMs: 1_500 });
    session.runTo(7_000);
    advance(100);
    const original = frames.at(-1)!;
    expect(original.simTimeMs).toBe(7_000);
    expect(session.faultSchedule()).toEqual([{ atMs: 2_345, action: 'crash', node: 'c', restartAfterMs: 1_500 }]);

    session.setSpeed(100);
    const start = session.replay();
    expect(start.simTimeMs).toBeLessThan(7_000);
    expect(start.goal).toEqual({ fromMs: 0, toMs: 7_000, fast: false });
    advance(200);
    const replayed = frames.at(-1)!;
    expect(replayed.state).toBe('paused');
    expect(replayed.simTimeMs).toBe(7_000);
    expect(replayed.events).toBe(original.events);
    expect(replayed.totals).toEqual(original.totals);
    expect(replayed.nodeStats).toEqual(original.nodeStats);
    // Without the live crash the run differs: the fault is what the replay kept.
    session.reset();
    session.runTo(7_000);
    advance(100);
    expect(frames.at(-1)!.events).not.toBe(original.events);
  });
});

describe('session heldMessages', () => {
  it('is null before a run, lists a node’s messages during one, and caps the limit it is given', () => {
    const { host, advance } = fakeHost();
    const session = createSession(host);
    expect(session.heldMessages('q', 10)).toBeNull();
    const topology = workQueue();
    // A slow consumer so the queue fills: 20/s in, 1 at a time taking 10 s.
    const slow = { ...topology, nodes: topology.nodes.map((n) => (n.kind === 'consumer' ? { ...n, config: { ...n.config, processingMs: { dist: 'fixed' as const, value: 10_000 } } } : n)) };
    session.load(slow);
    session.play();
    advance(1_000);
    const held = session.heldMessages('q', 3)!;
    expect(held.node).toBe('q');
    expect(held.messages).toHaveLength(3);
    expect(held.truncated).toBe(true);
    expect(held.messages[0]).toMatchObject({ state: 'ready', producer: 'p', attempts: 0, redelivered: false });
    expect(session.heldMessages('q', 0)!.messages).toHaveLength(1);
    expect(session.heldMessages('q', Number.NaN)!.messages.length).toBe((held.counts.ready ?? 0) + (held.counts.unacked ?? 0));
    expect(session.heldMessages('missing', 5)).toBeNull();
  });
});
