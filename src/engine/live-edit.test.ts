import { describe, expect, it } from 'vitest';
import { loadTopology, type LinkConfig, type Topology } from '../model/index.ts';
import { createSession } from './session.ts';
import type { ConsumerStats, ProducerStats, QueueStats } from './session-types.ts';
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
    const t = topology([{ id: 'p', kind: 'producer' }, { id: 'lb', kind: 'load-balancer' }, { id: 'c', kind: 'consumer' }], [['p', 'lb'], ['lb', 'c']]);
    const sim = new Simulation(t);
    expect(sim.reconfigure('lb', configWith(t, 'lb', {}))).toBeUndefined();
    expect(sim.reconfigure('lb', configWith(t, 'lb', { strategy: 'random' }))).toBe('strategy');
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
