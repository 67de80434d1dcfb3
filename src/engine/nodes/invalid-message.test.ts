import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { ConsumerStats, QueueStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

/** EIP Invalid Message Channel at a consumer, on the smallest topologies that show it. */

type Edge = [source: string, target: string];

/** 30 messages with keys ok, bad, ok in turn (10 bad), into `source`, consumed by c. */
function build(consumerConfig: object, source: 'queue' | 'topic', invalidTarget = 'invalid'): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    nodes: [
      { id: 'p', kind: 'producer', config: { keys: ['ok', 'bad', 'ok'], limit: 30, rate: { dist: 'constant', perSecond: 100 } } },
      { id: 'in', kind: source },
      { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 }, invalidMessage: { when: { key: 'bad' }, target: invalidTarget }, ...consumerConfig } },
      { id: 'invalid', kind: 'queue' },
    ],
    edges: ([['p', 'in'], ['in', 'c']] as Edge[]).map(([s, t], i) => ({ id: `e${i}`, source: s, target: t, link: { latencyMs: { dist: 'fixed', value: 1 } } })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

function run(t: Topology): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(10_000);
  return sim;
}

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}

describe('EIP Invalid Message Channel', () => {
  it('a message the condition holds for is moved to the channel (dead-lettered invalid), not processed, and acked at its queue', () => {
    const sim = run(build({}, 'queue'));
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ received: 30, processed: 20, invalid: 10 });
    expect(stats<QueueStats>(sim, 'in')).toMatchObject({ dispatched: 30, acked: 30, unacked: 0, depth: 0 });
    const moved = sim.heldMessages('invalid', 100)!.messages;
    expect(moved.map((m) => m.seq)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28]);
    expect(moved[0]).toMatchObject({ key: 'bad', deadLetterReason: 'invalid', deaths: [{ queue: 'in', reason: 'invalid', count: 1 }] });
    const r = runReport(sim);
    expect(r.ledger.deadLettered).toEqual({ invalid: 10 });
    expect(r.ledger.delivered).toBe(20);
    // 30 produced and 10 dead-letter copies, each with one fate: 10 still wait in the channel.
    expect(sim.ledger.created).toBe(40);
    expect(sim.ledger.inFlight).toBe(10);
  });

  it('the same with auto-ack, and from a topic with no queue to ack', () => {
    for (const sim of [run(build({ ack: 'auto' }, 'queue')), run(build({}, 'topic'))]) {
      expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ processed: 20, invalid: 10 });
      expect(stats<QueueStats>(sim, 'invalid').depth).toBe(10);
      expect(runReport(sim).ledger.deadLettered).toEqual({ invalid: 10 });
    }
  });

  it('a channel leading back to the queue the message came from is a dead-letter cycle: dropped (RMQ-D1)', () => {
    const sim = run(build({}, 'queue', 'in'));
    expect(stats<ConsumerStats>(sim, 'c')).toMatchObject({ processed: 20, invalid: 10 });
    expect(runReport(sim).ledger.lost).toEqual({ 'dead-letter-cycle': 10 });
    expect(sim.ledger.inFlight).toBe(0);
  });

  it('the channel must be a queue that exists', () => {
    const issues = (target: string) => {
      const r = loadTopology({
        format: 'msgflow/1',
        nodes: [
          { id: 'c', kind: 'consumer', config: { invalidMessage: { when: { headers: { schema: 'v1' } }, target } } },
          { id: 't', kind: 'topic' },
        ],
        edges: [],
      });
      return r.ok ? [] : r.error.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(issues('nowhere')).toEqual(['nodes[0].config.invalidMessage.target (node "c"): no node with id "nowhere"']);
    expect(issues('t')).toEqual(['nodes[0].config.invalidMessage.target (node "c"): an invalid-message channel must be a queue, not a topic']);
  });
});
