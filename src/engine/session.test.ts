import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../model/index.ts';
import { createSession, type SessionHost } from './session.ts';
import type { Frame } from './session-types.ts';

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
