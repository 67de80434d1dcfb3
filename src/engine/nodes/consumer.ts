import { sampleDuration } from '../core/distributions.ts';
import { Fifo } from '../core/fifo.ts';
import type { Message } from '../message.ts';
import { defineNode } from './node.ts';

/**
 * A final consumer: processes up to `concurrency` messages at once, each for a time drawn
 * from its processing distribution, buffering the rest in arrival order. Finishing a
 * message is its delivery; a message that came from a queue is acked to that queue then.
 * Reorders are counted per producer: a sequence number below one already seen.
 */
export const consumer = defineNode({
  kind: 'consumer',
  create(node, index, sim) {
    const { processingMs, concurrency, prefetch } = node.config;
    const rng = sim.rng(index);
    const backlog = new Fifo<Message>();
    let received = 0;
    let processed = 0;
    let busy = 0;
    let reorders = 0;
    const highestSeq = new Map<number, number>();

    function begin(msg: Message): void {
      busy++;
      msg.attempts++;
      sim.schedule(sampleDuration(processingMs, rng), index, msg);
    }

    return {
      kind: 'consumer',
      prefetchLimit: prefetch === 0 ? Infinity : prefetch,
      receive(msg) {
        received++;
        if (busy < concurrency) begin(msg);
        else backlog.push(msg);
      },
      timer(msg) {
        if (!msg) return;
        busy--;
        processed++;
        const seen = highestSeq.get(msg.producer);
        if (seen !== undefined && msg.seq < seen) reorders++;
        else highestSeq.set(msg.producer, msg.seq);
        if (msg.heldBy >= 0) sim.ack(msg);
        sim.delivered(msg);
        const next = backlog.shift();
        if (next) begin(next);
      },
      stats: () => ({
        kind: 'consumer',
        received,
        processed,
        busy,
        backlog: backlog.size,
        reorders,
      }),
    };
  },
});
