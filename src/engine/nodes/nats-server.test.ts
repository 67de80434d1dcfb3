import { describe, expect, it } from 'vitest';
import { edgeSchema, loadTopology, natsSubscriptionSchema, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { ConsumerStats, NatsServerStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';

/** NATS core rules of SEMANTICS.md §11, each on the smallest topology that shows it. */

type Edge = { source: string; target: string; loss?: number; natsSubscription?: { subject: string; queueGroup?: string }; activeFromMs?: number };

function build(nodes: object[], edges: Edge[], faults: object[] = [], seed = 3): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed,
    nodes,
    edges: edges.map(({ source, target, loss = 0, natsSubscription, activeFromMs }, i) => ({
      id: `e${i}`,
      source,
      target,
      link: { latencyMs: { dist: 'fixed', value: 5 }, loss },
      ...(natsSubscription ? { natsSubscription } : {}),
      ...(activeFromMs === undefined ? {} : { activeFromMs }),
    })),
    faults,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

/** Publishes `limit` messages, 10 a second, on its subjects in turn. */
const publisher = (subjects: string[], limit: number) => ({
  id: 'p',
  kind: 'producer',
  config: { rate: { dist: 'constant', perSecond: 10 }, keys: subjects, limit },
});
const server = { id: 'n', kind: 'nats-server' };
const subscriber = (id: string) => ({ id, kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 }, prefetch: 0 } });
const sub = (subject: string, queueGroup?: string) => ({ natsSubscription: queueGroup === undefined ? { subject } : { subject, queueGroup } });

function run(t: Topology, untilMs = 100_000): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}
const received = (sim: Simulation, id: string): number => stats<ConsumerStats>(sim, id).received;

describe('N-2 subjects: * is exactly one token, > one or more, last', () => {
  // 10 messages on each subject.
  const sim = run(
    build(
      [publisher(['orders.eu', 'orders.eu.new', 'orders', 'audit.eu'], 40), server, subscriber('star'), subscriber('rest'), subscriber('first'), subscriber('exact')],
      [
        { source: 'p', target: 'n' },
        { source: 'n', target: 'star', ...sub('orders.*') },
        { source: 'n', target: 'rest', ...sub('orders.>') },
        { source: 'n', target: 'first', ...sub('*.eu') },
        { source: 'n', target: 'exact', ...sub('orders') },
      ],
    ),
  );

  it('orders.* takes orders.eu only: not orders (no token for *) nor orders.eu.new (two tokens)', () => {
    expect(received(sim, 'star')).toBe(10);
  });

  it('orders.> takes orders.eu and orders.eu.new, not orders itself (> needs a token)', () => {
    expect(received(sim, 'rest')).toBe(20);
  });

  it('*.eu takes orders.eu and audit.eu; a literal subject only itself', () => {
    expect(received(sim, 'first')).toBe(20);
    expect(received(sim, 'exact')).toBe(10);
  });

  it('every subject had a subscriber: a copy per matching subscription, all delivered', () => {
    const r = runReport(sim);
    expect(r.ledger.produced).toBe(40);
    expect(r.ledger.delivered).toBe(60);
    expect(r.ledger.lost).toEqual({});
    expect(stats<NatsServerStats>(sim, 'n')).toMatchObject({ received: 40, copiesOut: 60, unroutable: 0 });
  });
});

describe('N-2 a published subject with an empty token reaches no one', () => {
  it('not even > takes orders..eu, .orders or orders.: they are discarded, as nats-server does', () => {
    const sim = run(
      build([publisher(['orders.eu', 'orders..eu', '.orders', 'orders.'], 8), server, subscriber('all'), subscriber('star')], [
        { source: 'p', target: 'n' },
        { source: 'n', target: 'all', ...sub('>') },
        { source: 'n', target: 'star', ...sub('orders.*.eu') },
      ]),
    );
    expect(received(sim, 'all')).toBe(2);
    expect(received(sim, 'star')).toBe(0);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 6 });
  });
});

describe('N-2 subscription syntax', () => {
  const problem = (subject: string): string | undefined => natsSubscriptionSchema.safeParse({ subject }).error?.issues[0]?.message;

  it('takes literal subjects and whole-token wildcards', () => {
    for (const subject of ['orders', 'orders.eu.new', '*', '>', 'orders.*.new', '*.*.>', 'a-b_c.$x']) expect(problem(subject)).toBeUndefined();
  });

  it('refuses > before the last token, partial-token wildcards, empty tokens and spaces, saying why', () => {
    expect(problem('orders.>.new')).toBe('not a valid NATS subject: > matches the rest of the subject: it comes last only');
    expect(problem('orders*')).toBe('not a valid NATS subject: "orders*": * and > stand for a whole token');
    expect(problem('orders..eu')).toContain('no empty tokens');
    expect(problem('.orders')).toContain('no empty tokens');
    expect(problem('orders.')).toContain('no empty tokens');
    expect(problem('orders eu')).toContain('no spaces');
    expect(problem('')).toContain('must not be empty');
  });

  it('refuses an empty or spaced queue group name', () => {
    expect(natsSubscriptionSchema.safeParse({ subject: 'a', queueGroup: '' }).success).toBe(false);
    expect(natsSubscriptionSchema.safeParse({ subject: 'a', queueGroup: 'my group' }).success).toBe(false);
    expect(natsSubscriptionSchema.safeParse({ subject: 'a', queueGroup: 'workers' }).success).toBe(true);
  });

  it('a NATS subscription belongs on a link from a NATS server only', () => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [{ id: 't', kind: 'topic' }, subscriber('c')],
      edges: [{ id: 'e', source: 't', target: 'c', natsSubscription: { subject: 'a' } }],
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result.ok ? undefined : result.error)).toContain('a NATS subscription belongs on a link from a NATS server, not from a topic');
    expect(edgeSchema.safeParse({ id: 'e', source: 'n', target: 'c', natsSubscription: { subject: 'a.>.b' } }).success).toBe(false);
  });
});

describe('N-1 core NATS is at most once and keeps nothing', () => {
  it('a message no subscription matches is discarded (lost:unroutable)', () => {
    const sim = run(
      build([publisher(['orders.eu', 'billing.eu'], 20), server, subscriber('c')], [
        { source: 'p', target: 'n' },
        { source: 'n', target: 'c', ...sub('orders.>') },
      ]),
    );
    const r = runReport(sim);
    expect(received(sim, 'c')).toBe(10);
    expect(r.ledger.lost).toEqual({ unroutable: 10 });
    expect(stats<NatsServerStats>(sim, 'n').unroutable).toBe(10);
  });

  it('a subscriber that joins late gets nothing of what came before: nothing was kept for it', () => {
    // 10 a second from t=0: the publishes at 0, 100, ..., 900 ms come before the link opens at 950 ms.
    const sim = run(
      build([publisher(['orders'], 30), server, subscriber('c')], [
        { source: 'p', target: 'n' },
        { source: 'n', target: 'c', ...sub('orders'), activeFromMs: 950 },
      ]),
    );
    expect(received(sim, 'c')).toBe(20);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 10 });
  });

  it('a copy lost on the link is not sent again: delivered + lost = published, no duplicates', () => {
    const sim = run(
      build([publisher(['orders'], 1_000), server, subscriber('c')], [
        { source: 'p', target: 'n' },
        { source: 'n', target: 'c', loss: 0.2, ...sub('orders') },
      ]),
      200_000,
    );
    const r = runReport(sim);
    const lost = r.ledger.lost['link-loss'] ?? 0;
    expect(lost).toBeGreaterThan(150);
    expect(lost).toBeLessThan(250);
    expect(r.ledger.delivered + lost).toBe(1_000);
    expect(r.ledger.duplicates).toBe(0);
  });

  it('a crashed subscriber has no subscription: what comes meanwhile goes to the others, or nowhere', () => {
    // Messages every 100 ms; c2 is down from 1050 ms to 2050 ms: the 10 publishes at 1100..2000 ms miss it.
    const sim = run(
      build([publisher(['orders'], 40), server, subscriber('c1'), subscriber('c2')], [
        { source: 'p', target: 'n' },
        { source: 'n', target: 'c1', ...sub('orders') },
        { source: 'n', target: 'c2', ...sub('orders') },
      ], [{ atMs: 1_050, action: 'crash', node: 'c2', restartAfterMs: 1_000 }]),
    );
    expect(received(sim, 'c1')).toBe(40);
    expect(received(sim, 'c2')).toBe(30);
  });
});

describe('N-3 queue groups: each message to one member; plain subscribers still get copies', () => {
  const groupOfThree = (seed: number) =>
    run(
      build(
        [publisher(['jobs.resize'], 300), server, subscriber('w1'), subscriber('w2'), subscriber('w3'), subscriber('audit')],
        [
          { source: 'p', target: 'n' },
          { source: 'n', target: 'w1', ...sub('jobs.*', 'workers') },
          { source: 'n', target: 'w2', ...sub('jobs.*', 'workers') },
          { source: 'n', target: 'w3', ...sub('jobs.*', 'workers') },
          { source: 'n', target: 'audit', ...sub('jobs.>') },
        ],
        [],
        seed,
      ),
    );

  it('the members share the 300 messages exactly, each getting some; the plain subscriber gets all 300', () => {
    const sim = groupOfThree(3);
    const shares = ['w1', 'w2', 'w3'].map((id) => received(sim, id));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(300);
    for (const share of shares) expect(share).toBeGreaterThan(60);
    expect(received(sim, 'audit')).toBe(300);
    const r = runReport(sim);
    expect(r.ledger.delivered).toBe(600);
    expect(r.ledger.duplicates).toBe(0);
    expect(stats<NatsServerStats>(sim, 'n')).toMatchObject({ copiesOut: 600, toQueueGroups: 300 });
  });

  it('the member is drawn at random per message from the seed: the same seed shares alike, another seed differently', () => {
    const shares = (seed: number) => ['w1', 'w2', 'w3'].map((id) => received(groupOfThree(seed), id));
    expect(shares(3)).toEqual(shares(3));
    expect(shares(4)).not.toEqual(shares(3));
  });

  it('a group is its name: members on different matching subjects still share, and two groups each get every message', () => {
    const sim = run(
      build(
        [publisher(['jobs.resize'], 100), server, subscriber('a1'), subscriber('a2'), subscriber('b1'), subscriber('b2')],
        [
          { source: 'p', target: 'n' },
          { source: 'n', target: 'a1', ...sub('jobs.*', 'a') },
          { source: 'n', target: 'a2', ...sub('jobs.>', 'a') },
          { source: 'n', target: 'b1', ...sub('jobs.resize', 'b') },
          { source: 'n', target: 'b2', ...sub('jobs.resize', 'b') },
        ],
      ),
    );
    expect(received(sim, 'a1') + received(sim, 'a2')).toBe(100);
    expect(received(sim, 'b1') + received(sim, 'b2')).toBe(100);
    expect(runReport(sim).ledger.delivered).toBe(200);
  });

  it('a member whose subject does not match is not drawn; a crashed member is out of the group while down', () => {
    const sim = run(
      build([publisher(['jobs.resize'], 40), server, subscriber('w1'), subscriber('w2'), subscriber('other')], [
        { source: 'p', target: 'n' },
        { source: 'n', target: 'w1', ...sub('jobs.resize', 'workers') },
        { source: 'n', target: 'w2', ...sub('jobs.resize', 'workers') },
        { source: 'n', target: 'other', ...sub('billing.*', 'workers') },
      ], [{ atMs: 0, action: 'crash', node: 'w2' }]),
    );
    expect(received(sim, 'w1')).toBe(40);
    expect(received(sim, 'w2')).toBe(0);
    expect(received(sim, 'other')).toBe(0);
  });
});
