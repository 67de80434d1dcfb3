import { compileCondition } from '../core/condition.ts';
import { sampleDuration } from '../core/distributions.ts';
import { Fifo } from '../core/fifo.ts';
import type { Message } from '../message.ts';
import { defineNode, heldList, settingNeedingReset, type HeldMessage } from './node.ts';

/** Timer tags: processing of one message is done; time to ask the queues for more. */
const DONE = 0;
const POLL = 1;

/**
 * Settings a running consumer reads each time it uses them, so an edit applies from the
 * next message (processing time, failure odds) or at once (concurrency, prefetch). The
 * ack mode, receive mode, idempotence and invalid-message channel shape deliveries already
 * made, so they need a fresh run.
 */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['processingMs', 'concurrency', 'prefetch', 'failureProbability', 'onFailure', 'crashRestartMs', 'dedupWindowMs', 'pollIntervalMs', 'batchSize', 'waitTimeMs']);

interface Work {
  msg: Message;
  /** The queue that dispatched it and waits for an ack, or -1. */
  queue: number;
  deliveryTag: number;
  /** The delivery's attempt number (0: not from a queue) and redelivered flag. */
  attempt: number;
  redelivered: boolean;
}

/** A delivery as the consumer got it: its own attempt and flag (from a queue), else the message's. */
function heldWork(work: Work, state: 'processing' | 'backlog'): HeldMessage {
  return work.queue >= 0 ? { msg: work.msg, state, attempt: work.attempt, redelivered: work.redelivered } : { msg: work.msg, state };
}

/**
 * A consumer (SEMANTICS.md §4): processes up to `concurrency` messages at once,
 * each for a time drawn from its distribution, buffering the rest in arrival order.
 * With manual ack it acks a queue's delivery when processing succeeds, and on a failure
 * nacks it (requeue) or rejects it; with auto-ack the queue already forgot the message,
 * so a failure loses it. An idempotent receiver remembers processed message ids and
 * acks a repeat without processing it. Reorders are counted per producer and per key.
 * A message its invalid-message condition holds for is not processed: it is moved to the
 * invalid-message channel (dead-lettered `invalid`) and acked at its queue (EIP).
 *
 * With an output link it is a processing step, not a final consumer: what it processed it
 * acks and passes on, and the message's fate is decided downstream.
 */
export const consumer = defineNode({
  kind: 'consumer',
  create(node, index, sim) {
    let c = node.config;
    const rng = sim.rng(index);
    const backlog = new Fifo<Work>();
    /**
     * Work being processed, by slot (slots are reused). A processing timer's payload is
     * `slotBase + slot`; a crash abandons the table and moves the base past it, so a timer
     * from before the crash finds nothing.
     */
    let working: (Work | undefined)[] = [];
    const freeSlots: number[] = [];
    let slotBase = 0;
    let busy = 0;
    /** Idempotent receiver's memory: message copy uid -> when it was processed. */
    const seen = new Map<number, number>();
    /**
     * Idempotent receiver: uids being processed now, with repeats that arrived meanwhile.
     * A repeat waits for the first outcome: suppressed if it succeeds, processed if it fails.
     */
    const claimed = new Map<number, Work[]>();
    /** Highest sequence number seen per producer (node index); -1: none yet. */
    const highestSeq = new Float64Array(sim.topology.nodes.length).fill(-1);
    const highestKeySeq = new Map<string, number>();
    /** A failure with onFailure crash happened: take nothing new until the crash applies. */
    let crashing = false;
    const s = { received: 0, processed: 0, reorders: 0, keyReorders: 0, failed: 0, redelivered: 0, duplicates: 0, suppressed: 0, polls: 0, invalid: 0, forwarded: 0 };
    const invalid = c.invalidMessage;
    const isInvalid = invalid === undefined ? undefined : compileCondition(invalid.when);
    const invalidChannel = invalid === undefined ? -1 : sim.topology.nodes.findIndex((n) => n.id === invalid.target);
    /** A processing step's output, or -1 for a final consumer. */
    const output = sim.outputs(index)[0] ?? -1;
    /** The links into this consumer (the queues a polling consumer asks), found at start. */
    let inputs: number[] = [];

    function forward(msg: Message): void {
      if (!sim.isOpen(output)) {
        sim.release(msg, 'lost:unroutable');
        return;
      }
      s.forwarded++;
      sim.send(output, msg);
    }

    function ack(work: Work): void {
      if (work.queue >= 0) sim.ack(work.queue, work.deliveryTag, work.msg);
    }

    function countReorders(msg: Message): void {
      if (msg.seq < highestSeq[msg.producer]!) s.reorders++;
      else highestSeq[msg.producer] = msg.seq;
      if (msg.key === undefined) return;
      const k = `${msg.producer}\u0000${msg.key}`;
      const seenKeySeq = highestKeySeq.get(k);
      if (seenKeySeq !== undefined && msg.keySeq < seenKeySeq) s.keyReorders++;
      else highestKeySeq.set(k, msg.keySeq);
    }

    /** Records a processed id; with a window, forgets the ones that fell out of it (oldest first). */
    function remember(uid: number): void {
      seen.delete(uid);
      seen.set(uid, sim.now);
      if (c.dedupWindowMs === undefined) return;
      for (const [old, at] of seen) {
        if (sim.now - at <= c.dedupWindowMs) break;
        seen.delete(old);
      }
    }

    function alreadyProcessed(msg: Message): boolean {
      const at = seen.get(msg.uid);
      if (at === undefined) return false;
      if (c.dedupWindowMs !== undefined && sim.now - at > c.dedupWindowMs) {
        seen.delete(msg.uid);
        return false;
      }
      return true;
    }

    function suppress(work: Work): void {
      s.suppressed++;
      sim.ledger.duplicatesSuppressed++;
      ack(work);
      sim.release(work.msg);
    }

    function begin(work: Work): void {
      if (c.idempotent) {
        const waiting = claimed.get(work.msg.uid);
        if (alreadyProcessed(work.msg) || waiting) {
          if (waiting) waiting.push(work);
          else suppress(work);
          next();
          return;
        }
        claimed.set(work.msg.uid, []);
      }
      const slot = freeSlots.length > 0 ? freeSlots.pop()! : working.length;
      working[slot] = work;
      busy++;
      sim.schedule(sampleDuration(c.processingMs, rng), index, slotBase + slot, DONE);
    }

    function next(): void {
      if (crashing || busy >= c.concurrency) return;
      const work = backlog.shift();
      if (work) begin(work);
    }

    function finish(work: Work): void {
      const { msg } = work;
      // Always draw, so changing the failure odds does not shift the processing-time draws.
      const failed = rng.next() < c.failureProbability;
      const repeats = claimed.get(msg.uid);
      claimed.delete(msg.uid);
      if (failed) {
        s.failed++;
        if (c.onFailure === 'crash') {
          // What came from a queue with manual ack is the queue's again when the crash closes the connection.
          sim.release(msg, work.queue >= 0 ? undefined : 'lost:consumer-crash');
          repeats?.forEach((r) => backlog.unshift(r));
          crashing = true;
          sim.crash(index, c.crashRestartMs);
          return;
        }
        if (work.queue >= 0) {
          sim.nack(work.queue, work.deliveryTag, c.onFailure === 'requeue', msg);
          sim.release(msg);
        } else {
          sim.release(msg, 'lost:processing-failure');
        }
        // A repeat that waited on this attempt is now the one to process.
        repeats?.forEach(begin);
        return;
      }
      s.processed++;
      countReorders(msg);
      if (output < 0 && !sim.processed(msg)) s.duplicates++;
      if (c.idempotent) remember(msg.uid);
      ack(work);
      if (output < 0) sim.release(msg);
      else forward(msg);
      repeats?.forEach(suppress);
    }

    return {
      kind: 'consumer',
      get prefetchLimit() {
        return c.prefetch === 0 ? Infinity : c.prefetch;
      },
      autoAck: c.ack === 'auto',
      polls: c.receive === 'poll',
      start() {
        if (c.receive !== 'poll') return;
        inputs = sim.topology.edges.flatMap((e, i) => (e.target === node.id ? [i] : []));
        sim.schedule(0, index, -1, POLL);
      },
      receive(msg, edge, deliveryTag, redelivery, attempt) {
        const queue = deliveryTag >= 0 ? sim.sourceOf(edge) : -1;
        if (queue >= 0 && sim.runtime(queue).deliveryClosed?.(edge, deliveryTag)) {
          // Sent before this consumer crashed: the queue has it back already.
          sim.release(msg);
          return;
        }
        s.received++;
        if (redelivery) s.redelivered++;
        sim.observer?.delivered(index, msg, redelivery);
        const work: Work = { msg, queue, deliveryTag, attempt, redelivered: redelivery };
        if (isInvalid?.(msg)) {
          s.invalid++;
          ack(work);
          // Recorded as a death where it came from, so a channel leading back there is caught as a cycle (RMQ-D1).
          sim.deadLetter(msg, 'invalid', invalidChannel, edge >= 0 ? sim.sourceOf(edge) : index);
          return;
        }
        if (!crashing && busy < c.concurrency) begin(work);
        else backlog.push(work);
      },
      timer(id, tag) {
        if (tag === POLL) {
          // A crashed consumer asks for nothing; its clock goes on, so it asks again when back.
          if (!sim.isDown(index) && !crashing) {
            for (const edge of inputs) sim.runtime(sim.sourceOf(edge)).poll?.(edge, c.batchSize, c.waitTimeMs);
            s.polls++;
          }
          sim.schedule(c.pollIntervalMs, index, -1, POLL);
          return;
        }
        const slot = id - slotBase;
        if (slot < 0) return;
        const work = working[slot];
        if (!work) return;
        working[slot] = undefined;
        freeSlots.push(slot);
        busy--;
        finish(work);
        next();
      },
      crash() {
        crashing = false;
        // RMQ-C1/C2: what came from a queue with manual ack is still the queue's (it takes
        // it back); anything else this consumer held is gone with it.
        const drop = (work: Work): void => sim.release(work.msg, work.queue >= 0 ? undefined : 'lost:consumer-crash');
        for (const work of working) if (work) drop(work);
        slotBase += working.length;
        working = [];
        freeSlots.length = 0;
        busy = 0;
        for (let work = backlog.shift(); work; work = backlog.shift()) drop(work);
        for (const repeats of claimed.values()) repeats.forEach(drop);
        claimed.clear();
        // The idempotent receiver's store of processed ids is durable (a database table,
        // typically): it survives the crash, which is the point of having one.
      },
      load: () => busy + backlog.size,
      held(limit) {
        const list = heldList(limit);
        list.add('processing', busy, () => working.filter((w) => w !== undefined), (w) => heldWork(w, 'processing'));
        list.add('backlog', backlog.size, (n) => backlog.first(n), (w) => heldWork(w, 'backlog'));
        return list.result;
      },
      stats: () => ({ kind: 'consumer', ...s, busy, backlog: backlog.size }),
      reconfigure(update) {
        const nextConfig = update as typeof c;
        const blocked = settingNeedingReset(c, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        const prefetchChanged = nextConfig.prefetch !== c.prefetch;
        c = nextConfig;
        // More concurrency takes waiting work now; a larger prefetch lets the queues hand over more now.
        while (!crashing && busy < c.concurrency && backlog.size > 0) next();
        if (prefetchChanged && c.receive === 'push') {
          for (let edge = 0; edge < sim.topology.edges.length; edge++) {
            if (sim.targetOf(edge) !== index) continue;
            const source = sim.runtime(sim.sourceOf(edge));
            if (source.kind === 'queue') source.outputUp?.(edge);
          }
        }
        return undefined;
      },
    };
  },
});
