import { LatencyHistogram } from '../ledger/histogram.ts';
import type { Message } from '../message.ts';
import { defineNode } from './node.ts';

/** Timer tags: a request falls due (or, without a rate, the first ones go); a wait for a reply runs out (payload: the request id). */
const SEND = 0;
const TIMEOUT = 1;

interface Waiting {
  msg: Message;
  firstSentAt: number;
  retries: number;
  /** When the current wait runs out; Infinity: never (no timeout). */
  deadline: number;
  /** True while it keeps a hold of its own on the request, to be able to send it again. */
  holding: boolean;
}

/**
 * Requester (SEMANTICS.md §4 request-reply; ZMQ-2 REQ): each request carries its own id as
 * correlation id and the requester as reply-to, and goes to the next output in turn
 * (round-robin over the services). At most `maxOutstanding` wait for a reply at once; the
 * next request goes when a reply or giving up makes room, or, with a rate, when it is due and
 * there is room. With no open output it waits too, as a REQ socket with no peer blocks.
 *
 * A wait runs out after `timeoutMs`: the SAME request is sent again (so the service may
 * process it twice) up to `maxRetries` times, then given up. Without a timeout it waits for
 * ever: a lost request or reply stalls it (ZMQ-2). A reply whose request is not waited for
 * any more (answered already, given up) is discarded as `lost:late-reply`.
 *
 * It keeps a hold on a request only while it may still resend it, so a request lost on a
 * link with no resend to come shows as lost at once, not as in flight for ever.
 */
export const requester = defineNode({
  kind: 'requester',
  create(node, index, sim) {
    const { limit, rate, maxOutstanding, maxRetries, sizeBytes, key, startMs } = node.config;
    const timeoutMs = node.config.timeoutMs !== undefined && node.config.timeoutMs > 0 ? node.config.timeoutMs : undefined;
    const rng = sim.rng(index);
    /** Requests waiting for a reply, by correlation id, oldest first (Map keeps insertion order). */
    const waiting = new Map<number, Waiting>();
    const roundTrips = new LatencyHistogram();
    const s = { sent: 0, retries: 0, replies: 0, timeouts: 0, gaveUp: 0, lateReplies: 0 };
    let nextOutput = 0;
    let down = false;
    /** With a rate: a request fell due while there was no room; it goes as soon as there is. */
    let due = false;

    const more = (): boolean => limit === undefined || s.sent < limit;
    const hasRoom = (): boolean => waiting.size < maxOutstanding;
    const nextGap = (): number => (rate!.dist === 'constant' ? 1000 / rate!.perSecond : rng.exponential(1000 / rate!.perSecond));

    /** The next open output in turn (ZMQ-2: REQ round-robins over its services), or undefined with none open. */
    function pickOutput(): number | undefined {
      const outputs = sim.outputs(index);
      for (let k = 0; k < outputs.length; k++) {
        const o = (nextOutput + k) % outputs.length;
        if (!sim.isOpen(outputs[o]!)) continue;
        nextOutput = (o + 1) % outputs.length;
        return outputs[o];
      }
      return undefined;
    }

    /** Sends the request; keeps a hold on it only while a resend may follow. */
    function transmit(w: Waiting, edge: number): void {
      if (timeoutMs !== undefined && w.retries < maxRetries) sim.hold(w.msg);
      else w.holding = false;
      sim.send(edge, w.msg);
      if (timeoutMs === undefined) return;
      w.deadline = sim.now + timeoutMs;
      sim.schedule(timeoutMs, index, w.msg.id, TIMEOUT);
    }

    /** A new request on `edge`. */
    function request(edge: number): void {
      const seq = s.sent++;
      const msg = sim.newMessage(index, seq, key, seq, sizeBytes, Infinity);
      msg.correlationId = msg.id;
      msg.replyTo = index;
      sim.ledger.onProduced();
      const w: Waiting = { msg, firstSentAt: sim.now, retries: 0, deadline: Infinity, holding: true };
      waiting.set(msg.id, w);
      transmit(w, edge);
    }

    /** Sends what may go now: without a rate, until the room is used up; with one, a request that fell due. */
    function sendWhatMayGo(): void {
      if (down) return;
      if (rate === undefined) {
        while (more() && hasRoom()) {
          const edge = pickOutput();
          if (edge === undefined) return;
          request(edge);
        }
        return;
      }
      if (!due || !more() || !hasRoom()) return;
      const edge = pickOutput();
      if (edge === undefined) return;
      due = false;
      request(edge);
      if (more()) sim.schedule(nextGap(), index, -1, SEND);
    }

    const noOutputOpen = (): boolean => !sim.outputs(index).some((edge) => sim.isOpen(edge));

    function done(w: Waiting): void {
      waiting.delete(w.msg.id);
      if (w.holding) sim.release(w.msg);
    }

    function timedOut(id: number): void {
      const w = waiting.get(id);
      // A timer of an earlier wait of the same request (it was resent since) is stale.
      if (!w || w.deadline !== sim.now) return;
      s.timeouts++;
      const edge = w.retries < maxRetries ? pickOutput() : undefined;
      if (edge !== undefined) {
        w.retries++;
        s.retries++;
        // The same message again: if only the reply was lost or slow, the service now has it twice.
        transmit(w, edge);
        return;
      }
      s.gaveUp++;
      done(w);
      sendWhatMayGo();
    }

    return {
      kind: 'requester',
      // Replies through a reply queue are taken as they come: the queue forgets them on dispatch.
      autoAck: true,
      prefetchLimit: Infinity,
      start() {
        if (limit === 0) return;
        sim.schedule(startMs + (rate?.dist === 'poisson' ? nextGap() : 0), index, -1, SEND);
      },
      receive(msg) {
        // One of its own requests that came round (a queue linked both ways) answers nothing.
        const w = msg.correlationId === undefined || msg.producer === index ? undefined : waiting.get(msg.correlationId);
        if (!w) {
          s.lateReplies++;
          sim.release(msg, 'lost:late-reply');
          return;
        }
        s.replies++;
        roundTrips.record(sim.now - w.firstSentAt);
        sim.processed(msg);
        sim.release(msg);
        done(w);
        sendWhatMayGo();
      },
      timer(payload, tag) {
        if (tag === TIMEOUT) {
          timedOut(payload);
          return;
        }
        if (rate === undefined) {
          sendWhatMayGo();
          return;
        }
        // A crashed requester sends nothing, but its clock goes on: it resumes on schedule.
        if (down || !more()) {
          if (more()) sim.schedule(nextGap(), index, -1, SEND);
          return;
        }
        due = true;
        sendWhatMayGo();
      },
      crash() {
        down = true;
        due = false;
        // What it waited for is forgotten with it: a reply that comes later is late.
        for (const w of [...waiting.values()]) done(w);
      },
      restart() {
        down = false;
        sendWhatMayGo();
      },
      outputUp() {
        sendWhatMayGo();
      },
      load: () => waiting.size,
      stats() {
        const oldest = waiting.values().next().value;
        return {
          kind: 'requester',
          ...s,
          outstanding: waiting.size,
          blocked: !down && more() && (!hasRoom() || noOutputOpen()),
          waitingSinceMs: oldest === undefined ? null : oldest.firstSentAt,
          rttMeanMs: roundTrips.mean,
          rttP95Ms: roundTrips.quantile(0.95),
          rttMaxMs: roundTrips.max,
        };
      },
    };

  },
});
