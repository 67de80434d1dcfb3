import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { createSession } from '../session.ts';
import { MAX_EVENT_PAGE } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

function topology(nodes: object[], edges: [string, string, object?][]): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 7,
    nodes,
    edges: edges.map(([source, target, link], i) => ({ id: `e${i}`, source, target, ...(link ? { link } : {}) })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

const fixed = (value: number) => ({ dist: 'fixed', value });

/** Producer -> queue -> consumer; the first link loses `loss` of what it carries. */
function workQueue(limit: number, loss = 0): Simulation {
  return new Simulation(
    topology(
      [
        { id: 'p', kind: 'producer', config: { rate: { dist: 'constant', perSecond: 100 }, limit, headers: { tenant: 'acme' } } },
        { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'consumer', config: { processingMs: fixed(5) } },
      ],
      [
        ['p', 'q', { loss }],
        ['q', 'c'],
      ],
    ),
  );
}

describe('event log', () => {
  it('records nothing unless asked (the CLI and the benchmark pay nothing)', () => {
    const sim = workQueue(3);
    sim.runUntil(1_000);
    expect(sim.loggedEvents({}, 0, 10)).toBeUndefined();
    expect(sim.messageTrace(0)).toBeUndefined();
  });

  it("traces a message hop by hop, from its producer to its consumer's ack", () => {
    const sim = workQueue(1);
    sim.recordEvents(1_000);
    sim.runUntil(1_000);
    const trace = sim.messageTrace(0)!;
    expect(trace.complete).toBe(true);
    expect(trace.producer).toBe('p');
    expect(trace.hops.map((h) => `${h.kind}@${h.node}`)).toEqual([
      'created@p',
      'sent@p',
      'arrived@q',
      'dispatched@q',
      'arrived@c',
      'delivered@c',
      'acked@q',
    ]);
    const dispatched = trace.hops.find((h) => h.kind === 'dispatched')!;
    expect(dispatched.edge).toBe('e1');
    expect(dispatched.attempt).toBe(1);
    expect(dispatched.headers).toMatchObject({ tenant: 'acme' });
    // Sim time only moves forward along the hops.
    const times = trace.hops.map((h) => h.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(trace.fates.map((f) => f.kind)).toEqual(['delivered']);
  });

  it('filters by node, fate and reason, and pages from the end', () => {
    const sim = workQueue(200, 0.3);
    sim.recordEvents(10_000);
    sim.runUntil(10_000);
    const lost = sim.loggedEvents({ fate: 'lost' }, 0, 500)!;
    expect(lost.total).toBe(sim.ledger.lost.get('link-loss'));
    expect(lost.events.every((e) => e.kind === 'lost' && e.reason === 'link-loss')).toBe(true);
    expect(lost.reasons).toContain('link-loss');
    const byReason = sim.loggedEvents({ reason: 'link-loss' }, 0, 1)!;
    expect(byReason.total).toBe(lost.total);
    expect(sim.loggedEvents({ reason: 'never-happened' }, 0, 10)!.total).toBe(0);

    const atConsumer = sim.loggedEvents({ node: 'c' }, 0, 500)!;
    expect(atConsumer.events.length).toBeGreaterThan(0);
    expect(atConsumer.events.every((e) => e.node === 'c')).toBe(true);

    const all = sim.loggedEvents({}, 0, 500)!;
    const last = sim.loggedEvents({}, -3, 3)!;
    expect(last.offset).toBe(all.total - 3);
    expect(last.events.map((e) => e.seq)).toEqual([all.total - 3, all.total - 2, all.total - 1]);

    // A lost message's trace ends in its fate and reason.
    const trace = sim.messageTrace(lost.events[0]!.message)!;
    expect(trace.fates).toHaveLength(1);
    expect(trace.fates[0]).toMatchObject({ kind: 'lost', reason: 'link-loss' });
  });

  it('keeps only the last events, and says when a trace starts part way', () => {
    const sim = workQueue(500);
    sim.recordEvents(100);
    sim.runUntil(10_000);
    const page = sim.loggedEvents({}, 0, 500)!;
    expect(page.total).toBe(100);
    expect(page.forgotten).toBeGreaterThan(0);
    expect(page.events[0]!.seq).toBe(page.forgotten);
    expect(sim.messageTrace(0)!.hops).toEqual([]);
    // The oldest event held belongs to a message whose start has been overwritten.
    const partial = sim.messageTrace(page.events[0]!.message)!;
    expect(partial.complete).toBe(false);
    expect(partial.producer).toBeNull();
  });

  it('gives the message id of every dot on a link', () => {
    const sim = workQueue(5);
    sim.recordEvents(100);
    sim.runUntil(10.5);
    const ids = sim.dotMessages();
    expect(ids.length * 3).toBe(sim.dots().length);
    expect([...ids]).toEqual([1]);
  });

  it('is always on in a session, which pages it within bounds and sends each dot\'s message id', () => {
    // Stepping needs no wall clock or timers.
    const session = createSession({ now: () => 0, setTimer: () => 0, clearTimer: () => {} });
    expect(session.events({}, 0, 10)).toBeNull();
    expect(session.messageTrace(0)).toBeNull();
    session.load(workQueue(500).topology);
    let frame = session.step();
    // About half the run (500 messages x ~4 heap events): still going.
    for (let i = 0; i < 1_000; i++) frame = session.step();
    expect(frame.state).toBe('paused');
    const page = session.events({}, 0, 1_000_000)!;
    expect(page.events).toHaveLength(MAX_EVENT_PAGE);
    expect(page.total).toBeGreaterThan(MAX_EVENT_PAGE);
    expect(session.events({ node: 'c', fate: 'delivered' }, -5, 5)!.events.every((e) => e.kind === 'delivered' && e.node === 'c')).toBe(true);
    expect(session.messageTrace(3)!.complete).toBe(true);
    // Step until a message is on a link, then its dot carries its id.
    for (let i = 0; i < 100 && frame.dots.length === 0; i++) frame = session.step();
    const ids = [...frame.dotMessages!];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length * 3).toBe(frame.dots.length);
    expect(session.messageTrace(ids[0]!)!.hops.at(-1)!.kind).toMatch(/^(sent|dispatched|redelivered)$/);
  });
});
