import { Fifo } from '../core/fifo.ts';
import { PriorityLanes, type ReadyList } from '../core/priority-lanes.ts';
import type { DeadLetterReason, LostReason } from '../ledger/ledger.ts';
import type { Message } from '../message.ts';
import { defineNode, heldList, settingNeedingReset } from './node.ts';

/** Settings a running queue reads each time it uses them (see `reconfigure`); the rest shape what it already holds. */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['maxLength', 'maxBytes', 'overflow', 'messageTtlMs', 'ackTimeoutMs', 'maxDeliveries', 'retentionMs', 'maxMessageBytes', 'outOfOrderProbability', 'duplicateProbability']);

/** Timer tags of a queue. */
const ACK_TIMEOUT = 0;
const EXPIRY = 1;
const DELAY_OVER = 2;
/** A long poll waited its `waitMs` with nothing to receive (payload: the output). */
const POLL_TIMEOUT = 3;

/** Why a queue itself dead-letters (`invalid` is a consumer's). */
type QueueDeadLetterReason = Exclude<DeadLetterReason, 'invalid'>;

/** Without a dead-letter target, a dead-letter reason becomes this loss. */
const LOST_INSTEAD: Record<QueueDeadLetterReason, LostReason> = {
  rejected: 'rejected',
  expired: 'expired',
  'max-length': 'overflow',
  'delivery-limit': 'delivery-limit',
};

interface Delivery {
  msg: Message;
  output: number;
  /** This delivery's attempt number and redelivered flag. */
  attempt: number;
  redelivered: boolean;
  /** When the ack timeout makes it ready again. */
  deadline: number;
}

interface Waiting {
  msg: Message;
  since: number;
}

/**
 * A point-to-point channel (SEMANTICS.md §3). Each message goes to exactly one consumer
 * at a time, round-robin among consumers with room under their prefetch; ready messages
 * leave in arrival order (fifo), now and then out of order (best-effort), or in order per
 * group with one unacknowledged message per group at a time (per-group). Manual-ack deliveries stay unacknowledged until the consumer acks
 * (removed), nacks (requeued at the front, or rejected), or the ack timeout passes
 * (requeued, the classic duplicate). Bounded by count and bytes of ready messages, with
 * an overflow policy; messages past their TTL are removed at the head and never
 * delivered; dead letters go to the configured target with their reason, or are lost.
 * With a maximum priority, ready messages leave highest priority first (RMQ-P2). A
 * transient queue is deleted at its restart (RMQ-Q2): nothing routes to it any more.
 */
export const queue = defineNode({
  kind: 'queue',
  create(node, index, sim) {
    let c = node.config;
    const deadLetterTarget =
      c.deadLetterTarget === undefined ? -1 : sim.topology.nodes.findIndex((n) => n.id === c.deadLetterTarget);
    const rng = sim.rng(index);
    const ready: ReadyList<Message> = c.maxPriority === undefined ? new Fifo<Message>() : new PriorityLanes<Message>(c.maxPriority, (m) => m.priority);
    /** RMQ-Q2: a transient queue restarted: it no longer exists. */
    let deleted = false;
    /** per-group: unacknowledged deliveries per group (message key; no key is one group). */
    const groupsInFlight = new Map<string, number>();
    const groupOf = (msg: Message): string => msg.key ?? '';
    const waiting = new Fifo<Waiting>();
    /** Messages arrived but not yet visible (delayMs), oldest first: their ends come in order. */
    const delayed = new Fifo<{ msg: Message; visibleAt: number }>();
    // Delivery tags grow without reuse, so a late ack or a stale timer never hits a newer delivery.
    const unacked = new Map<number, Delivery>();
    let nextTag = 0;
    let readyBytes = 0;
    let nextOutput = 0;
    let outputs: readonly number[] = [];
    /** Output position by edge index (-1: not an output of this queue). */
    let outputOfEdge: Int32Array = new Int32Array(0);
    let unackedPer: Int32Array = new Int32Array(0);
    /** Per output: delivery tags below this went to a consumer connection that has closed. */
    let closedBelow = new Float64Array(0);
    /** Per polling output: messages its open receive may still take (0: no receive open). */
    let requested = new Int32Array(0);
    /** Per polling output: messages its open receive got so far. */
    let requestGot = new Int32Array(0);
    /** Per polling output: when its open long poll gives up. */
    let requestEndsAt = new Float64Array(0);
    /** The outputs whose consumer polls (most queues have none: their dispatch skips this). */
    let pollers: number[] = [];
    let expiryTimerAt = Infinity;
    /**
     * The current expiry timer's number: an earlier head (a requeue) or a crash supersedes
     * a pending timer, which then fires as stale and does nothing.
     */
    let expiryTimer = 0;
    /** When the one pending ack-timeout timer fires (Infinity: none pending). */
    let ackTimerAt = Infinity;
    /** When the one pending delay timer fires (Infinity: none pending). */
    let delayTimerAt = Infinity;
    const droppedByReason: Record<string, number> = {};
    const s = {
      received: 0,
      dispatched: 0,
      acked: 0,
      nacked: 0,
      redelivered: 0,
      expired: 0,
      deadLettered: 0,
      dropped: 0,
      refused: 0,
      deduplicated: 0,
      denied: 0,
      receives: 0,
      emptyReceives: 0,
      tooLarge: 0,
    };

    const fits = (msg: Message, extraCount = 0): boolean =>
      (c.maxLength === undefined || ready.size + extraCount < c.maxLength) &&
      (c.maxBytes === undefined || readyBytes + msg.sizeBytes <= c.maxBytes);

    /** This queue lets a message go as lost, counted by reason. */
    function drop(msg: Message, fate: `lost:${LostReason}`): void {
      s.dropped++;
      const reason = fate.slice(5);
      droppedByReason[reason] = (droppedByReason[reason] ?? 0) + 1;
      sim.release(msg, fate);
    }

    function deadLetterOrDrop(msg: Message, reason: QueueDeadLetterReason): void {
      if (deadLetterTarget >= 0) {
        s.deadLettered++;
        sim.deadLetter(msg, reason, deadLetterTarget, index, c.deadLetterRoutingKey);
      } else {
        drop(msg, `lost:${LOST_INSTEAD[reason]}`);
      }
    }

    function pushReady(msg: Message, front: boolean): void {
      if (front) ready.unshift(msg);
      else ready.push(msg);
      readyBytes += msg.sizeBytes;
    }

    function shiftReady(position = 0): Message {
      const msg = ready.removeAt(position)!;
      readyBytes -= msg.sizeBytes;
      return msg;
    }

    /** Which ready message the next dispatch takes, by the ordering mode; -1: none may go. */
    function nextPosition(): number {
      switch (c.ordering) {
        case 'fifo':
          return 0;
        case 'best-effort':
          return rng.next() < c.outOfOrderProbability && ready.size > 1 ? 1 : 0;
        case 'per-group':
          for (let i = 0; i < ready.size; i++) if (!groupsInFlight.has(groupOf(ready.at(i)!))) return i;
          return -1;
      }
    }

    function expire(msg: Message): void {
      s.expired++;
      // Past the retention limit a message is deleted (SQS); a TTL dead-letters it.
      if (msg.expiryIsRetention) {
        drop(msg, 'lost:expired');
      } else {
        deadLetterOrDrop(msg, 'expired');
      }
    }

    /** Deduplication keys accepted within the window, oldest first (Map keeps insertion order). */
    const dedupSeen = new Map<string, { at: number; uid: number }>();

    function dedupKey(msg: Message): string | undefined {
      switch (c.deduplication) {
        case 'none':
          return undefined;
        case 'message-id':
          return `${msg.id}`;
        case 'content':
          return `${msg.key ?? ''}\u0000${msg.sizeBytes}\u0000${msg.headers ? JSON.stringify(msg.headers) : ''}`;
      }
    }

    /** SQS-3: true when the message was accepted but is not to be delivered. */
    function deduplicated(msg: Message): boolean {
      const key = dedupKey(msg);
      if (key === undefined) return false;
      for (const [k, seen] of dedupSeen) {
        if (seen.at + c.dedupWindowMs > sim.now) break;
        dedupSeen.delete(k);
      }
      const seen = dedupSeen.get(key);
      if (!seen) {
        dedupSeen.set(key, { at: sim.now, uid: msg.uid });
        return false;
      }
      s.deduplicated++;
      if (seen.uid === msg.uid) {
        // The same message again (a retry, a duplicated link): one copy is enough.
        sim.ledger.duplicatesSuppressed++;
        sim.release(msg);
      } else {
        sim.release(msg, 'lost:deduplicated');
      }
      return true;
    }

    /**
     * RMQ-D1: a dead letter arriving at a queue it was already dead-lettered from has gone
     * round a cycle: the deaths since that one (the records, latest first, up to and
     * including this queue's). With no rejection among them it would never end: dropped.
     * A rejection earlier in its history does not count (RabbitMQ looks at the cycle only).
     */
    function deadLetterCycle(msg: Message): boolean {
      const deaths = msg.deaths;
      if (deaths === undefined) return false;
      const own = deaths.findIndex((d) => d.queue === index);
      if (own < 0) return false;
      for (let i = 0; i <= own; i++) if (deaths[i]!.reason === 'rejected') return false;
      return true;
    }

    /** Expiry applies at the head (RabbitMQ): an expired message behind a live one waits. */
    function purgeExpiredHead(): void {
      while (ready.size > 0 && ready.peek()!.expiresAt <= sim.now) expire(shiftReady());
      const head = ready.peek();
      if (head && head.expiresAt < expiryTimerAt) {
        expiryTimerAt = head.expiresAt;
        sim.schedule(head.expiresAt - sim.now, index, ++expiryTimer, EXPIRY);
      }
    }

    function chooseOutput(): number {
      const n = outputs.length;
      for (let k = 0; k < n; k++) {
        const o = (nextOutput + k) % n;
        const target = sim.targetOf(outputs[o]!);
        if (sim.isDown(target) || !sim.isOpen(outputs[o]!) || !sim.mayConsume(index, outputs[o]!)) continue;
        const consumer = sim.runtime(target);
        // A polling consumer gets messages only against an open receive (SQS-5).
        if (consumer.polls && requested[o]! === 0) continue;
        if (consumer.autoAck || unackedPer[o]! < (consumer.prefetchLimit ?? Infinity)) return o;
      }
      return -1;
    }

    /**
     * Hands ready messages to consumers with room. `arriving` is true in the event a
     * message arrived in: a message due to expire at this very instant (TTL 0) still gets
     * this one chance to be delivered, as RabbitMQ gives it.
     */
    function dispatch(arriving: boolean): void {
      if (sim.isDown(index)) return;
      while (ready.size > 0) {
        const o = chooseOutput();
        if (o < 0) break;
        const position = nextPosition();
        if (position < 0) break;
        const msg = shiftReady(position);
        if (msg.expiresAt < sim.now || (!arriving && msg.expiresAt === sim.now)) {
          expire(msg);
          continue;
        }
        if (c.ordering === 'best-effort' && rng.next() < c.duplicateProbability) {
          // Standard-queue-like: the same message will also be delivered once more, soon
          // (it goes back to the front), as a separate receive.
          sim.hold(msg);
          pushReady(msg, true);
        }
        nextOutput = (o + 1) % outputs.length;
        if (requested[o]! > 0) {
          requested[o]!--;
          requestGot[o]!++;
        }
        const edge = outputs[o]!;
        const redelivery = msg.redelivered;
        msg.attempts++;
        s.dispatched++;
        if (sim.runtime(sim.targetOf(edge)).autoAck) {
          s.acked++;
          sim.send(edge, msg, { redelivery, attempt: msg.attempts });
          continue;
        }
        const tag = nextTag++;
        unacked.set(tag, { msg, output: o, attempt: msg.attempts, redelivered: redelivery, deadline: sim.now + (c.ackTimeoutMs ?? Infinity) });
        unackedPer[o]!++;
        if (c.ordering === 'per-group') groupsInFlight.set(groupOf(msg), (groupsInFlight.get(groupOf(msg)) ?? 0) + 1);
        sim.hold(msg);
        sim.send(edge, msg, { deliveryTag: tag, redelivery, attempt: msg.attempts });
        if (c.ackTimeoutMs !== undefined && ackTimerAt === Infinity) {
          ackTimerAt = sim.now + c.ackTimeoutMs;
          sim.schedule(c.ackTimeoutMs, index, -1, ACK_TIMEOUT);
        }
      }
      // A receive returns as soon as it has something (up to its batch, what is there now).
      for (const o of pollers) if (requested[o]! > 0 && requestGot[o]! > 0) requested[o] = 0;
      purgeExpiredHead();
      admitWaiting();
    }

    /** Publishes blocked on a full queue get in, in order, as room frees up. */
    function admitWaiting(): void {
      let admitted = false;
      while (waiting.size > 0 && fits(waiting.peek()!.msg)) {
        const w = waiting.shift()!;
        sim.ledger.publishWait.record(sim.now - w.since);
        pushReady(w.msg, false);
        // Accepted only now: a publisher confirm goes back now, not when it arrived.
        sim.publishSettled(w.msg, true);
        admitted = true;
      }
      if (admitted) dispatch(true);
    }

    /** Back to ready after a delivery that did not end in an ack, unless out of attempts. */
    function requeue(msg: Message): void {
      if (c.maxDeliveries !== undefined && msg.attempts >= c.maxDeliveries) {
        deadLetterOrDrop(msg, 'delivery-limit');
        return;
      }
      msg.redelivered = true;
      s.redelivered++;
      pushReady(msg, true);
    }

    /**
     * RMQ-L2: messages coming back from consumers (requeue, a closed channel, an ack timeout)
     * may take ready past the limit; with drop-head the head goes until it fits again, as
     * RabbitMQ drops after a requeue. The other policies refuse publishes only: a requeue
     * may overfill them.
     */
    function dropHeadPastLimit(): void {
      if (c.overflow !== 'drop-head') return;
      const over = (): boolean => (c.maxLength !== undefined && ready.size > c.maxLength) || (c.maxBytes !== undefined && readyBytes > c.maxBytes);
      while (ready.size > 0 && over()) deadLetterOrDrop(shiftReady(), 'max-length');
    }

    function settleDelivery(tag: number): Delivery | undefined {
      const delivery = unacked.get(tag);
      if (!delivery) return undefined;
      unacked.delete(tag);
      unackedPer[delivery.output]!--;
      if (c.ordering === 'per-group') {
        const group = groupOf(delivery.msg);
        const left = groupsInFlight.get(group)! - 1;
        if (left > 0) groupsInFlight.set(group, left);
        else groupsInFlight.delete(group);
      }
      return delivery;
    }

    /** Unacked deliveries back to ready at the front, oldest delivery first (RMQ-C2). */
    function returnUnacked(which: (d: Delivery) => boolean, keep: (msg: Message) => boolean): void {
      const returned: Message[] = [];
      for (const [tag, delivery] of unacked) {
        if (!which(delivery)) continue;
        settleDelivery(tag);
        if (keep(delivery.msg)) returned.push(delivery.msg);
        else {
          drop(delivery.msg, 'lost:crash');
        }
      }
      for (let i = returned.length - 1; i >= 0; i--) requeue(returned[i]!);
    }

    /** reject-publish: the newest is refused and the producer told. */
    function refuse(msg: Message): void {
      s.refused++;
      rejectBack(msg);
    }

    /** The message goes back to its producer, which is told (a confirm nack): fate `rejected`. */
    function rejectBack(msg: Message): void {
      sim.refused(msg);
      sim.release(msg, 'rejected');
    }

    /** block: the publish waits for room, unless it could never fit — that is refused, not a deadlock. */
    function waitForRoom(msg: Message): void {
      if (c.maxBytes !== undefined && msg.sizeBytes > c.maxBytes) {
        refuse(msg);
        return;
      }
      waiting.push({ msg, since: sim.now });
      sim.confirmLater(msg);
    }

    function admit(msg: Message): void {
      if (fits(msg)) {
        pushReady(msg, false);
        return;
      }
      switch (c.overflow) {
        case 'drop-head':
          // Oldest first, until the new message fits (RabbitMQ's default).
          while (ready.size > 0 && !fits(msg)) deadLetterOrDrop(shiftReady(), 'max-length');
          if (fits(msg)) pushReady(msg, false);
          else deadLetterOrDrop(msg, 'max-length');
          return;
        case 'reject-publish':
          refuse(msg);
          return;
        case 'reject-publish-dlx':
          s.refused++;
          sim.refused(msg);
          deadLetterOrDrop(msg, 'max-length');
          return;
        case 'block':
          waitForRoom(msg);
          return;
      }
    }

    /** A message becomes part of the queue: its TTL and retention start, it is admitted or waits. */
    function enqueue(msg: Message): void {
      // RMQ-T1: the message's own TTL and the queue's both count from now, as it enters the queue; the lower applies.
      const ttlMs = Math.min(msg.ttlMs, c.messageTtlMs ?? Infinity);
      if (ttlMs !== Infinity) msg.expiresAt = sim.now + ttlMs;
      if (c.retentionMs !== undefined && sim.now + c.retentionMs < msg.expiresAt) {
        msg.expiresAt = sim.now + c.retentionMs;
        msg.expiryIsRetention = true;
      }
      // Behind publishes already waiting, a new one waits too (in order).
      if (waiting.size > 0) waitForRoom(msg);
      else admit(msg);
      dispatch(true);
    }

    function delayOver(): void {
      delayTimerAt = Infinity;
      while (delayed.size > 0 && delayed.peek()!.visibleAt <= sim.now) enqueue(delayed.shift()!.msg);
      const next = delayed.peek();
      if (next) {
        delayTimerAt = next.visibleAt;
        sim.schedule(next.visibleAt - sim.now, index, -1, DELAY_OVER);
      }
    }

    return {
      kind: 'queue',
      start() {
        outputs = sim.outputs(index);
        outputOfEdge = new Int32Array(sim.topology.edges.length).fill(-1);
        outputs.forEach((edge, o) => (outputOfEdge[edge] = o));
        unackedPer = new Int32Array(outputs.length);
        closedBelow = new Float64Array(outputs.length);
        requested = new Int32Array(outputs.length);
        pollers = outputs.flatMap((edge, o) => (sim.runtime(sim.targetOf(edge)).polls ? [o] : []));
        requestGot = new Int32Array(outputs.length);
        requestEndsAt = new Float64Array(outputs.length);
      },
      receive(msg, edge) {
        s.received++;
        if (deleted) {
          drop(msg, 'lost:unroutable');
          return;
        }
        if (!sim.admit(index, edge, msg)) {
          s.denied++;
          return;
        }
        if (deadLetterCycle(msg)) {
          drop(msg, 'lost:dead-letter-cycle');
          return;
        }
        // SQS-6: a message over the size limit is refused at the send, before anything else.
        if (c.maxMessageBytes !== undefined && msg.sizeBytes > c.maxMessageBytes) {
          s.tooLarge++;
          rejectBack(msg);
          return;
        }
        if (deduplicated(msg)) return;
        if (c.delayMs > 0) {
          delayed.push({ msg, visibleAt: sim.now + c.delayMs });
          if (delayTimerAt === Infinity) {
            delayTimerAt = sim.now + c.delayMs;
            sim.schedule(c.delayMs, index, -1, DELAY_OVER);
          }
          return;
        }
        enqueue(msg);
      },
      acked(tag) {
        const delivery = settleDelivery(tag);
        if (!delivery) return;
        s.acked++;
        sim.release(delivery.msg);
        dispatch(false);
      },
      nacked(tag, requeueIt) {
        const delivery = settleDelivery(tag);
        if (!delivery) return;
        s.nacked++;
        if (requeueIt) {
          requeue(delivery.msg);
          dropHeadPastLimit();
        } else deadLetterOrDrop(delivery.msg, 'rejected');
        dispatch(false);
      },
      poll(edge, batch, waitMs) {
        const o = outputOfEdge[edge]!;
        s.receives++;
        requested[o] = batch;
        requestGot[o] = 0;
        dispatch(false);
        if (requestGot[o]! > 0) return;
        if (waitMs === 0 || sim.isDown(index) || deleted) {
          // Short polling: nothing there now, an empty receive.
          requested[o] = 0;
          s.emptyReceives++;
          return;
        }
        requestEndsAt[o] = sim.now + waitMs;
        sim.schedule(waitMs, index, o, POLL_TIMEOUT);
      },
      timer(payload, tag) {
        if (tag === POLL_TIMEOUT) {
          if (requested[payload]! > 0 && requestEndsAt[payload] === sim.now) {
            requested[payload] = 0;
            s.emptyReceives++;
          }
          return;
        }
        if (tag === DELAY_OVER) {
          delayOver();
          return;
        }
        if (tag === ACK_TIMEOUT) {
          ackTimerAt = Infinity;
          // Deadlines grow with the delivery tag (one timeout per queue), so the overdue
          // ones are at the front of the insertion-ordered map.
          for (const [tag, delivery] of unacked) {
            if (delivery.deadline > sim.now) {
              ackTimerAt = delivery.deadline;
              sim.schedule(delivery.deadline - sim.now, index, -1, ACK_TIMEOUT);
              break;
            }
            settleDelivery(tag);
            requeue(delivery.msg);
          }
          dropHeadPastLimit();
        } else {
          if (payload !== expiryTimer) return;
          expiryTimerAt = Infinity;
        }
        dispatch(false);
      },
      crash() {
        // RMQ-Q2: a durable queue keeps its persistent messages; all else is gone.
        const survives = (msg: Message): boolean => c.durable && msg.persistent;
        returnUnacked(() => true, survives);
        const kept: Message[] = [];
        while (ready.size > 0) {
          const msg = shiftReady();
          if (survives(msg)) kept.push(msg);
          else {
            drop(msg, 'lost:crash');
          }
        }
        for (const msg of kept) pushReady(msg, false);
        const keptDelayed: { msg: Message; visibleAt: number }[] = [];
        for (let d = delayed.shift(); d; d = delayed.shift()) {
          if (survives(d.msg)) keptDelayed.push(d);
          else {
            drop(d.msg, 'lost:crash');
          }
        }
        for (const d of keptDelayed) delayed.push(d);
        // Publishes blocked on it were never accepted: the crash closes their connection.
        for (let w = waiting.shift(); w; w = waiting.shift()) {
          sim.publishSettled(w.msg, false);
          drop(w.msg, 'lost:crash');
        }
        expiryTimerAt = Infinity;
        expiryTimer++;
      },
      restart() {
        // Its crash already lost everything a transient queue held; now the queue itself is gone.
        if (!c.durable) deleted = true;
        dispatch(false);
      },
      deleted: () => deleted,
      outputDown(edge) {
        // The consumer's connection closed: what it had not acked comes back, redelivered,
        // and deliveries still on their way to it are void.
        const o = outputOfEdge[edge]!;
        closedBelow[o] = nextTag;
        returnUnacked((d) => d.output === o, () => true);
        dropHeadPastLimit();
        dispatch(false);
      },
      outputUp() {
        dispatch(false);
      },
      deliveryClosed: (edge, tag) => tag < closedBelow[outputOfEdge[edge]!]!,
      contents: () => ready.toArray(),
      load: () => ready.size + unacked.size + waiting.size + delayed.size,
      held(limit) {
        const list = heldList(limit);
        list.add('ready', ready.size, (n) => ready.first(n), (msg) => ({ msg, state: 'ready' }));
        // Oldest delivery first: the map keeps delivery-tag order.
        list.add('unacked', unacked.size, () => unacked.values(), (d) => ({
          msg: d.msg,
          state: 'unacked',
          edge: outputs[d.output]!,
          ackDeadline: d.deadline,
          attempt: d.attempt,
          redelivered: d.redelivered,
        }));
        list.add('delayed', delayed.size, (n) => delayed.first(n), (d) => ({ msg: d.msg, state: 'delayed' }));
        list.add('blocked', waiting.size, (n) => waiting.first(n), (w) => ({ msg: w.msg, state: 'blocked' }));
        return list.result;
      },
      /**
       * Limits and timeouts are read when used: a new length limit applies to the next
       * publish (drop-head trims now, a raised limit lets blocked publishes in), a TTL to
       * messages arriving from now, an ack timeout to deliveries made from now.
       */
      reconfigure(update) {
        const nextConfig = update as typeof c;
        const blocked = settingNeedingReset(c, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        c = nextConfig;
        dropHeadPastLimit();
        admitWaiting();
        return undefined;
      },
      stats: () => ({
        kind: 'queue',
        ...s,
        depth: ready.size,
        bytes: readyBytes,
        unacked: unacked.size,
        droppedByReason: { ...droppedByReason },
        blocked: waiting.size,
        delayed: delayed.size,
        deleted,
      }),
    };
  },
});
