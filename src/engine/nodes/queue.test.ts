import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { ConsumerStats, QueueStats, TopicStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

/** Queue rules of SEMANTICS.md §3 and §6 (RMQ-P2, RMQ-Q2), each on the smallest topology that shows it. */

type Edge = [source: string, target: string, extra?: object];

function build(nodes: object[], edges: Edge[], faults: object[] = []): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    nodes,
    edges: edges.map(([source, target, extra], i) => ({ id: `e${i}`, source, target, link: { latencyMs: { dist: 'fixed', value: 1 } }, ...extra })),
    faults,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}

/** What a node holds now, as "producer#seq" in its own order. */
function heldIds(sim: Simulation, id: string): string[] {
  return sim.heldMessages(id, 100)!.messages.map((m) => `${m.producer}#${m.seq}`);
}

describe('RMQ-P2 priority queue', () => {
  // p sends 8 messages 10 ms apart with priorities 1, 10, 3, 12 in turn; np sends 2 with none.
  // The consumer (prefetch 1, 100 ms each) joins at 1 s, when all 10 wait in the queue.
  const topology = (maxPriority: number | undefined) =>
    build(
      [
        { id: 'p', kind: 'producer', config: { limit: 8, rate: { dist: 'constant', perSecond: 100 }, priorities: [1, 10, 3, 12] } },
        { id: 'np', kind: 'producer', config: { limit: 2, rate: { dist: 'constant', perSecond: 100 }, startMs: 5 } },
        { id: 'q', kind: 'queue', config: maxPriority === undefined ? {} : { maxPriority } },
        { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 100 }, prefetch: 1 } },
      ],
      [['p', 'q'], ['np', 'q'], ['q', 'c', { activeFromMs: 1_000 }]],
    );

  /** The message the consumer works on in each of its 10 turns: dispatch at 1000 + 101 k ms, processing for 100 ms. */
  function dispatchOrder(t: Topology): string[] {
    const sim = new Simulation(t);
    const order: string[] = [];
    for (let k = 0; k < 10; k++) {
      sim.runUntil(1_050 + 101 * k);
      order.push(...heldIds(sim, 'c'));
    }
    return order;
  }

  const byPriority = ['p#1', 'p#3', 'p#5', 'p#7', 'p#2', 'p#6', 'p#0', 'p#4', 'np#0', 'np#1'];

  it('max priority 10: higher first, FIFO within a priority, 12 counts as 10, no priority is 0', () => {
    const sim = new Simulation(topology(10));
    sim.runUntil(999);
    expect(heldIds(sim, 'q')).toEqual(byPriority);
    expect(sim.heldMessages('q', 100)!.messages.map((m) => m.priority)).toEqual([10, 12, 10, 12, 3, 3, 1, 1, 0, 0]);
    expect(dispatchOrder(topology(10))).toEqual(byPriority);
  });

  it('without a max priority the same messages go in arrival order', () => {
    expect(dispatchOrder(topology(undefined))).toEqual(['p#0', 'np#0', 'p#1', 'np#1', 'p#2', 'p#3', 'p#4', 'p#5', 'p#6', 'p#7']);
  });

  it('a requeued message goes back to the front of its own priority', () => {
    // The consumer fails the first delivery (p#1, priority 10) and requeues it: it is next again, ahead of p#3.
    const t = topology(10);
    const c = t.nodes.find((n) => n.id === 'c')!;
    if (c.kind !== 'consumer') throw new Error('c is a consumer');
    c.config.failureProbability = 1;
    const sim = new Simulation(t);
    sim.runUntil(1_150);
    const atConsumer = sim.heldMessages('c', 1)!.messages[0]!;
    expect([`${atConsumer.producer}#${atConsumer.seq}`, atConsumer.redelivered]).toEqual(['p#1', true]);
    expect(sim.heldMessages('q', 100)!.messages.filter((m) => m.state === 'ready').map((m) => `${m.producer}#${m.seq}`)).toEqual(byPriority.slice(1));
  });

  it('max priority is 1 to 255, and a message priority 0 to 255', () => {
    const issues = (config: object, kind = 'queue') => {
      const r = loadTopology({ format: 'msgflow/1', nodes: [{ id: 'n', kind, config }], edges: [] });
      return r.ok ? [] : r.error.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(issues({ maxPriority: 0 })).toEqual(['nodes[0].config.maxPriority (node "n"): Too small: expected number to be >=1']);
    expect(issues({ maxPriority: 256 })).toEqual(['nodes[0].config.maxPriority (node "n"): Too big: expected number to be <=255']);
    expect(issues({ priorities: [5, 300] }, 'producer')).toEqual(['nodes[0].config.priorities[1] (node "n"): Too big: expected number to be <=255']);
    expect(issues({ priorities: [1, 5], priorityWeights: [1] }, 'producer')).toEqual([
      'nodes[0].config.priorityWeights (node "n"): needs one weight per priority: 2 priorities, 1 weights',
    ]);
  });
});

describe('RMQ-Q1 / RMQ-Q2 a transient queue is deleted at its restart', () => {
  // 30 messages, one every 100 ms from 0; the queue is down from 1000 to 1500 ms.
  const topology = (durable: boolean) =>
    build(
      [
        { id: 'p', kind: 'producer', config: { limit: 30, rate: { dist: 'constant', perSecond: 10 } } },
        { id: 'q', kind: 'queue', config: { durable } },
        { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 } } },
      ],
      [['p', 'q'], ['q', 'c']],
      [{ atMs: 1_000, action: 'crash', node: 'q', restartAfterMs: 500 }],
    );

  it('transient: after the restart the queue is gone; what is sent to it is lost:unroutable and its consumer gets nothing', () => {
    const sim = new Simulation(topology(false));
    sim.runUntil(1_499);
    expect(stats<QueueStats>(sim, 'q').deleted).toBe(false);
    sim.runUntil(10_000);
    // 10 delivered before the crash; 5 sent while it was down; 15 after it was deleted.
    expect(stats<QueueStats>(sim, 'q')).toMatchObject({ deleted: true, depth: 0, dispatched: 10, droppedByReason: { unroutable: 15 } });
    expect(stats<ConsumerStats>(sim, 'c').processed).toBe(10);
    expect(runReport(sim).ledger.lost).toEqual({ crash: 5, unroutable: 15 });
  });

  it('durable: the queue comes back and delivery resumes', () => {
    const sim = new Simulation(topology(true));
    sim.runUntil(10_000);
    expect(stats<QueueStats>(sim, 'q').deleted).toBe(false);
    expect(stats<ConsumerStats>(sim, 'c').processed).toBe(25);
    expect(runReport(sim).ledger.lost).toEqual({ crash: 5 });
  });

  it('a topic no longer copies to a deleted queue', () => {
    const sim = new Simulation(
      build(
        [
          { id: 'p', kind: 'producer', config: { limit: 30, rate: { dist: 'constant', perSecond: 10 } } },
          { id: 't', kind: 'topic' },
          { id: 'q', kind: 'queue' },
          { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 }, prefetch: 0 } },
        ],
        [['p', 't'], ['t', 'q'], ['t', 'c']],
        [{ atMs: 1_000, action: 'crash', node: 'q', restartAfterMs: 500 }],
      ),
    );
    sim.runUntil(10_000);
    // Copies to q: 10 before the crash (lost with it), 5 while down; after the restart none: 30 + 15 copies in all.
    expect(stats<TopicStats>(sim, 't').copiesOut).toBe(45);
    expect(runReport(sim).ledger.lost).toEqual({ crash: 15 });
    expect(stats<QueueStats>(sim, 'q').received).toBe(10);
  });
});
