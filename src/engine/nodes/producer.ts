import type { ProducerConfig } from '../../model/index.ts';
import { MAX_MESSAGE_BYTES } from '../../model/limits.ts';
import { sampleDuration } from '../core/distributions.ts';
import type { RandomStream } from '../core/random.ts';
import type { Message } from '../message.ts';
import { CONFIRM_ACK, CONFIRM_NACK, defineNode, settingNeedingReset } from './node.ts';

/** Timer tags of a producer (confirms arrive with the simulation's CONFIRM_ACK / CONFIRM_NACK). */
const SEND = 0;
const RETRY = 1;

/**
 * Settings a running producer takes from the next send on (see `reconfigure`); the rest
 * (start time, confirms, QoS, persistence) shape what is already in flight.
 */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['rate', 'limit', 'keys', 'keyWeights', 'priorities', 'priorityWeights', 'headers', 'sizeBytes', 'ttlMs']);

/**
 * Sends messages to its one output channel — at a constant rate, as a Poisson process, or
 * in on/off bursts — optionally stopping after a fixed count. Keys are assigned
 * round-robin, or drawn by weight from the producer's own random stream; header templates
 * are filled per message; sizes are fixed or drawn from a distribution. With no output,
 * each message is unroutable. A per-message TTL stamps each message's expiry; priorities
 * (RMQ-P2) are assigned like keys, round-robin or drawn by weight.
 */
export const producer = defineNode({
  kind: 'producer',
  create(node, index, sim) {
    const { startMs, confirms, retryAfterMs, maxRetries, qos, resendAfterMs, retain } = node.config;
    let config = node.config;
    const rng = sim.rng(index);
    const keySeqs = new Map<string, number>();
    // What LIVE_SETTINGS control, rebuilt by `reconfigure`.
    let { rate, limit, ttlMs } = config;
    let intervalMs = 1000 / rate.perSecond;
    let pickKey = picker(config.keys, config.keyWeights, rng);
    let pickPriority = picker(config.priorities, config.priorityWeights, rng);
    let stampHeaders = headerStamper(config.headers);
    let drawSize = sizeDrawer(config.sizeBytes, rng);
    /** True while a SEND timer is pending (false once the limit is reached). */
    let sending = false;
    let produced = 0;
    let refused = 0;
    let returned = 0;
    let down = false;
    // Only a producer that retries keeps a message (a hold) until its confirm: one that
    // does not would wait for ever on a confirm that was lost.
    const retrying = confirms && retryAfterMs !== undefined;
    /** Publisher confirms awaited for a retry, by message uid, with the resends made so far. */
    const awaiting = new Map<number, { msg: Message; retries: number }>();
    const confirmStats = { confirmed: 0, retries: 0, unconfirmed: 0 };

    /** Puts the message on the output; with confirms, keeps a hold on it until confirmed. */
    function publish(edge: number, msg: Message): void {
      if (qos > 0) {
        sim.sendQos(edge, msg, qos, resendAfterMs);
        return;
      }
      if (!confirms) {
        sim.send(edge, msg);
        return;
      }
      if (!retrying) {
        sim.send(edge, msg, { confirm: true });
        return;
      }
      awaiting.set(msg.uid, { msg, retries: 0 });
      sim.hold(msg);
      sim.send(edge, msg, { confirm: true });
      sim.schedule(retryAfterMs!, index, msg.uid, RETRY);
    }

    function settleConfirm(uid: number): void {
      const waiting = awaiting.get(uid);
      if (!waiting) return; // A late confirm of a message already confirmed or given up.
      awaiting.delete(uid);
      sim.release(waiting.msg);
    }

    function retry(uid: number): void {
      const waiting = awaiting.get(uid);
      if (!waiting) return;
      const [edge] = sim.outputs(index);
      if (waiting.retries >= maxRetries || edge === undefined || down) {
        confirmStats.unconfirmed++;
        awaiting.delete(uid);
        sim.release(waiting.msg);
        return;
      }
      waiting.retries++;
      confirmStats.retries++;
      // The same message again: if the first was only slow, or its confirm was lost, the
      // channel now has it twice.
      sim.hold(waiting.msg);
      sim.send(edge, waiting.msg, { confirm: true });
      sim.schedule(retryAfterMs!, index, uid, RETRY);
    }

    // Bursts: sends at startMs + burst * period + slot * interval, for the slots that fit
    // in the on-period. Times are computed from the start so they do not drift.
    let periodMs = rate.dist === 'bursts' ? rate.onMs + rate.offMs : 0;
    let perBurst = rate.dist === 'bursts' ? sendsPerBurst(rate.onMs, rate.perSecond) : 0;
    let burst = 0;
    let slot = 0;

    const nextGap = (): number => {
      switch (rate.dist) {
        case 'constant':
          return intervalMs;
        case 'poisson':
          return rng.exponential(intervalMs);
        case 'bursts':
          if (++slot >= perBurst) {
            slot = 0;
            burst++;
          }
          return Math.max(0, startMs + burst * periodMs + slot * intervalMs - sim.now);
      }
    };

    function send(): void {
      const seq = produced++;
      const key = pickKey(seq);
      const keySeq = key === undefined ? seq : (keySeqs.get(key) ?? 0);
      if (key !== undefined) keySeqs.set(key, keySeq + 1);
      const expiresAt = ttlMs === undefined ? Infinity : sim.now + ttlMs;
      const msg = sim.newMessage(index, seq, key, keySeq, drawSize(), expiresAt);
      if (ttlMs !== undefined) msg.ttlMs = ttlMs;
      msg.headers = stampHeaders(seq, key);
      msg.priority = pickPriority(seq) ?? 0;
      msg.qos = qos;
      msg.retain = retain;
      sim.ledger.onProduced();
      const [edge] = sim.outputs(index);
      if (edge === undefined || !sim.isOpen(edge)) {
        sim.release(msg, 'lost:unroutable');
        return;
      }
      publish(edge, msg);
    }

    return {
      kind: 'producer',
      start() {
        if (limit === 0) return;
        sending = true;
        sim.schedule(startMs + (rate.dist === 'poisson' ? nextGap() : 0), index, -1, SEND);
      },
      receive() {
        throw new Error(`producer "${node.id}" has no inputs`);
      },
      timer(payload, tag) {
        switch (tag) {
          case SEND:
            // A crashed producer sends nothing, but its clock goes on: it resumes on schedule.
            // (A limit lowered live below what was sent stops it before the next send.)
            if (!down && (limit === undefined || produced < limit)) send();
            sending = limit === undefined || produced < limit;
            if (sending) sim.schedule(nextGap(), index, -1, SEND);
            return;
          case CONFIRM_ACK:
            // With retries, only the first confirm of a message counts.
            if (!retrying || awaiting.has(payload)) confirmStats.confirmed++;
            settleConfirm(payload);
            return;
          case CONFIRM_NACK:
            settleConfirm(payload);
            return;
          case RETRY:
            retry(payload);
            return;
        }
      },
      crash() {
        down = true;
        // What it was waiting to have confirmed is forgotten with it.
        for (const { msg } of awaiting.values()) sim.release(msg);
        awaiting.clear();
      },
      restart() {
        down = false;
      },
      refusedByQueue() {
        refused++;
      },
      returnedByExchange() {
        returned++;
      },
      stats: () => ({ kind: 'producer', produced, refused, returned, ...confirmStats }),
      /**
       * The send already scheduled keeps its time; the gaps after it follow the new rate.
       * Bursts count their slots from the start time, so switching to or from them cannot
       * be done mid-run.
       */
      reconfigure(update) {
        const nextConfig = update as typeof config;
        const blocked = settingNeedingReset(config, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        if ((rate.dist === 'bursts' || nextConfig.rate.dist === 'bursts') && JSON.stringify(rate) !== JSON.stringify(nextConfig.rate)) return 'rate';
        config = nextConfig;
        ({ rate, limit, ttlMs } = config);
        intervalMs = 1000 / rate.perSecond;
        pickKey = picker(config.keys, config.keyWeights, rng);
        pickPriority = picker(config.priorities, config.priorityWeights, rng);
        stampHeaders = headerStamper(config.headers);
        drawSize = sizeDrawer(config.sizeBytes, rng);
        periodMs = rate.dist === 'bursts' ? rate.onMs + rate.offMs : 0;
        perBurst = rate.dist === 'bursts' ? sendsPerBurst(rate.onMs, rate.perSecond) : 0;
        // A raised limit resumes a producer that had stopped: its next send is one gap from now.
        if (!sending && (limit === undefined || produced < limit)) {
          sending = true;
          sim.schedule(Math.max(startMs - sim.now, 0) + nextGap(), index, -1, SEND);
        }
        return undefined;
      },
    };
  },
});

/** Sends that fit in one on-period: at offsets 0, interval, 2 interval, ... below onMs (at least one). */
export function sendsPerBurst(onMs: number, perSecond: number): number {
  const exact = (onMs * perSecond) / 1000;
  // The tolerance keeps 200 ms at 100/s at 20 sends when the product rounds a hair above.
  return Math.max(1, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
}

function sizeDrawer(sizeBytes: ProducerConfig['sizeBytes'], rng: RandomStream): () => number {
  return typeof sizeBytes === 'number' ? () => sizeBytes : () => wholeBytes(sampleDuration(sizeBytes, rng));
}

/** A size draw as whole bytes, within 0..MAX_MESSAGE_BYTES. */
function wholeBytes(draw: number): number {
  const n = Math.round(draw);
  return n < 0 ? 0 : n > MAX_MESSAGE_BYTES ? MAX_MESSAGE_BYTES : n;
}

/**
 * The key (or priority) of message `seq`: round-robin over `values`, or, with weights, drawn
 * in their proportions (a value of weight 0 is never drawn). Undefined when there are none.
 */
function picker<T>(values: readonly T[], weights: readonly number[] | undefined, rng: RandomStream): (seq: number) => T | undefined {
  if (values.length === 0) return () => undefined;
  if (weights === undefined) return (seq) => values[seq % values.length];
  const cumulative = new Float64Array(values.length);
  let total = 0;
  weights.forEach((w, i) => (cumulative[i] = total += w));
  return () => {
    const u = rng.next() * total;
    // The first value whose cumulative weight exceeds u.
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  };
}

const PLACEHOLDER_PART = /(\{seq\}|\{key\})/;

/**
 * Fills header templates per message. Templates without placeholders give one shared,
 * frozen object; no headers give undefined.
 */
export function headerStamper(templates: ProducerConfig['headers']): (seq: number, key: string | undefined) => Readonly<Record<string, string>> | undefined {
  const entries = Object.entries(templates);
  if (entries.length === 0) return () => undefined;
  // Split on the placeholders: even parts are literal text, odd parts are "{seq}" or "{key}".
  const compiled = entries.map(([name, value]) => ({ name, parts: value.split(PLACEHOLDER_PART) }));
  if (compiled.every((h) => h.parts.length === 1)) {
    const fixed = Object.freeze({ ...templates });
    return () => fixed;
  }
  // Object.fromEntries defines own properties, so even a header named "__proto__" is data.
  return (seq, key) =>
    Object.fromEntries(
      compiled.map(({ name, parts }) => {
        let text = parts[0]!;
        for (let i = 1; i < parts.length; i += 2) text += (parts[i] === '{seq}' ? String(seq) : (key ?? '')) + parts[i + 1]!;
        return [name, text];
      }),
    );
}
