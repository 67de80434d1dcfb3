/**
 * RabbitMQ routing cases (SEMANTICS.md RMQ-R1..R6): which queue gets which message, and
 * what is returned or dropped. Each consumer reads one queue, so its deliveries are that
 * queue's contents in order; a message no consumer got and nobody was returned was dropped.
 */
import type { FidelityCase } from '../case.ts';
import type { RabbitScript } from '../rabbitmq.ts';

type Binding = { keys?: string[]; arguments?: Record<string, string>; match?: 'all' | 'any' | 'all-with-x' | 'any-with-x' };

/** A producer sending `keys` once each, 10 ms apart, starting at `startMs`. */
function producer(id: string, keys: string[], extra: Record<string, unknown> = {}, startMs = 0) {
  return { id, kind: 'producer', config: { rate: { dist: 'constant', perSecond: 100 }, keys, limit: keys.length, startMs, ...extra } };
}

/** A queue, the consumer reading it (named `c` + the queue's id), and the link between them. */
function queueWithConsumer(id: string) {
  return {
    nodes: [
      { id, kind: 'queue', config: {} },
      { id: `c${id}`, kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 } } },
    ],
    edges: [{ id: `${id}-c${id}`, source: id, target: `c${id}` }],
  };
}

/** Exchange `exchange` of `type`, fed by `producers`, with one consumed queue per binding. */
function routing(
  type: string,
  producers: ReturnType<typeof producer>[],
  bindings: Record<string, Binding>,
  exchangeConfig: Record<string, unknown> = {},
) {
  const queues = Object.keys(bindings).map(queueWithConsumer);
  return {
    format: 'msgflow/1',
    nodes: [...producers, { id: 'x', kind: 'exchange', config: { type, ...exchangeConfig } }, ...queues.flatMap((q) => q.nodes)],
    edges: [
      ...producers.map((p) => ({ id: `${p.id}-x`, source: p.id, target: 'x' })),
      ...Object.entries(bindings).map(([queue, binding]) => ({ id: `x-${queue}`, source: 'x', target: queue, binding })),
      ...queues.flatMap((q) => q.edges),
    ],
  };
}

export const RABBITMQ_ROUTING_CASES: FidelityCase<RabbitScript>[] = [
  {
    rule: 'RMQ-R1',
    title: 'default exchange: the key names the queue; an unknown name is dropped',
    topology: routing('default', [producer('p', ['qa', 'qb', 'nope', 'qa', 'QA', 'qb'])], { qa: {}, qb: {} }),
  },
  {
    rule: 'RMQ-R1',
    title: 'default exchange: every queue is bound by its name, linked or not',
    topology: {
      format: 'msgflow/1',
      nodes: [
        producer('p', ['qa', 'qb', 'qa']),
        { id: 'x', kind: 'exchange', config: { type: 'default' } },
        ...['qa', 'qb'].flatMap((q) => queueWithConsumer(q).nodes),
      ],
      edges: [
        { id: 'p-x', source: 'p', target: 'x' },
        { id: 'x-qa', source: 'x', target: 'qa' },
        ...['qa', 'qb'].flatMap((q) => queueWithConsumer(q).edges),
      ],
    },
  },
  {
    rule: 'RMQ-R1',
    title: 'producer linked to a queue publishes through the default exchange by its name',
    topology: {
      format: 'msgflow/1',
      nodes: [producer('p', ['ignored', 'also-ignored', '']), ...queueWithConsumer('q').nodes],
      edges: [{ id: 'p-q', source: 'p', target: 'q' }, ...queueWithConsumer('q').edges],
    },
  },
  {
    rule: 'RMQ-R2',
    title: 'direct: a copy to every queue whose key equals the routing key',
    topology: routing('direct', [producer('p', ['orange', 'black', 'green', 'red', 'Orange', 'orange', ''])], {
      q1: { keys: ['orange'] },
      q2: { keys: ['black', 'green'] },
      q3: { keys: ['orange', 'orange', ''] },
      q4: {},
    }),
  },
  {
    rule: 'RMQ-R3',
    title: 'fanout: every bound queue gets a copy, the key is ignored',
    topology: routing('fanout', [producer('p', ['a', 'b', '', 'c.d'])], { q1: { keys: ['a'] }, q2: {}, q3: { keys: ['zzz'] } }),
  },
  {
    rule: 'RMQ-R4',
    title: "topic: the tutorial's bindings, one copy per queue",
    topology: routing(
      'topic',
      [
        producer('p', [
          'quick.orange.rabbit',
          'lazy.orange.elephant',
          'quick.orange.fox',
          'lazy.brown.fox',
          'lazy.pink.rabbit',
          'quick.brown.fox',
          'quick.orange.new.rabbit',
          'lazy.orange.new.rabbit',
          'orange',
          'lazy',
        ]),
      ],
      { q1: { keys: ['*.orange.*'] }, q2: { keys: ['*.*.rabbit', 'lazy.#'] } },
    ),
  },
  {
    rule: 'RMQ-R4',
    title: 'topic: * is one word, # zero or more, # alone is fanout, empty words',
    topology: routing('topic', [producer('p', ['a', 'a.b', 'a.b.c', 'b', '', 'x.b', 'a..b', '.', 'a.b.b'])], {
      star: { keys: ['a.*'] },
      hash: { keys: ['a.#'] },
      all: { keys: ['#'] },
      one: { keys: ['*'] },
      endsb: { keys: ['#.b'] },
      mid: { keys: ['a.#.b'] },
      several: { keys: ['#', 'a.*', 'a.b', '*.b'] },
      emptykey: { keys: [''] },
      hashhash: { keys: ['#.#'] },
      starhash: { keys: ['*.#'] },
      emptyword: { keys: ['a..b', 'a.*.b'] },
    }),
  },
  {
    rule: 'RMQ-R5',
    title: 'headers: x-match all and any; x- arguments ignored without -with-x',
    topology: routing(
      'headers',
      [
        producer('report', ['pdf', 'zip'], { headers: { format: '{key}', type: 'report', 'x-tag': 'on' } }),
        producer('log', ['pdf', 'zip', ''], { headers: { format: '{key}', type: 'log' } }, 5),
      ],
      {
        allpdf: { arguments: { format: 'pdf', type: 'report' }, match: 'all' },
        anypdf: { arguments: { format: 'pdf', type: 'report' }, match: 'any' },
        xall: { arguments: { 'x-tag': 'on' }, match: 'all' },
        xany: { arguments: { 'x-tag': 'on' }, match: 'any' },
        withx: { arguments: { 'x-tag': 'on', type: 'report' }, match: 'all-with-x' },
        anywithx: { arguments: { 'x-tag': 'on', format: 'zip' }, match: 'any-with-x' },
        empty: { match: 'all' },
        emptyany: { match: 'any' },
        blank: { arguments: { format: '' } },
        missing: { arguments: { colour: 'red' }, match: 'any' },
      },
    ),
  },
  {
    rule: 'RMQ-R6',
    title: 'alternate exchanges take what no binding matches, and chain',
    topology: {
      format: 'msgflow/1',
      nodes: [
        producer('p', ['good', 'bad', 'other', 'good', 'bad']),
        { id: 'x', kind: 'exchange', config: { type: 'direct', alternateExchange: 'ae1' } },
        { id: 'ae1', kind: 'exchange', config: { type: 'direct', alternateExchange: 'ae2' } },
        { id: 'ae2', kind: 'exchange', config: { type: 'fanout' } },
        ...['q1', 'q2', 'q3'].flatMap((q) => queueWithConsumer(q).nodes),
      ],
      edges: [
        { id: 'p-x', source: 'p', target: 'x' },
        { id: 'x-q1', source: 'x', target: 'q1', binding: { keys: ['good'] } },
        { id: 'ae1-q2', source: 'ae1', target: 'q2', binding: { keys: ['bad'] } },
        { id: 'ae2-q3', source: 'ae2', target: 'q3' },
        ...['q1', 'q2', 'q3'].flatMap((q) => queueWithConsumer(q).edges),
      ],
    },
  },
  {
    rule: 'RMQ-R6',
    title: 'mandatory: an unroutable message is returned to its publisher',
    topology: routing('direct', [producer('p', ['good', 'bad', 'good', 'worse'], { mandatory: true })], { q1: { keys: ['good'] } }),
  },
  {
    rule: 'RMQ-R6',
    title: 'mandatory with an alternate exchange: routed there, not returned',
    topology: {
      format: 'msgflow/1',
      nodes: [
        producer('p', ['good', 'bad', 'lost'], { mandatory: true }),
        { id: 'x', kind: 'exchange', config: { type: 'direct', alternateExchange: 'ae' } },
        { id: 'ae', kind: 'exchange', config: { type: 'direct' } },
        ...['q1', 'q2'].flatMap((q) => queueWithConsumer(q).nodes),
      ],
      edges: [
        { id: 'p-x', source: 'p', target: 'x' },
        { id: 'x-q1', source: 'x', target: 'q1', binding: { keys: ['good'] } },
        { id: 'ae-q2', source: 'ae', target: 'q2', binding: { keys: ['bad'] } },
        ...['q1', 'q2'].flatMap((q) => queueWithConsumer(q).edges),
      ],
    },
  },
  {
    rule: 'RMQ-R6',
    title: 'alternate exchanges in a loop: what none routes is returned to a mandatory publisher',
    topology: {
      format: 'msgflow/1',
      nodes: [
        producer('p', ['good', 'bad', 'side', 'good'], { mandatory: true }),
        { id: 'x', kind: 'exchange', config: { type: 'direct', alternateExchange: 'ae' } },
        { id: 'ae', kind: 'exchange', config: { type: 'topic', alternateExchange: 'x' } },
        ...['q1', 'q2'].flatMap((q) => queueWithConsumer(q).nodes),
      ],
      edges: [
        { id: 'p-x', source: 'p', target: 'x' },
        { id: 'x-q1', source: 'x', target: 'q1', binding: { keys: ['good'] } },
        { id: 'ae-q2', source: 'ae', target: 'q2', binding: { keys: ['side.#'] } },
        ...['q1', 'q2'].flatMap((q) => queueWithConsumer(q).edges),
      ],
    },
  },
  {
    rule: 'RMQ-R6',
    title: 'unroutable without mandatory or alternate exchange: dropped silently',
    topology: routing('topic', [producer('p', ['a.b', 'c.d', 'a', 'a.b'])], { q1: { keys: ['a.*'] }, q2: { keys: ['x.#'] } }),
  },
];
