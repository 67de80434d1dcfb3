import { sampleDuration } from '../core/distributions.ts';
import { Fifo } from '../core/fifo.ts';
import type { Message } from '../message.ts';
import { defineNode, heldList } from './node.ts';

/** Timer tag: processing of one request is done (payload: its slot, offset by the slot base). */
const DONE = 0;

interface Job {
  msg: Message;
  /** The queue that dispatched it and waits for an ack, or -1. */
  queue: number;
  deliveryTag: number;
}

/**
 * Replier (a service activator; ZMQ-2 REP): processes each request for a drawn time, up to
 * `concurrency` at once, the rest waiting in arrival order. The request is then processed
 * (delivered, or a duplicate if a resend already was) and a reply goes back: a new message
 * with the request's correlation id, over the output that links to the request's reply-to
 * node (REP answers the requester it came from), or else over its only output (a reply
 * queue). A request that fails gets no reply. From a queue it acks after processing and
 * rejects a failed request, as a manual-ack consumer with prefetch = concurrency.
 */
export const replier = defineNode({
  kind: 'replier',
  create(node, index, sim) {
    const c = node.config;
    const rng = sim.rng(index);
    const backlog = new Fifo<Job>();
    /**
     * Jobs being processed, by slot. A DONE timer's payload is `slotBase + slot`; a crash
     * abandons the table and moves the base past it, so a timer from before finds nothing.
     */
    let working: (Job | undefined)[] = [];
    const freeSlots: number[] = [];
    let slotBase = 0;
    let busy = 0;
    const s = { requests: 0, replies: 0, duplicates: 0, failed: 0, unroutable: 0 };
    let made = 0;

    /** The link to the request's reply-to node, else the only output; undefined: no way back. */
    function replyEdge(msg: Message): number | undefined {
      const outputs = sim.outputs(index);
      const direct = outputs.find((edge) => sim.targetOf(edge) === msg.replyTo);
      const edge = direct ?? (outputs.length === 1 ? outputs[0] : undefined);
      return edge !== undefined && sim.isOpen(edge) ? edge : undefined;
    }

    function begin(job: Job): void {
      const slot = freeSlots.length > 0 ? freeSlots.pop()! : working.length;
      working[slot] = job;
      busy++;
      sim.schedule(sampleDuration(c.processingMs, rng), index, slotBase + slot, DONE);
    }

    function finish(job: Job): void {
      const { msg } = job;
      // Always draw, so changing the failure odds does not shift the processing-time draws.
      if (rng.next() < c.failureProbability) {
        s.failed++;
        if (job.queue >= 0) {
          sim.nack(job.queue, job.deliveryTag, false, msg);
          sim.release(msg);
        } else {
          sim.release(msg, 'lost:processing-failure');
        }
        return;
      }
      if (!sim.processed(msg)) s.duplicates++;
      if (job.queue >= 0) sim.ack(job.queue, job.deliveryTag, msg);
      const reply = sim.deriveMessage(index, made++, msg);
      reply.correlationId = msg.correlationId ?? msg.id;
      reply.replyTo = -1;
      reply.sizeBytes = c.replySizeBytes;
      const edge = replyEdge(msg);
      sim.release(msg);
      if (edge === undefined) {
        s.unroutable++;
        sim.release(reply, 'lost:unroutable');
        return;
      }
      s.replies++;
      sim.send(edge, reply);
    }

    return {
      kind: 'replier',
      prefetchLimit: c.concurrency,
      receive(msg, edge, deliveryTag) {
        const queue = deliveryTag >= 0 ? sim.sourceOf(edge) : -1;
        if (queue >= 0 && sim.runtime(queue).deliveryClosed?.(edge, deliveryTag)) {
          // Sent before this replier crashed: the queue has it back already.
          sim.release(msg);
          return;
        }
        s.requests++;
        const job: Job = { msg, queue, deliveryTag };
        if (busy < c.concurrency) begin(job);
        else backlog.push(job);
      },
      timer(payload) {
        const slot = payload - slotBase;
        const job = slot >= 0 ? working[slot] : undefined;
        if (!job) return;
        working[slot] = undefined;
        freeSlots.push(slot);
        busy--;
        finish(job);
        const next = backlog.shift();
        if (next) begin(next);
      },
      crash() {
        // What came from a queue is still the queue's (it takes it back); the rest is gone.
        const drop = (job: Job): void => sim.release(job.msg, job.queue >= 0 ? undefined : 'lost:crash');
        for (const job of working) if (job) drop(job);
        slotBase += working.length;
        working = [];
        freeSlots.length = 0;
        busy = 0;
        for (let job = backlog.shift(); job; job = backlog.shift()) drop(job);
      },
      load: () => busy + backlog.size,
      held(limit) {
        const list = heldList(limit);
        list.add('processing', busy, () => working.filter((job) => job !== undefined), (job) => ({ msg: job.msg, state: 'processing' }));
        list.add('backlog', backlog.size, (n) => backlog.first(n), (job) => ({ msg: job.msg, state: 'backlog' }));
        return list.result;
      },
      stats: () => ({ kind: 'replier', ...s, busy, backlog: backlog.size }),
    };
  },
});
