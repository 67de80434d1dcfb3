import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { ConsumerStats, TopicStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

/** SNS rules of SEMANTICS.md §8, each on the smallest topology that shows it. */

type Edge = [source: string, target: string, filterPolicy?: object];

function build(nodes: object[], edges: Edge[]): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    nodes,
    edges: edges.map(([source, target, filterPolicy], i) => ({
      id: `e${i}`,
      source,
      target,
      link: { latencyMs: { dist: 'fixed', value: 1 } },
      ...(filterPolicy ? { filterPolicy } : {}),
    })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

/** 30 messages, keys eu, us, ap in turn (10 each), headers region = key and seq = 0..29. */
const producer = {
  id: 'p',
  kind: 'producer',
  config: { keys: ['eu', 'us', 'ap'], limit: 30, rate: { dist: 'constant', perSecond: 100 }, headers: { region: '{key}', seq: '{seq}' } },
};
const consumer = (id: string) => ({ id, kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 }, prefetch: 0 } });

function run(t: Topology): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(10_000);
  return sim;
}

const stats = <T>(sim: Simulation, id: string): T => sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
const processed = (sim: Simulation, id: string): number => stats<ConsumerStats>(sim, id).processed;

describe('SNS-1 fan-out / SNS-2 filter policies', () => {
  it('each subscriber gets a copy only of what its policy matches; no policy gets everything', () => {
    const sim = run(
      build(
        [producer, { id: 't', kind: 'topic' }, consumer('all'), consumer('eu'), consumer('not-us'), consumer('late-seq'), consumer('eu-or-late')],
        [
          ['p', 't'],
          ['t', 'all'],
          ['t', 'eu', { region: ['eu'] }],
          ['t', 'not-us', { region: [{ 'anything-but': ['us'] }] }],
          ['t', 'late-seq', { seq: [{ numeric: ['>=', 20] }] }],
          // AND across keys, OR within one: (eu or ap) and seq < 15 -> eu 0,3,..,12 and ap 2,5,..,14.
          ['t', 'eu-or-late', { region: ['eu', { prefix: 'a' }], seq: [{ numeric: ['<', 15] }] }],
        ],
      ),
    );
    expect(processed(sim, 'all')).toBe(30);
    expect(processed(sim, 'eu')).toBe(10);
    expect(processed(sim, 'not-us')).toBe(20);
    expect(processed(sim, 'late-seq')).toBe(10);
    expect(processed(sim, 'eu-or-late')).toBe(10);
    // 5 subscribers x 30 messages = 150 chances; 80 copies sent, 70 kept back by policies.
    expect(stats<TopicStats>(sim, 't')).toEqual({ kind: 'topic', received: 30, copiesOut: 80, denied: 0, filtered: 70 });
    expect(sim.ledger.created).toBe(80);
    expect(sim.ledger.delivered).toBe(80);
    expect(runReport(sim).ledger.lost).toEqual({});
  });

  it('a message no subscriber policy matches is lost:unroutable; a missing header matches only exists: false', () => {
    const sim = run(
      build(
        [producer, { id: 't', kind: 'topic' }, consumer('eu'), consumer('us'), consumer('no-tenant')],
        [
          ['p', 't'],
          ['t', 'eu', { region: ['eu'] }],
          ['t', 'us', { region: ['us'], tenant: [{ exists: false }] }],
          ['t', 'no-tenant', { tenant: ['acme'] }],
        ],
      ),
    );
    expect(processed(sim, 'eu')).toBe(10);
    expect(processed(sim, 'us')).toBe(10);
    expect(processed(sim, 'no-tenant')).toBe(0);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 10 });
    expect(stats<TopicStats>(sim, 't')).toMatchObject({ received: 30, copiesOut: 20, filtered: 70 });
  });

  it('a filter policy belongs on a link from a topic', () => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [{ id: 'p', kind: 'producer' }, { id: 'q', kind: 'queue' }],
      edges: [{ id: 'e', source: 'p', target: 'q', filterPolicy: { region: ['eu'] } }],
    });
    expect(!result.ok && result.error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'edges[0].filterPolicy (edge "e"): a filter policy belongs on a link from a topic, not from a producer',
    ]);
  });

  it('a malformed policy is refused with its path', () => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [{ id: 't', kind: 'topic' }, { id: 'q', kind: 'queue' }],
      edges: [{ id: 'e', source: 't', target: 'q', filterPolicy: { price: [{ numeric: ['~', 5] }] } }],
    });
    expect(!result.ok && result.error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'edges[0].filterPolicy.price[0].numeric[0] (edge "e"): unknown numeric operator "~": use = > >= < <=',
    ]);
  });
});
