/**
 * NATS core fidelity cases (SEMANTICS.md §11): subject wildcards (N-2), discard without a
 * subscriber (N-1) and queue groups (N-3), each on the smallest topology that shows it.
 *
 * API:
 * - `NATS_CASES`: the cases, run by nats.fidelity.test.ts on both sides. Queue-group
 *   members are drawn at random on both sides, so those cases are compared with each group
 *   merged (nats.ts `mergeQueueGroups`): which messages the group got, each once.
 */
import type { FidelityCase } from '../case.ts';

interface Subscriber {
  id: string;
  subject: string;
  queueGroup?: string;
  /** The subscription starts at this sim time. */
  activeFromMs?: number;
}

interface Publisher {
  id: string;
  /** Subjects published on in turn, one message each, 20 a second. */
  subjects: string[];
  limit: number;
  startMs?: number;
}

/** Producers -> one NATS server `n` -> subscribers, over 5 ms ordered links. */
function natsTopology(name: string, publishers: Publisher[], subscribers: Subscriber[]): unknown {
  const link = { latencyMs: { dist: 'fixed', value: 5 } };
  return {
    format: 'msgflow/1',
    name,
    seed: 7,
    nodes: [
      ...publishers.map((p) => ({
        id: p.id,
        kind: 'producer',
        config: { rate: { dist: 'constant', perSecond: 20 }, keys: p.subjects, limit: p.limit, startMs: p.startMs ?? 0 },
      })),
      { id: 'n', kind: 'nats-server' },
      ...subscribers.map((s) => ({ id: s.id, kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 }, prefetch: 0 } })),
    ],
    edges: [
      ...publishers.map((p) => ({ id: `${p.id}-n`, source: p.id, target: 'n', link })),
      ...subscribers.map((s) => ({
        id: `n-${s.id}`,
        source: 'n',
        target: s.id,
        link,
        natsSubscription: s.queueGroup === undefined ? { subject: s.subject } : { subject: s.subject, queueGroup: s.queueGroup },
        ...(s.activeFromMs === undefined ? {} : { activeFromMs: s.activeFromMs }),
      })),
    ],
  };
}

export const NATS_CASES: readonly FidelityCase[] = [
  {
    rule: 'N-2',
    title: '* is exactly one token',
    topology: natsTopology(
      'N-2 star',
      [{ id: 'p', subjects: ['orders', 'orders.eu', 'orders.eu.new', 'orders.us'], limit: 8 }],
      [
        { id: 'star', subject: 'orders.*' },
        { id: 'middle', subject: '*.eu' },
        { id: 'two-stars', subject: '*.*' },
      ],
    ),
  },
  {
    rule: 'N-2',
    title: '> is one or more tokens, so orders.> does not match orders',
    topology: natsTopology(
      'N-2 full wildcard',
      [{ id: 'p', subjects: ['orders', 'orders.eu', 'orders.eu.new', 'billing.eu'], limit: 8 }],
      [
        { id: 'rest', subject: 'orders.>' },
        { id: 'all', subject: '>' },
        { id: 'star-rest', subject: '*.eu.>' },
      ],
    ),
  },
  {
    rule: 'N-2',
    title: 'a published subject with an empty token reaches no one, not even >',
    topology: natsTopology(
      'N-2 empty token',
      [{ id: 'p', subjects: ['orders.eu', 'orders..eu', '.orders', 'orders.'], limit: 8 }],
      [
        { id: 'all', subject: '>' },
        { id: 'orders', subject: 'orders.>' },
        { id: 'middle', subject: 'orders.*.eu' },
      ],
    ),
  },
  {
    rule: 'N-2',
    title: 'literal subjects are exact and case-sensitive',
    topology: natsTopology(
      'N-2 literal',
      [{ id: 'p', subjects: ['orders.eu', 'Orders.eu', 'orders.eu.new'], limit: 6 }],
      [
        { id: 'exact', subject: 'orders.eu' },
        { id: 'capital', subject: 'Orders.eu' },
      ],
    ),
  },
  {
    rule: 'N-1',
    title: 'a message no subscription matches is discarded',
    topology: natsTopology(
      'N-1 no subscriber',
      [{ id: 'p', subjects: ['orders.eu', 'billing.eu', 'orders'], limit: 9 }],
      [{ id: 'orders', subject: 'orders.*' }],
    ),
  },
  {
    rule: 'N-1',
    title: 'a late subscriber gets nothing published before it subscribed',
    topology: natsTopology(
      'N-1 late subscriber',
      // Publishes every 50 ms from 0; they reach the server 5 ms later. The late link opens at 180 ms: after the 4th.
      [{ id: 'p', subjects: ['orders.eu'], limit: 8 }],
      [
        { id: 'early', subject: 'orders.>' },
        { id: 'late', subject: 'orders.>', activeFromMs: 180 },
      ],
    ),
  },
  {
    rule: 'N-1',
    title: 'each subscriber sees every publisher in its publish order',
    topology: natsTopology(
      'N-1 order per publisher',
      [
        { id: 'a', subjects: ['orders.eu', 'orders.us'], limit: 6 },
        { id: 'b', subjects: ['orders.eu'], limit: 6, startMs: 25 },
      ],
      [
        { id: 'eu', subject: 'orders.eu' },
        { id: 'all', subject: 'orders.*' },
      ],
    ),
  },
  {
    rule: 'N-3',
    title: 'a queue group gets each message once; a plain subscriber still gets every one',
    topology: natsTopology(
      'N-3 queue group',
      [{ id: 'p', subjects: ['jobs.resize', 'jobs.crop'], limit: 20 }],
      [
        { id: 'w1', subject: 'jobs.*', queueGroup: 'workers' },
        { id: 'w2', subject: 'jobs.*', queueGroup: 'workers' },
        { id: 'w3', subject: 'jobs.*', queueGroup: 'workers' },
        { id: 'audit', subject: 'jobs.>' },
      ],
    ),
  },
  {
    rule: 'N-3',
    title: 'a queue group is its name: members on different matching subjects share; two groups each get all',
    topology: natsTopology(
      'N-3 groups by name',
      [{ id: 'p', subjects: ['jobs.resize', 'jobs.resize.large'], limit: 12 }],
      [
        { id: 'a1', subject: 'jobs.*', queueGroup: 'a' },
        { id: 'a2', subject: 'jobs.>', queueGroup: 'a' },
        { id: 'b1', subject: 'jobs.>', queueGroup: 'b' },
        { id: 'b2', subject: 'jobs.>', queueGroup: 'b' },
      ],
    ),
  },
];
