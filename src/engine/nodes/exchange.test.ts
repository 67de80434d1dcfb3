import { describe, expect, it } from 'vitest';
import { loadTopology, type Topology } from '../../model/index.ts';
import { runReport } from '../report.ts';
import type { ExchangeStats, ProducerStats, QueueStats } from '../session-types.ts';
import { Simulation } from '../simulation.ts';
import { headersMatch } from './exchange.ts';

/** RabbitMQ exchange rules of SEMANTICS.md §6, each on the smallest topology that shows it. */

type Edge = [source: string, target: string, binding?: object];

function build(nodes: object[], edges: Edge[]): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    nodes,
    edges: edges.map(([source, target, binding], i) => ({
      id: `e${i}`,
      source,
      target,
      link: { latencyMs: { dist: 'fixed', value: 1 } },
      ...(binding ? { binding } : {}),
    })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

/** A producer sending each of `keys` once, 10 ms apart. */
const producer = (keys: string[], config: object = {}) => ({
  id: 'p',
  kind: 'producer',
  config: { keys, limit: keys.length, rate: { dist: 'constant', perSecond: 100 }, ...config },
});
const exchange = (id: string, type: string, config: object = {}) => ({ id, kind: 'exchange', config: { type, ...config } });
const queue = (id: string, config: object = {}) => ({ id, kind: 'queue', config });

function run(t: Topology, untilMs = 1_000): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

function stats<T>(sim: Simulation, id: string): T {
  return sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as T;
}

/** The keys of the messages a queue holds, front first. */
function keysIn(sim: Simulation, id: string): (string | null)[] {
  return sim.heldMessages(id, 100)!.messages.map((m) => m.key);
}

describe('RMQ-R1 default exchange', () => {
  it('routes to the linked queue named by the routing key; a key naming no queue is unroutable', () => {
    const sim = run(
      build([producer(['hello', 'world', 'nobody']), exchange('amq.default', 'default'), queue('hello'), queue('world')], [
        ['p', 'amq.default'],
        ['amq.default', 'hello'],
        ['amq.default', 'world'],
      ]),
    );
    expect(keysIn(sim, 'hello')).toEqual(['hello']);
    expect(keysIn(sim, 'world')).toEqual(['world']);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 1 });
  });

  it('reaches every queue by its name, also one not linked to it (found by the fidelity tests)', () => {
    const sim = run(
      build([producer(['linked', 'unlinked', 'linked']), exchange('amq.default', 'default'), queue('linked'), queue('unlinked')], [
        ['p', 'amq.default'],
        ['amq.default', 'linked'],
      ]),
    );
    expect(keysIn(sim, 'linked')).toEqual(['linked', 'linked']);
    expect(keysIn(sim, 'unlinked')).toEqual(['unlinked']);
    expect(stats<ExchangeStats>(sim, 'amq.default')).toMatchObject({ received: 3, routed: 3, copiesOut: 3, unroutable: 0 });
  });
});

describe('RMQ-R2 direct exchange', () => {
  it('gives a copy to every queue whose binding key equals the routing key', () => {
    const sim = run(
      build([producer(['error', 'info', 'warning']), exchange('logs', 'direct'), queue('errors'), queue('all')], [
        ['p', 'logs'],
        ['logs', 'errors', { keys: ['error'] }],
        ['logs', 'all', { keys: ['error', 'info', 'warning'] }],
      ]),
    );
    expect(keysIn(sim, 'errors')).toEqual(['error']);
    expect(keysIn(sim, 'all')).toEqual(['error', 'info', 'warning']);
    expect(stats<ExchangeStats>(sim, 'logs')).toMatchObject({ received: 3, routed: 3, copiesOut: 4, unroutable: 0 });
    // Fan-out copies each have their own fate: 3 produced, 4 copies held.
    expect(sim.ledger.created).toBe(4);
    expect(sim.ledger.inFlight).toBe(4);
  });
});

describe('RMQ-R3 fanout exchange', () => {
  it('gives a copy to every bound queue and ignores the key', () => {
    const sim = run(
      build([producer(['x', 'y']), exchange('f', 'fanout'), queue('q1'), queue('q2'), queue('q3')], [
        ['p', 'f'],
        ['f', 'q1'],
        ['f', 'q2', { keys: ['ignored'] }],
        ['f', 'q3'],
      ]),
    );
    for (const q of ['q1', 'q2', 'q3']) expect(keysIn(sim, q)).toEqual(['x', 'y']);
  });
});

describe('RMQ-R4 topic exchange', () => {
  const topology = build(
    [
      producer(['quick.orange.rabbit', 'lazy.orange.elephant', 'quick.orange.fox', 'lazy.brown.fox', 'lazy.pink.rabbit', 'quick.brown.fox', 'quick.orange.new.rabbit', 'lazy.orange.new.rabbit']),
      exchange('topic_logs', 'topic'),
      queue('Q1'),
      queue('Q2'),
    ],
    [
      ['p', 'topic_logs'],
      ['topic_logs', 'Q1', { keys: ['*.orange.*'] }],
      ['topic_logs', 'Q2', { keys: ['*.*.rabbit', 'lazy.#'] }],
    ],
  );

  it('routes the tutorial keys exactly; a queue matched by two of its bindings gets one copy', () => {
    const sim = run(topology);
    expect(keysIn(sim, 'Q1')).toEqual(['quick.orange.rabbit', 'lazy.orange.elephant', 'quick.orange.fox']);
    // lazy.pink.rabbit matches both of Q2's bindings and arrives once.
    expect(keysIn(sim, 'Q2')).toEqual(['quick.orange.rabbit', 'lazy.orange.elephant', 'lazy.brown.fox', 'lazy.pink.rabbit', 'lazy.orange.new.rabbit']);
    // quick.brown.fox and quick.orange.new.rabbit match nothing.
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 2 });
  });
});

describe('RMQ-R5 headers exchange', () => {
  it('x-match all needs every argument, any needs one; x- arguments count only with the -with-x forms', () => {
    const headers = { format: 'pdf', type: 'report', 'x-tier': 'gold' };
    const binding = (match: string, args: Record<string, string>) => ({ keys: [], arguments: args, match }) as Parameters<typeof headersMatch>[0];
    expect(headersMatch(binding('all', { format: 'pdf', type: 'report' }), headers)).toBe(true);
    expect(headersMatch(binding('all', { format: 'pdf', type: 'log' }), headers)).toBe(false);
    expect(headersMatch(binding('any', { format: 'zip', type: 'report' }), headers)).toBe(true);
    expect(headersMatch(binding('any', { format: 'zip', type: 'log' }), headers)).toBe(false);
    expect(headersMatch(binding('all', { format: 'pdf', 'x-tier': 'silver' }), headers)).toBe(true);
    expect(headersMatch(binding('all-with-x', { format: 'pdf', 'x-tier': 'silver' }), headers)).toBe(false);
    expect(headersMatch(binding('any-with-x', { 'x-tier': 'gold' }), headers)).toBe(true);
    expect(headersMatch(binding('all', {}), headers)).toBe(true);
    expect(headersMatch(binding('any', {}), headers)).toBe(false);
  });

  it('routes on the producer’s headers and ignores the routing key', () => {
    const sim = run(
      build(
        [
          producer(['k'], { limit: 4, headers: { format: '{seq}' } }),
          exchange('h', 'headers'),
          queue('zero'),
          queue('zero-or-two'),
        ],
        [
          ['p', 'h'],
          ['h', 'zero', { arguments: { format: '0' } }],
          ['h', 'zero-or-two', { arguments: { format: '0', other: '2' }, match: 'any' }],
        ],
      ),
    );
    expect(sim.heldMessages('zero', 10)!.messages.map((m) => m.seq)).toEqual([0]);
    expect(sim.heldMessages('zero-or-two', 10)!.messages.map((m) => m.seq)).toEqual([0]);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 3 });
  });
});

describe('RMQ-R6 unroutable messages', () => {
  const triad = (producerConfig: object, withAlternate: boolean) =>
    build(
      [
        producer(['known', 'unknown'], producerConfig),
        exchange('main', 'direct', withAlternate ? { alternateExchange: 'ae' } : {}),
        queue('q'),
        ...(withAlternate ? [exchange('ae', 'fanout'), queue('unrouted')] : []),
      ],
      [['p', 'main'], ['main', 'q', { keys: ['known'] }], ...(withAlternate ? ([['ae', 'unrouted']] as Edge[]) : [])],
    );

  it('plain publish: dropped silently as lost:unroutable', () => {
    const sim = run(triad({}, false));
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 1 });
    expect(stats<ProducerStats>(sim, 'p').returned).toBe(0);
  });

  it('mandatory: returned to the publisher (rejected), and still confirmed with an ack (RMQ-P1)', () => {
    const sim = run(triad({ mandatory: true, confirms: true }, false));
    expect(sim.ledger.rejected).toBe(1);
    expect(runReport(sim).ledger.lost).toEqual({});
    expect(stats<ProducerStats>(sim, 'p')).toMatchObject({ returned: 1, confirmed: 2 });
  });

  it('alternate exchange: routed there, counted as routed, and not returned even when mandatory', () => {
    const sim = run(triad({ mandatory: true }, true));
    expect(keysIn(sim, 'unrouted')).toEqual(['unknown']);
    expect(keysIn(sim, 'q')).toEqual(['known']);
    expect(stats<ProducerStats>(sim, 'p').returned).toBe(0);
    expect(stats<ExchangeStats>(sim, 'main')).toMatchObject({ received: 2, routed: 1, toAlternate: 1, unroutable: 0 });
    expect(stats<ExchangeStats>(sim, 'ae')).toMatchObject({ routed: 1 });
  });

  it('alternate exchanges chain, and a loop of them ends as unroutable', () => {
    const sim = run(
      build(
        [producer(['a', 'b', 'c']), exchange('x1', 'direct', { alternateExchange: 'x2' }), exchange('x2', 'direct', { alternateExchange: 'x1' }), queue('qa'), queue('qb')],
        [
          ['p', 'x1'],
          ['x1', 'qa', { keys: ['a'] }],
          ['x2', 'qb', { keys: ['b'] }],
        ],
      ),
    );
    expect(keysIn(sim, 'qa')).toEqual(['a']);
    expect(keysIn(sim, 'qb')).toEqual(['b']);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 1 });
  });
});

describe('RMQ-D1 dead-letter exchange and routing key', () => {
  it('dead letters are republished to the exchange with the dead-letter routing key, their x-death recorded', () => {
    const sim = run(
      build(
        [
          producer(['orders'], { limit: 2 }),
          queue('work', { messageTtlMs: 0, deadLetterTarget: 'dlx', deadLetterRoutingKey: 'expired.orders' }),
          exchange('dlx', 'topic'),
          queue('expired'),
          queue('everything'),
        ],
        [
          ['p', 'work'],
          ['dlx', 'expired', { keys: ['expired.*'] }],
          ['dlx', 'everything', { keys: ['#'] }],
        ],
      ),
    );
    const expired = sim.heldMessages('expired', 10)!.messages;
    expect(expired.map((m) => [m.seq, m.key, m.deadLetterReason])).toEqual([
      [0, 'expired.orders', 'expired'],
      [1, 'expired.orders', 'expired'],
    ]);
    expect(expired[0]!.deaths).toEqual([{ queue: 'work', reason: 'expired', count: 1 }]);
    expect(keysIn(sim, 'everything')).toEqual(['expired.orders', 'expired.orders']);
    expect(runReport(sim).ledger.deadLettered).toEqual({ expired: 2 });
    expect(stats<QueueStats>(sim, 'work').deadLettered).toBe(2);
  });
});

describe('load-time checks', () => {
  it('refuse a binding on a link that does not leave an exchange, and an alternate that is not an exchange', () => {
    const result = loadTopology({
      format: 'msgflow/1',
      nodes: [
        { id: 'p', kind: 'producer' },
        { id: 'x', kind: 'exchange', config: { alternateExchange: 'q' } },
        { id: 'q', kind: 'queue' },
      ],
      edges: [
        { id: 'e1', source: 'p', target: 'q', binding: { keys: ['k'] } },
        { id: 'e2', source: 'x', target: 'q', binding: { keys: ['k'] } },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues.map((i) => `${i.path.split(' ')[0]}: ${i.message}`)).toEqual([
      'nodes[1].config.alternateExchange: an alternate exchange must be an exchange, not a queue',
      'edges[0].binding: a binding belongs on a link from an exchange, not from a producer',
    ]);
  });
});

describe('late binding (SCENARIOS 4: a subscriber joining at 30 s)', () => {
  it('a queue bound to a fanout exchange at 30 s receives nothing published before, everything after', () => {
    const t = loadTopology({
      format: 'msgflow/1',
      nodes: [
        { id: 'p', kind: 'producer', config: { rate: { dist: 'constant', perSecond: 1 } } },
        { id: 'news', kind: 'exchange', config: { type: 'fanout' } },
        { id: 'early', kind: 'queue' },
        { id: 'late', kind: 'queue' },
      ],
      edges: [
        { id: 'e0', source: 'p', target: 'news', link: { latencyMs: { dist: 'fixed', value: 1 } } },
        { id: 'e1', source: 'news', target: 'early', link: { latencyMs: { dist: 'fixed', value: 1 } } },
        { id: 'e2', source: 'news', target: 'late', activeFromMs: 30_000, link: { latencyMs: { dist: 'fixed', value: 1 } } },
      ],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.error));
    const sim = run(t.topology, 59_999);
    // Sent at 0, 1 s, ..., 59 s; each reaches the exchange 1 ms later.
    expect(stats<QueueStats>(sim, 'early').depth).toBe(60);
    expect(sim.heldMessages('late', 100)!.messages.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => 30 + i));
    expect(runReport(sim).ledger.lost).toEqual({});
  });
});

describe('RMQ-P1 / RMQ-L2 publisher confirms behind an exchange', () => {
  const behindExchange = (overflow: string) =>
    build(
      [producer(['k', 'k', 'k', 'k', 'k'], { confirms: true }), exchange('x', 'direct'), queue('q', { maxLength: 3, overflow }), queue('other')],
      [
        ['p', 'x'],
        ['x', 'q', { keys: ['k'] }],
        ['x', 'other', { keys: ['k'] }],
      ],
    );

  it('reject-publish at a bound queue nacks the publish, though the other queue took its copy', () => {
    const sim = run(behindExchange('reject-publish'), 10_000);
    expect(stats<ProducerStats>(sim, 'p')).toMatchObject({ confirmed: 3, refused: 2 });
    expect(stats<QueueStats>(sim, 'other').depth).toBe(5);
  });

  it('block: the confirm waits until the blocked queue takes its copy', () => {
    const sim = run(behindExchange('block'), 10_000);
    expect(stats<QueueStats>(sim, 'q').blocked).toBe(2);
    expect(stats<ProducerStats>(sim, 'p').confirmed).toBe(3);
  });
});

describe('RMQ-Q2 bindings across a restart: a binding survives only if both ends are durable', () => {
  /** 30 messages one every 100 ms from 0 ms, keys a, b in turn; `faults` given per test. */
  const paced = (config: object = {}) => ({
    id: 'p',
    kind: 'producer',
    config: { keys: ['a', 'b'], limit: 30, rate: { dist: 'constant', perSecond: 10 }, ...config },
  });
  const withFaults = (t: Topology, faults: object[]): Topology => {
    const result = loadTopology({ ...t, faults });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.topology;
  };

  // x binds "transient" with a and b, "durable" with a only; the transient queue is down from 1000 to 1500 ms.
  const transientQueue = (producerConfig: object = {}, withAlternate = false) =>
    withFaults(
      build(
        [
          paced(producerConfig),
          exchange('x', 'direct', withAlternate ? { alternateExchange: 'ae' } : {}),
          queue('transient'),
          queue('durable', { durable: true }),
          ...(withAlternate ? [exchange('ae', 'fanout'), queue('unrouted')] : []),
        ],
        [
          ['p', 'x'],
          ['x', 'transient', { keys: ['a', 'b'] }],
          ['x', 'durable', { keys: ['a'] }],
          ...(withAlternate ? ([['ae', 'unrouted']] as Edge[]) : []),
        ],
      ),
      [{ atMs: 1_000, action: 'crash', node: 'transient', restartAfterMs: 500 }],
    );

  // Before the crash: 10 to transient (lost with it), 5 (a) to durable. While down: 5 copies lost:crash, 3 (a) to durable.
  // After the restart, 15 more: the 7 with key a go to durable; the 8 with key b matched only the deleted queue's binding.
  it('a transient queue deleted at its restart takes its bindings with it: what only it matched is unroutable', () => {
    const sim = run(transientQueue(), 10_000);
    expect(stats<QueueStats>(sim, 'transient')).toMatchObject({ deleted: true, depth: 0 });
    expect(stats<QueueStats>(sim, 'durable').depth).toBe(15);
    expect(stats<ExchangeStats>(sim, 'x')).toMatchObject({ received: 30, unroutable: 8, bindingsLost: 0 });
    expect(runReport(sim).ledger.lost).toEqual({ crash: 15, unroutable: 8 });
  });

  it('with mandatory the 8 go back to the producer; with an alternate exchange they are routed there', () => {
    const mandatory = run(transientQueue({ mandatory: true }), 10_000);
    expect(stats<ProducerStats>(mandatory, 'p').returned).toBe(8);
    expect(runReport(mandatory).ledger.lost).toEqual({ crash: 15 });
    expect(runReport(mandatory).ledger.rejected).toBe(8);
    const alternate = run(transientQueue({}, true), 10_000);
    expect(stats<QueueStats>(alternate, 'unrouted').depth).toBe(8);
    expect(runReport(alternate).ledger.lost).toEqual({ crash: 15 });
  });

  // Both queues bound with a; the exchange is down from 1050 to 1550 ms: 11 sent before, 5 lost:crash at it, 14 after.
  const exchangeRestart = (durable: boolean) =>
    withFaults(
      build(
        [paced({ keys: ['a'] }), exchange('x', 'direct', { durable }), queue('tq'), queue('dq', { durable: true })],
        [
          ['p', 'x'],
          ['x', 'tq', { keys: ['a'] }],
          ['x', 'dq', { keys: ['a'] }],
        ],
      ),
      [{ atMs: 1_050, action: 'crash', node: 'x', restartAfterMs: 500 }],
    );

  it('a durable exchange keeps its binding to a durable queue and loses the one to a transient queue', () => {
    const sim = run(exchangeRestart(true), 10_000);
    expect(stats<QueueStats>(sim, 'dq').depth).toBe(25);
    expect(stats<QueueStats>(sim, 'tq').depth).toBe(11);
    expect(stats<ExchangeStats>(sim, 'x')).toMatchObject({ bindingsLost: 1, unroutable: 0 });
    expect(runReport(sim).ledger.lost).toEqual({ crash: 5 });
  });

  it('a transient exchange comes back with no bindings: everything after its restart is unroutable', () => {
    const sim = run(exchangeRestart(false), 10_000);
    expect(stats<QueueStats>(sim, 'dq').depth).toBe(11);
    expect(stats<QueueStats>(sim, 'tq').depth).toBe(11);
    expect(stats<ExchangeStats>(sim, 'x')).toMatchObject({ bindingsLost: 2, unroutable: 14 });
    expect(runReport(sim).ledger.lost).toEqual({ crash: 5, unroutable: 14 });
  });

  it('RMQ-R1: the default exchange is always durable', () => {
    const r = loadTopology({ format: 'msgflow/1', nodes: [exchange('x', 'default', { durable: false })], edges: [] });
    expect(!r.ok && r.error.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['nodes[0].config.durable (node "x"): the default exchange is always durable (RMQ-R1)']);
  });
});
