/**
 * RabbitMQ queue and consumer cases (SEMANTICS.md §3 and §6: RMQ-C1..C6, RMQ-T1, RMQ-D1,
 * RMQ-L1, RMQ-L2, RMQ-D2, RMQ-P2), each the smallest topology that shows its rule.
 *
 * Who gets which message depends on when consumers ack, so every case is laid out on a
 * timeline whose deciding events (processing ends, expiries, faults, late consumers) are at
 * least 20 ms apart: the broker, driven in real time, sees them in the same order as the
 * engine. Publishes come in bursts 1 ms apart, kept in order by the one publishing channel.
 * Links take 1 ms, about what loopback takes. Messages are `<producer>:<seq>`.
 */
import type { FidelityCase } from '../case.ts';
import type { RabbitScript } from '../rabbitmq.ts';

const fixed = (value: number) => ({ dist: 'fixed', value });

/** `limit` messages, 1 ms apart (a burst), from `startMs`. */
function producer(id: string, limit: number, config: object = {}) {
  return { id, kind: 'producer', config: { rate: { dist: 'constant', perSecond: 1_000 }, limit, ...config } };
}

function queue(id: string, config: object = {}) {
  return { id, kind: 'queue', config };
}

/** A push consumer taking `processingMs` per message and acking after it. */
function consumer(id: string, processingMs: number, config: object = {}) {
  return { id, kind: 'consumer', config: { processingMs: fixed(processingMs), ...config } };
}

/** A consumer whose every processing fails: it nacks with requeue, or rejects. */
function failing(id: string, processingMs: number, onFailure: 'requeue' | 'reject', config: object = {}) {
  return consumer(id, processingMs, { failureProbability: 1, onFailure, ...config });
}

type Link = [source: string, target: string, extra?: object];

function topology(nodes: object[], links: Link[], faults: object[] = []) {
  return {
    format: 'msgflow/1',
    seed: 1,
    nodes,
    edges: links.map(([source, target, extra], i) => ({ id: `e${i}`, source, target, link: { latencyMs: fixed(1) }, ...extra })),
    faults,
  };
}

export const RABBITMQ_QUEUE_CASES: FidelityCase<RabbitScript>[] = [
  {
    rule: 'RMQ-C5',
    title: 'prefetch 0: round-robin as messages enter, however busy a consumer is',
    // `slow` still works on its first message when its second and third arrive: it gets them anyway.
    topology: topology(
      [producer('p', 6), queue('q'), consumer('fast', 10, { prefetch: 0 }), consumer('slow', 300, { prefetch: 0 })],
      [
        ['p', 'q'],
        ['q', 'fast'],
        ['q', 'slow'],
      ],
    ),
  },
  {
    rule: 'RMQ-C4',
    title: 'prefetch 1: the next message goes to a consumer with nothing unacked (fair dispatch)',
    // `slow` holds p:1 unacked for 300 ms; everything after it goes to `fast`, which acks every 10 ms.
    topology: topology(
      [producer('p', 6), queue('q'), consumer('fast', 10, { prefetch: 1 }), consumer('slow', 300, { prefetch: 1 })],
      [
        ['p', 'q'],
        ['q', 'fast'],
        ['q', 'slow'],
      ],
    ),
  },
  {
    rule: 'RMQ-C3',
    title: 'nack with requeue: redelivered with the flag set, back at its position in the queue',
    // `flaky` nacks p:0 at 122, 243, 364 ms and is handed it again each time (`steady` is
    // busy); it crashes at 440 ms holding it. `steady` acks at 203, 404, 605 ms: after p:3 it
    // gets p:0 ahead of p:4 and p:5, which were behind it in the queue all along.
    topology: topology(
      [producer('p', 6), queue('q'), failing('flaky', 120, 'requeue'), consumer('steady', 200)],
      [
        ['p', 'q'],
        ['q', 'flaky'],
        ['q', 'steady'],
      ],
      [{ atMs: 440, action: 'crash', node: 'flaky' }],
    ),
  },
  {
    rule: 'RMQ-C3',
    title: 'reject without requeue and a dead-letter exchange: dead-lettered `rejected`',
    topology: topology(
      [producer('p', 3), queue('q', { deadLetterTarget: 'dlq' }), failing('c', 20, 'reject'), queue('dlq'), consumer('dead', 20)],
      [
        ['p', 'q'],
        ['q', 'c'],
        ['dlq', 'dead'],
      ],
    ),
  },
  {
    rule: 'RMQ-C3',
    title: 'reject without requeue and no dead-letter exchange: dropped',
    topology: topology(
      [producer('p', 3), queue('q'), failing('c', 20, 'reject')],
      [
        ['p', 'q'],
        ['q', 'c'],
      ],
    ),
  },
  {
    rule: 'RMQ-C2',
    title: 'a consumer closing with unacked messages: they are redelivered, flagged, to the other consumer',
    // prefetch 0: `a` holds p:0, p:2, p:4 (still on the first of them) when it crashes at 100 ms.
    topology: topology(
      [producer('p', 6), queue('q'), consumer('a', 1_000, { prefetch: 0 }), consumer('b', 20, { prefetch: 0 })],
      [
        ['p', 'q'],
        ['q', 'a'],
        ['q', 'b'],
      ],
      [{ atMs: 100, action: 'crash', node: 'a' }],
    ),
  },
  {
    rule: 'RMQ-C1',
    title: 'auto-ack: a consumer that dies holding messages loses them; nothing is redelivered',
    // Auto-ack: the queue forgets each message as it hands it out; `a` still works on p:0 when it crashes at 100 ms.
    topology: topology(
      [producer('p', 6), queue('q'), consumer('a', 1_000, { ack: 'auto', prefetch: 0 }), consumer('b', 20, { ack: 'auto', prefetch: 0 })],
      [
        ['p', 'q'],
        ['q', 'a'],
        ['q', 'b'],
      ],
      [{ atMs: 100, action: 'crash', node: 'a' }],
    ),
  },
  {
    rule: 'RMQ-C6',
    title: 'one consumer keeps queue order across requeues: the redelivered come first, in their order',
    // `c` holds p:0 and p:1 (prefetch 2) when it crashes at 50 ms; back at 150 ms it gets them again, then p:2, p:3.
    topology: topology(
      [producer('p', 4), queue('q'), consumer('c', 100, { prefetch: 2 })],
      [
        ['p', 'q'],
        ['q', 'c'],
      ],
      [{ atMs: 50, action: 'crash', node: 'c', restartAfterMs: 100 }],
    ),
  },
  {
    rule: 'RMQ-T1',
    title: 'per-message TTL: expired messages are dead-lettered `expired`, never delivered',
    topology: topology(
      [producer('p', 3, { ttlMs: 100 }), queue('q', { deadLetterTarget: 'dlq' }), queue('dlq'), consumer('dead', 10)],
      [
        ['p', 'q'],
        ['dlq', 'dead'],
      ],
    ),
    compare: { order: 'any' },
  },
  {
    rule: 'RMQ-T1',
    title: 'per-queue TTL (x-message-ttl): expired messages are dead-lettered `expired`',
    topology: topology(
      [producer('p', 3), queue('q', { messageTtlMs: 100, deadLetterTarget: 'dlq' }), queue('dlq'), consumer('dead', 10)],
      [
        ['p', 'q'],
        ['dlq', 'dead'],
      ],
    ),
    compare: { order: 'any' },
  },
  {
    rule: 'RMQ-T1',
    title: 'the lower of queue and message TTL wins; an expired message behind a live one waits for the head',
    // Queue order p:0, p2:0, p:1, p2:1. p:0 expires at the head at 100 ms; p:1 expires
    // behind p2:0 (queue TTL 2 s) and leaves only when the late consumer takes p2:0 at 250 ms.
    topology: topology(
      [
        producer('p', 2, { ttlMs: 100 }),
        producer('p2', 2),
        queue('q', { messageTtlMs: 2_000, deadLetterTarget: 'dlq' }),
        consumer('late', 20),
        queue('dlq'),
        consumer('dead', 10),
      ],
      [
        ['p', 'q'],
        ['p2', 'q'],
        ['q', 'late', { activeFromMs: 250 }],
        ['dlq', 'dead'],
      ],
    ),
    compare: { order: 'any' },
  },
  {
    rule: 'RMQ-T1',
    title: 'expiry applies at the head: an expired message behind a live one still counts toward max-length',
    // At 300 ms the queue holds `long`:0 (TTL 60 s) and `short`:0 (expired at 110 ms, behind
    // it). `late`:0 overflows it: drop-head takes `long`:0 (`max-length`), then `short`:0,
    // now at the head, is dead-lettered `expired`.
    topology: topology(
      [
        producer('long', 1, { ttlMs: 60_000 }),
        producer('short', 1, { ttlMs: 100, startMs: 10 }),
        producer('late', 1, { startMs: 300 }),
        queue('q', { maxLength: 2, deadLetterTarget: 'dlq' }),
        queue('dlq'),
        consumer('dead', 10),
      ],
      [
        ['long', 'q'],
        ['short', 'q'],
        ['late', 'q'],
        ['dlq', 'dead'],
      ],
    ),
    // Nothing is left to expire once `long`:0 is pushed out: no need to wait out its 60 s.
    script: { settleMs: 300 },
  },
  {
    rule: 'RMQ-T1',
    title: 'a requeue keeps the original expiry: past it, the nacked message is dead-lettered `expired` instead of redelivered',
    // Queue TTL 250 ms from p:0's arrival; `c` nacks it at 102, 203 and 304 ms: the third time it is past its expiry.
    topology: topology(
      [producer('p', 1), queue('q', { messageTtlMs: 250, deadLetterTarget: 'dlq' }), failing('c', 100, 'requeue'), queue('dlq'), consumer('dead', 10)],
      [
        ['p', 'q'],
        ['q', 'c'],
        ['dlq', 'dead'],
      ],
    ),
  },
  {
    rule: 'RMQ-T1',
    title: 'TTL 0: delivered at once to a consumer with room, else expired',
    // `c` takes p:0 and works on it for 100 ms (prefetch 1): p:1 and p:2 find no one free.
    topology: topology(
      [producer('p', 3, { ttlMs: 0 }), queue('q', { deadLetterTarget: 'dlq' }), consumer('c', 100), queue('dlq'), consumer('dead', 10)],
      [
        ['p', 'q'],
        ['q', 'c'],
        ['dlq', 'dead'],
      ],
    ),
  },
  {
    rule: 'RMQ-D1',
    title: 'a dead letter loses its per-message TTL: it waits in the dead-letter queue for a late consumer',
    // Expired at 100 ms into `dlq`; had they kept their 100 ms TTL they would be gone before `late` comes at 400 ms.
    topology: topology(
      [producer('p', 3, { ttlMs: 100 }), queue('q', { deadLetterTarget: 'dlq' }), queue('dlq'), consumer('late', 10)],
      [
        ['p', 'q'],
        ['dlq', 'late', { activeFromMs: 400 }],
      ],
    ),
  },
  {
    rule: 'RMQ-D1',
    title: 'dead letters go to the dead-letter exchange with the dead-letter routing key if set, else their own key',
    topology: topology(
      [
        producer('p', 2, { keys: ['a'] }),
        { id: 'x', kind: 'exchange', config: { type: 'direct' } },
        queue('keeps', { messageTtlMs: 50, deadLetterTarget: 'dlx' }),
        queue('rekeys', { messageTtlMs: 50, deadLetterTarget: 'dlx', deadLetterRoutingKey: 'parked' }),
        { id: 'dlx', kind: 'exchange', config: { type: 'direct' } },
        queue('byKey'),
        queue('parked'),
        consumer('cByKey', 10),
        consumer('cParked', 10),
      ],
      [
        ['p', 'x'],
        ['x', 'keeps', { binding: { keys: ['a'] } }],
        ['x', 'rekeys', { binding: { keys: ['a'] } }],
        ['dlx', 'byKey', { binding: { keys: ['a'] } }],
        ['dlx', 'parked', { binding: { keys: ['parked'] } }],
        ['byKey', 'cByKey'],
        ['parked', 'cParked'],
      ],
    ),
    compare: { order: 'any' },
  },
  {
    rule: 'RMQ-D1',
    title: 'a dead-letter cycle with no rejection in it is dropped where it would come round again',
    // p:0 expires in `a` (50 ms) into `b`, expires there into `a` again: the cycle is
    // dropped. Kept going, it would be back in `a` when `late` comes at 300 ms.
    topology: topology(
      [
        producer('p', 1),
        queue('a', { messageTtlMs: 50, deadLetterTarget: 'b' }),
        queue('b', { messageTtlMs: 50, deadLetterTarget: 'a' }),
        consumer('lateA', 10),
        consumer('lateB', 10),
      ],
      [
        ['p', 'a'],
        ['a', 'lateA', { activeFromMs: 300 }],
        ['b', 'lateB', { activeFromMs: 300 }],
      ],
    ),
  },
  {
    rule: 'RMQ-D1',
    title: 'a dead-letter cycle with a rejection in it goes on; x-death keeps one record per queue and reason, counted, latest first',
    // `rejecter` rejects p:0 at 22, 93 and 164 ms; each time it expires in `b` 50 ms later
    // and comes back. The rejecter crashes at 190 ms; `late` takes p:0 from `a` at 400 ms.
    topology: topology(
      [
        producer('p', 1),
        queue('a', { deadLetterTarget: 'b' }),
        queue('b', { messageTtlMs: 50, deadLetterTarget: 'a' }),
        failing('rejecter', 20, 'reject'),
        consumer('late', 10),
      ],
      [
        ['p', 'a'],
        ['a', 'rejecter'],
        ['a', 'late', { activeFromMs: 400 }],
      ],
      [{ atMs: 190, action: 'crash', node: 'rejecter' }],
    ),
  },
  {
    rule: 'RMQ-L1',
    title: 'max-length-bytes 1000, 400-byte bodies: drop-head keeps the last two (800 bytes)',
    topology: topology(
      [producer('p', 5, { sizeBytes: 400 }), queue('q', { maxBytes: 1_000, deadLetterTarget: 'dlq' }), consumer('late', 10), queue('dlq'), consumer('dead', 10)],
      [
        ['p', 'q'],
        ['q', 'late', { activeFromMs: 100 }],
        ['dlq', 'dead'],
      ],
    ),
  },
  {
    rule: 'RMQ-L2',
    title: 'max-length 3, drop-head: the oldest ready message is dead-lettered `max-length` (unacked ones do not count)',
    // `c` holds p:0 unacked; p:1..p:3 fill the queue; p:4 pushes p:1 out.
    topology: topology(
      [producer('p', 5), queue('q', { maxLength: 3, deadLetterTarget: 'dlq' }), consumer('c', 100), queue('dlq'), consumer('dead', 10)],
      [
        ['p', 'q'],
        ['q', 'c'],
        ['dlq', 'dead'],
      ],
    ),
  },
  {
    rule: 'RMQ-L2',
    title: 'max-length 3, drop-head, no dead-letter exchange: the oldest ready message is dropped',
    topology: topology(
      [producer('p', 6), queue('q', { maxLength: 3 }), consumer('c', 100)],
      [
        ['p', 'q'],
        ['q', 'c'],
      ],
    ),
  },
  {
    rule: 'RMQ-L2',
    title: 'max-length 2, drop-head: a message requeued into a full queue pushes the head out (the requeued one itself)',
    // `c` holds p:0 while p:1, p:2 fill the queue; its nack at 102 ms puts p:0 back at the
    // head, one over the limit, and drop-head dead-letters it. `c` then nacks p:1 at 203 ms
    // and crashes at 250 ms holding it again; `late` reads what is left at 400 ms.
    topology: topology(
      [
        producer('p', 3),
        queue('q', { maxLength: 2, deadLetterTarget: 'dlq' }),
        failing('c', 100, 'requeue'),
        consumer('late', 10),
        queue('dlq'),
        consumer('dead', 10),
      ],
      [
        ['p', 'q'],
        ['q', 'c'],
        ['q', 'late', { activeFromMs: 400 }],
        ['dlq', 'dead'],
      ],
      [{ atMs: 250, action: 'crash', node: 'c' }],
    ),
  },
  {
    rule: 'RMQ-L2',
    title: 'max-length 3, reject-publish: the newest is refused (the publisher nacked); the queue keeps the oldest',
    topology: topology(
      [producer('p', 6, { confirms: true }), queue('q', { maxLength: 3, overflow: 'reject-publish' }), consumer('c', 100)],
      [
        ['p', 'q'],
        ['q', 'c'],
      ],
    ),
  },
  {
    rule: 'RMQ-L2',
    title: 'max-length 3, reject-publish-dlx: the newest is refused and dead-lettered `max-length`',
    topology: topology(
      [
        producer('p', 6, { confirms: true }),
        queue('q', { maxLength: 3, overflow: 'reject-publish-dlx', deadLetterTarget: 'dlq' }),
        consumer('c', 100),
        queue('dlq'),
        consumer('dead', 10),
      ],
      [
        ['p', 'q'],
        ['q', 'c'],
        ['dlq', 'dead'],
      ],
    ),
  },
  {
    rule: 'RMQ-L2',
    title: 'reject-publish on one of two queues a fanout routes to: the publisher is nacked, the other queue still takes the message',
    topology: topology(
      [
        producer('p', 3, { confirms: true }),
        { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
        queue('full', { maxLength: 1, overflow: 'reject-publish' }),
        queue('open'),
        consumer('cFull', 10),
        consumer('cOpen', 10),
      ],
      [
        ['p', 'x'],
        ['x', 'full'],
        ['x', 'open'],
        ['full', 'cFull', { activeFromMs: 100 }],
        ['open', 'cOpen', { activeFromMs: 100 }],
      ],
    ),
  },
  {
    rule: 'RMQ-D2',
    title: 'quorum delivery limit: a message nacked every time is dead-lettered `delivery-limit` after its last delivery',
    // maxDeliveries 3 is RabbitMQ's x-delivery-limit 2: two redeliveries after the first delivery.
    topology: topology(
      [producer('p', 2), queue('q', { durable: true, maxDeliveries: 3, deadLetterTarget: 'dlq' }), failing('c', 20, 'requeue'), queue('dlq'), consumer('dead', 10)],
      [
        ['p', 'q'],
        ['q', 'c'],
        ['dlq', 'dead'],
      ],
    ),
  },
  {
    rule: 'RMQ-P2',
    title: 'priority queue: a requeued message goes back to the front of its own priority, still after higher ones',
    // `c` holds p:0 (priority 0) when p:1 (5) and p:2 (0) arrive; its nack puts p:0 back
    // ahead of p:2 but behind p:1. `c` crashes at 250 ms holding p:1; `late` takes the rest.
    topology: topology(
      [
        producer('p', 3, { priorities: [0, 5, 0] }),
        queue('q', { maxPriority: 5 }),
        failing('c', 100, 'requeue'),
        consumer('late', 10),
      ],
      [
        ['p', 'q'],
        ['q', 'c'],
        ['q', 'late', { activeFromMs: 400 }],
      ],
      [{ atMs: 250, action: 'crash', node: 'c' }],
    ),
  },
  {
    rule: 'RMQ-P2',
    title: 'priority queue (x-max-priority 5): higher first, FIFO within one, above the maximum counts as it',
    // p:0 goes out at once; the other six wait behind it and leave by priority.
    topology: topology(
      [producer('p', 7, { priorities: [0, 5, 1, 3, 9, 0, 3] }), queue('q', { maxPriority: 5 }), consumer('c', 50)],
      [
        ['p', 'q'],
        ['q', 'c'],
      ],
    ),
  },
];
