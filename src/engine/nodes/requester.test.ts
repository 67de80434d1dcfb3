import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTopology, requesterConfigSchema, type Topology } from '../../model/index.ts';
import { Simulation } from '../simulation.ts';
import { conserved, fixed, lost, nodeStats, recordSends, replier, requester, rrTopology } from './request-reply-test-kit.ts';

/** Client -> server -> client, 1 ms links; the server works 1 s per request. */
function helloTopology(client: object, links: { request?: object; reply?: object } = {}, faults: object[] = []): Topology {
  return rrTopology(
    [requester('client', { limit: 10, ...client }), replier('server', { processingMs: fixed(1_000) })],
    [
      ['client', 'server', links.request],
      ['server', 'client', links.reply],
    ],
    { faults },
  );
}

function run(t: Topology, untilMs = 60_000): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

/** A cut of an unordered link: what is sent on it in [atMs, atMs + 100) is lost. */
const cut = (edge: string, atMs: number) => ({ atMs, action: 'cut', edge, healAfterMs: 100 });
const unordered = { ordered: false };

describe('ZMQ-2 REQ/REP lockstep', () => {
  it('10 requests with 1 s of work strictly alternate request and reply and take about 10 s', () => {
    const sim = new Simulation(helloTopology({}));
    const order: string[] = [];
    let seen = { sent: 0, replies: 0 };
    while (sim.step()) {
      const c = nodeStats(sim, 'client', 'requester');
      // A reply and the next request happen in one event: the reply first.
      if (c.replies > seen.replies) order.push('reply');
      if (c.sent > seen.sent) order.push('request');
      seen = c;
      expect(c.outstanding).toBeLessThanOrEqual(1);
    }
    expect(order).toEqual(Array.from({ length: 10 }, () => ['request', 'reply']).flat());
    // Each round trip: 1 ms there, 1 s of work, 1 ms back.
    expect(sim.now).toBe(10 * 1_002);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 10, replies: 10, outstanding: 0, timeouts: 0, lateReplies: 0, blocked: false, waitingSinceMs: null });
    expect(nodeStats(sim, 'client', 'requester').rttMeanMs).toBeCloseTo(1_002, 6);
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 10, replies: 10, duplicates: 0 });
    // Requests and replies are each delivered once: 10 at the server, 10 back at the client.
    expect(sim.ledger.totals()).toMatchObject({ produced: 10, created: 20, delivered: 20, duplicates: 0, inFlight: 0 });
  });

  it('a lost request with no timeout leaves the requester waiting for ever', () => {
    // Request 5 leaves at 4,008 ms, into the cut.
    const sim = run(helloTopology({}, { request: unordered }, [cut('client-server', 4_000)]));
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 5, replies: 4, outstanding: 1, blocked: true, waitingSinceMs: 4_008 });
    expect(nodeStats(sim, 'server', 'replier').requests).toBe(4);
    // Nothing is left to happen: the run is over with the request lost, not in flight.
    expect(sim.finished).toBe(true);
    expect(lost(sim, 'partition')).toBe(1);
    expect(sim.ledger.inFlight).toBe(0);
  });

  it('a lost reply with no timeout stalls it too, though the server did the work', () => {
    // Reply 5 leaves at 5,009 ms, into the cut.
    const sim = run(helloTopology({}, { reply: unordered }, [cut('server-client', 5_000)]));
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 5, replies: 4, outstanding: 1, waitingSinceMs: 4_008 });
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 5, replies: 5 });
    expect(sim.finished).toBe(true);
  });

  it('round-robins requests over its services, each of which answers', () => {
    const t = rrTopology(
      [requester('client', { limit: 10 }), replier('a', { processingMs: fixed(10) }), replier('b', { processingMs: fixed(10) })],
      [['client', 'a'], ['client', 'b'], ['a', 'client'], ['b', 'client']],
    );
    const sim = new Simulation(t);
    const sends = recordSends(sim);
    sim.runUntil(10_000);
    expect(sends.filter((s) => s.from === 'client').map((s) => s.to)).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(nodeStats(sim, 'a', 'replier').replies).toBe(5);
    expect(nodeStats(sim, 'b', 'replier').replies).toBe(5);
    expect(nodeStats(sim, 'client', 'requester').replies).toBe(10);
  });

  it('REP replies to the requester each request came from', () => {
    const t = rrTopology(
      [requester('c1', { limit: 5 }), requester('c2', { limit: 7 }), replier('server', { processingMs: fixed(10) })],
      [['c1', 'server'], ['c2', 'server'], ['server', 'c1'], ['server', 'c2']],
    );
    const sim = run(t);
    expect(nodeStats(sim, 'c1', 'requester')).toMatchObject({ sent: 5, replies: 5, lateReplies: 0 });
    expect(nodeStats(sim, 'c2', 'requester')).toMatchObject({ sent: 7, replies: 7, lateReplies: 0 });
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 12, replies: 12 });
  });
});

describe('SEMANTICS §4 request-reply: timeout, retry, late replies', () => {
  it('with a timeout and a retry, a lost request is sent again and the run finishes', () => {
    const sim = run(helloTopology({ timeoutMs: 1_500 }, { request: unordered }, [cut('client-server', 4_000)]));
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 10, replies: 10, retries: 1, timeouts: 1, gaveUp: 0, lateReplies: 0, outstanding: 0 });
    // The server never saw the lost one: no duplicate.
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 10, duplicates: 0 });
    // Request 5 went again at 4,008 + 1,500 ms; its round trip counts from the first send.
    expect(nodeStats(sim, 'client', 'requester').rttMaxMs).toBeGreaterThanOrEqual(2_502);
    expect(sim.ledger.totals()).toMatchObject({ produced: 10, delivered: 20, lost: 0, inFlight: 0 });
  });

  it('with a timeout and a retry, a lost reply makes the server process the same request twice (a duplicate)', () => {
    const sim = run(helloTopology({ timeoutMs: 1_500 }, { reply: unordered }, [cut('server-client', 5_000)]));
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 10, replies: 10, retries: 1, timeouts: 1, gaveUp: 0 });
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 11, replies: 11, duplicates: 1 });
    expect(sim.ledger.duplicates).toBe(1);
    expect(lost(sim, 'partition')).toBe(1);
  });

  it('a reply to a request already answered is discarded by correlation id and counted late', () => {
    // Timeout 600 ms, work 1 s: the resend at 600 ms waits at the server; the first reply
    // (1,002 ms) answers the request, the second (2,002 ms) is late.
    const t = rrTopology(
      [requester('client', { limit: 1, timeoutMs: 600, maxRetries: 1 }), replier('server', { processingMs: fixed(1_000) })],
      [['client', 'server'], ['server', 'client']],
    );
    const sim = run(t);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 1, retries: 1, timeouts: 1, replies: 1, lateReplies: 1, gaveUp: 0, outstanding: 0, rttMaxMs: 1_002 });
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 2, replies: 2, duplicates: 1 });
    expect(lost(sim, 'late-reply')).toBe(1);
    expect(sim.ledger.totals()).toMatchObject({ produced: 1, created: 3, delivered: 2, duplicates: 1, lost: 1, inFlight: 0 });
  });

  it('gives up after the last retry; a reply after that is late', () => {
    // Work 1 s, timeout 300 ms, 2 retries: waits run out at 300, 600 and 900 ms.
    const t = rrTopology(
      [requester('client', { limit: 1, timeoutMs: 300, maxRetries: 2 }), replier('server', { processingMs: fixed(1_000) })],
      [['client', 'server'], ['server', 'client']],
    );
    const sim = run(t);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 1, retries: 2, timeouts: 3, gaveUp: 1, replies: 0, lateReplies: 3, outstanding: 0 });
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 3, duplicates: 2 });
    expect(lost(sim, 'late-reply')).toBe(3);
  });

  it('a service that fails gives no answer: the requester gives up, the request is lost to the failure', () => {
    const t = rrTopology(
      [requester('client', { limit: 1, timeoutMs: 300, maxRetries: 1 }), replier('server', { processingMs: fixed(10), failureProbability: 1 })],
      [['client', 'server'], ['server', 'client']],
    );
    const sim = run(t);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 1, retries: 1, timeouts: 2, gaveUp: 1, replies: 0 });
    expect(nodeStats(sim, 'server', 'replier')).toMatchObject({ requests: 2, failed: 2, replies: 0 });
    expect(sim.ledger.totals()).toMatchObject({ produced: 1, created: 1, delivered: 0, lost: 1, inFlight: 0 });
    expect(lost(sim, 'processing-failure')).toBe(1);
  });

  it('keeps up to maxOutstanding requests waiting at once', () => {
    // A server with 4 slots: 4 requests in flight at a time, 12 in three rounds of 102 ms.
    const t = rrTopology(
      [requester('client', { limit: 12, maxOutstanding: 4 }), replier('server', { processingMs: fixed(100), concurrency: 4 })],
      [['client', 'server'], ['server', 'client']],
    );
    const sim = new Simulation(t);
    sim.runUntil(50);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 4, outstanding: 4, blocked: true });
    sim.runUntil(60_000);
    expect(sim.now).toBe(60_000);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 12, replies: 12, outstanding: 0 });
    expect(nodeStats(sim, 'client', 'requester').rttMaxMs).toBe(102);
  });

  it('with a rate, a request falls due on schedule but waits while the reply is outstanding', () => {
    // Due every 100 ms; each round trip takes 252 ms, so sends go at 0, 252, 504, 756 ms.
    const t = rrTopology(
      [requester('client', { limit: 20, rate: { dist: 'constant', perSecond: 10 } }), replier('server', { processingMs: fixed(250) })],
      [['client', 'server'], ['server', 'client']],
    );
    const sim = new Simulation(t);
    const sends = recordSends(sim);
    sim.runUntil(1_000);
    expect(sends.filter((s) => s.from === 'client').map((s) => s.at)).toEqual([0, 252, 504, 756]);
    // With room for all, the rate alone sets the pace.
    const open = rrTopology(
      [requester('client', { limit: 20, maxOutstanding: 100, rate: { dist: 'constant', perSecond: 10 } }), replier('server', { processingMs: fixed(250), concurrency: 10 })],
      [['client', 'server'], ['server', 'client']],
    );
    const free = new Simulation(open);
    const freeSends = recordSends(free);
    free.runUntil(1_000);
    expect(freeSends.filter((s) => s.from === 'client').map((s) => s.at)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000]);
  });

  it('takes replies through a reply queue, and requests through a queue of competing services', () => {
    const t = rrTopology(
      [
        requester('client', { limit: 20, maxOutstanding: 4 }),
        { id: 'requests', kind: 'queue' },
        replier('s1', { processingMs: fixed(20) }),
        replier('s2', { processingMs: fixed(20) }),
        { id: 'replies', kind: 'queue' },
      ],
      [['client', 'requests'], ['requests', 's1'], ['requests', 's2'], ['s1', 'replies'], ['s2', 'replies'], ['replies', 'client']],
    );
    const sim = run(t);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 20, replies: 20, lateReplies: 0, outstanding: 0 });
    expect(nodeStats(sim, 's1', 'replier').replies + nodeStats(sim, 's2', 'replier').replies).toBe(20);
    expect(nodeStats(sim, 's1', 'replier').replies).toBeGreaterThan(0);
    expect(nodeStats(sim, 's2', 'replier').replies).toBeGreaterThan(0);
    expect(nodeStats(sim, 'requests', 'queue')).toMatchObject({ acked: 20, unacked: 0, depth: 0 });
    expect(sim.ledger.totals()).toMatchObject({ delivered: 40, inFlight: 0 });
  });

  it('with no open output it waits instead of sending, as a REQ socket with no peer', () => {
    const t = rrTopology([requester('client', { limit: 3 }), replier('server', { processingMs: fixed(10) })], [['client', 'server'], ['server', 'client']]);
    const late = loadTopology({ ...t, edges: t.edges.map((e) => (e.source === 'client' ? { ...e, activeFromMs: 5_000 } : e)) });
    if (!late.ok) throw new Error(JSON.stringify(late.error));
    const sim = new Simulation(late.topology);
    sim.runUntil(4_000);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 0, blocked: true });
    sim.runUntil(10_000);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 3, replies: 3, blocked: false });
  });

  it('a crash forgets what it waited for: the reply that comes after is late', () => {
    const t = helloTopology({ limit: 2 }, {}, [{ atMs: 500, action: 'crash', node: 'client', restartAfterMs: 100 }]);
    const sim = run(t);
    // Request 1 is forgotten at 500 ms; its reply comes at 1,002 ms, late. After the restart at
    // 600 ms request 2 goes.
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 2, replies: 1, lateReplies: 1, outstanding: 0 });
    expect(lost(sim, 'late-reply')).toBe(1);
  });

  it('its own request coming back (a queue linked both ways) is no reply: discarded as late', () => {
    const t = rrTopology([requester('client', { limit: 1, timeoutMs: 100, maxRetries: 0 }), { id: 'q', kind: 'queue' }], [['client', 'q'], ['q', 'client']]);
    const sim = run(t);
    expect(nodeStats(sim, 'client', 'requester')).toMatchObject({ sent: 1, replies: 0, lateReplies: 1, gaveUp: 1 });
    expect(lost(sim, 'late-reply')).toBe(1);
  });

  it('refuses bad settings with the field named', () => {
    const bad = requesterConfigSchema.safeParse({ maxOutstanding: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['maxOutstanding']);
    expect(requesterConfigSchema.parse({})).toMatchObject({ maxOutstanding: 1, maxRetries: 3 });
    expect(requesterConfigSchema.parse({}).timeoutMs).toBeUndefined();
  });
});

describe('conservation with requesters, repliers and scatter-gathers', () => {
  const link = fc.record({
    latencyMs: fc.record({ dist: fc.constant('uniform'), min: fc.integer({ min: 0, max: 20 }), max: fc.integer({ min: 20, max: 200 }) }),
    loss: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.4, noNaN: true })),
    duplication: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.3, noNaN: true })),
    ordered: fc.boolean(),
  });
  const requesterConfig = fc.record({
    limit: fc.integer({ min: 1, max: 25 }),
    rate: fc.option(fc.record({ dist: fc.constantFrom('constant', 'poisson'), perSecond: fc.integer({ min: 1, max: 50 }) }), { nil: undefined }),
    maxOutstanding: fc.integer({ min: 1, max: 4 }),
    timeoutMs: fc.option(fc.integer({ min: 0, max: 1_500 }), { nil: undefined }),
    maxRetries: fc.integer({ min: 0, max: 3 }),
  });
  const replierConfig = fc.record({
    processingMs: fc.record({ dist: fc.constant('exponential'), mean: fc.integer({ min: 1, max: 400 }) }),
    concurrency: fc.integer({ min: 1, max: 3 }),
    failureProbability: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
  });
  const shapes = ['direct', 'two-services', 'request-queue', 'reply-queue', 'survey', 'survey-to-consumer'] as const;
  const WIRING: Record<(typeof shapes)[number], { extra: { id: string; kind: string; config?: object }[]; edges: [string, string][] }> = {
    direct: { extra: [], edges: [['r', 'a'], ['a', 'r']] },
    'two-services': { extra: [], edges: [['r', 'a'], ['r', 'b'], ['a', 'r'], ['b', 'r']] },
    'request-queue': { extra: [{ id: 'q', kind: 'queue', config: { ackTimeoutMs: 700 } }], edges: [['r', 'q'], ['q', 'a'], ['q', 'b'], ['a', 'r'], ['b', 'r']] },
    'reply-queue': { extra: [{ id: 'q', kind: 'queue' }], edges: [['r', 'a'], ['a', 'q'], ['q', 'r']] },
    survey: { extra: [{ id: 'sg', kind: 'scatter-gather', config: { deadlineMs: 150 } }], edges: [['r', 'sg'], ['sg', 'a'], ['sg', 'b'], ['a', 'sg'], ['b', 'sg'], ['sg', 'r']] },
    'survey-to-consumer': {
      extra: [{ id: 'sg', kind: 'scatter-gather', config: { deadlineMs: 150, resultTo: 'c' } }, { id: 'c', kind: 'consumer', config: { processingMs: fixed(5) } }],
      edges: [['r', 'sg'], ['sg', 'a'], ['sg', 'b'], ['a', 'sg'], ['b', 'sg'], ['sg', 'c']],
    },
  };
  const ids = ['r', 'a', 'b', 'q', 'sg'];
  const fault = fc.record({ atMs: fc.integer({ min: 0, max: 5_000 }), pick: fc.nat(), onNode: fc.boolean(), restartAfterMs: fc.integer({ min: 0, max: 2_000 }) });

  it('every copy ends in one fate or is in flight; once nothing is left to happen, only queues hold any', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        requesterConfig,
        replierConfig,
        replierConfig,
        fc.array(link, { minLength: 6, maxLength: 6 }),
        fc.array(fault, { maxLength: 3 }),
        fc.integer({ min: 0, max: 1_000 }),
        (shape, r, a, b, links, faults, seed) => {
          const { extra, edges } = WIRING[shape];
          const nodes = [requester('r', r), replier('a', a), replier('b', b), ...extra];
          const present = ids.filter((id) => nodes.some((n) => n.id === id));
          const edgeIds = edges.map(([s, t]) => `${s}-${t}`);
          const t = rrTopology(
            nodes,
            edges.map(([s, t], i) => [s, t, links[i % links.length]]),
            {
              seed,
              faults: faults.map((f) =>
                f.onNode
                  ? { atMs: f.atMs, action: 'crash', node: present[f.pick % present.length], restartAfterMs: f.restartAfterMs }
                  : { atMs: f.atMs, action: 'cut', edge: edgeIds[f.pick % edgeIds.length], healAfterMs: f.restartAfterMs },
              ),
            },
          );
          const sim = new Simulation(t);
          for (const until of [300, 1_000, 4_000, 60_000]) {
            sim.runUntil(until, 500_000);
            expect(conserved(sim)).toBe(true);
          }
          if (!sim.finished) return;
          const queued = t.nodes.some((n) => n.id === 'q') ? nodeStats(sim, 'q', 'queue') : undefined;
          expect(sim.ledger.inFlight).toBeLessThanOrEqual(queued ? queued.depth + queued.unacked : 0);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
