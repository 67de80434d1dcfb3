import { describe, expect, it } from 'vitest';
import { replierConfigSchema } from '../../model/index.ts';
import { Simulation } from '../simulation.ts';
import { fixed, lost, nodeStats, recordSends, replier, requester, rrTopology } from './request-reply-test-kit.ts';

const producer = (limit: number) => ({ id: 'p', kind: 'producer', config: { limit, rate: { dist: 'constant', perSecond: 100 } } });
const consumer = (id: string) => ({ id, kind: 'consumer', config: { processingMs: fixed(0) } });

function run(nodes: object[], edges: [string, string, object?][], extra: object = {}, untilMs = 10_000): Simulation {
  const sim = new Simulation(rrTopology(nodes, edges, extra));
  sim.runUntil(untilMs);
  return sim;
}

describe('ZMQ-2 REP: where a reply goes', () => {
  it('over the link to the request’s reply-to, whatever else it links to', () => {
    const sim = new Simulation(
      rrTopology([requester('client', { limit: 3 }), replier('server', { processingMs: fixed(10) }), consumer('audit')], [['client', 'server'], ['server', 'audit'], ['server', 'client']]),
    );
    const sends = recordSends(sim);
    sim.runUntil(1_000);
    expect(sends.filter((s) => s.from === 'server').map((s) => s.to)).toEqual(['client', 'client', 'client']);
    expect(nodeStats(sim, 'audit', 'consumer').processed).toBe(0);
  });

  it('with no reply-to (a producer’s message), over its only output', () => {
    const sim = run([producer(3), replier('server', { processingMs: fixed(10) }), consumer('c')], [['p', 'server'], ['server', 'c']]);
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 3, replies: 3, unroutable: 0 });
    expect(nodeStats(sim, 'c', 'consumer').processed).toBe(3);
  });

  it('with no way back (no link to the reply-to, several outputs) it is lost as unroutable', () => {
    const sim = run([producer(2), replier('server', { processingMs: fixed(10) }), consumer('c1'), consumer('c2')], [['p', 'server'], ['server', 'c1'], ['server', 'c2']]);
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 2, replies: 0, unroutable: 2 });
    expect(lost(sim, 'unroutable')).toBe(2);
    // The requests themselves were processed.
    expect(sim.ledger.delivered).toBe(2);
  });
});

describe('SEMANTICS §4 replier: processing', () => {
  it('processes up to its concurrency at once, the rest in arrival order', () => {
    const sim = new Simulation(
      rrTopology([requester('client', { limit: 4, maxOutstanding: 4 }), replier('server', { processingMs: fixed(100), concurrency: 2 })], [['client', 'server'], ['server', 'client']]),
    );
    sim.runUntil(50);
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ busy: 2, backlog: 2 });
    expect(sim.heldMessages('server', 10)!.counts).toEqual({ processing: 2, backlog: 2 });
    sim.runUntil(1_000);
    // Two rounds of 100 ms: the last two replies arrive at 1 + 200 + 1 ms.
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ replies: 4, rttMaxMs: 202 });
  });

  it('fed by a queue, a crash gives the requests it held back to the queue, which redelivers them', () => {
    const sim = run(
      [requester('client', { limit: 5, maxOutstanding: 5 }), { id: 'q', kind: 'queue' }, replier('server', { processingMs: fixed(100) })],
      [['client', 'q'], ['q', 'server'], ['server', 'client']],
      { faults: [{ atMs: 150, action: 'crash', node: 'server', restartAfterMs: 100 }] },
    );
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 5, replies: 5, lateReplies: 0 });
    expect(nodeStats(sim, 'q', 'queue')).toMatchObject({ redelivered: 1, acked: 5 });
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ replies: 5, duplicates: 0 });
    expect(sim.ledger.inFlight).toBe(0);
  });

  it('not fed by a queue, a crash loses what it held', () => {
    const sim = run(
      [requester('client', { limit: 1 }), replier('server', { processingMs: fixed(100) })],
      [['client', 'server'], ['server', 'client']],
      { faults: [{ atMs: 50, action: 'crash', node: 'server', restartAfterMs: 10 }] },
    );
    expect(lost(sim, 'crash')).toBe(1);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ replies: 0, outstanding: 1 });
  });

  it('refuses bad settings with the field named', () => {
    const bad = replierConfigSchema.safeParse({ failureProbability: 2 });
    expect(bad.error?.issues[0]?.path).toEqual(['failureProbability']);
  });
});
