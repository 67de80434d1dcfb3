import type { Message } from '../message.ts';
import { defineNode, heldList, settingNeedingReset } from './node.ts';
import { passOn } from './routing.ts';

/** Timer tag: a stream's gap has waited `gapTimeoutMs` (payload: the stream's number). */
const GAP_TIMEOUT = 0;

interface Stream {
  /** The sequence number it lets go next. */
  next: number;
  /** Held messages by sequence number. */
  held: Map<number, Message>;
  /** When the pending gap timer fires; Infinity: none pending. */
  gapTimerAt: number;
}

/**
 * Settings a running resequencer reads when it uses them (see `reconfigure`); `sequence`
 * decides which stream each held message is in, so it needs a reset.
 */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['gapTimeoutMs', 'bufferSize']);

/**
 * Resequencer (SEMANTICS.md §5): lets messages go to its one output in sequence order,
 * per producer (its sequence numbers) or per producer and key (key sequence numbers). An
 * early message is held; a missing one is waited for up to `gapTimeoutMs` from when the
 * wait for it began, then skipped (counted) and the lowest held one goes. With `bufferSize`
 * messages held, the lowest goes at once (the gap before it skipped). A message whose
 * place was already passed (late after a skip, or a duplicate) goes on at once, counted late.
 */
export const resequencer = defineNode({
  kind: 'resequencer',
  create(node, index, sim) {
    let config = node.config;
    const { sequence } = config;
    const s = { received: 0, out: 0, dropped: 0, held: 0, skipped: 0, late: 0 };
    const streams: Stream[] = [];
    const streamOf = new Map<string, number>();

    function stream(msg: Message): number {
      const name = sequence === 'key' ? `${msg.producer}\u0000${msg.key ?? ''}` : `${msg.producer}`;
      let n = streamOf.get(name);
      if (n === undefined) {
        n = streams.length;
        streamOf.set(name, n);
        streams.push({ next: 0, held: new Map(), gapTimerAt: Infinity });
      }
      return n;
    }

    const pass = (msg: Message): void => passOn(sim, sim.outputs(index)[0], msg, s);

    /** Lets go every held message that is next in line; a new gap (if any) starts its own wait. */
    function flush(st: Stream): void {
      const before = st.next;
      for (let msg = st.held.get(st.next); msg; msg = st.held.get(st.next)) {
        st.held.delete(st.next);
        s.held--;
        st.next++;
        pass(msg);
      }
      // The gap being waited for is filled: a pending timer was for it, not for the next one.
      if (st.next !== before) st.gapTimerAt = Infinity;
    }

    /** Gives up on the gap: the lowest held message is next. */
    function skipGap(st: Stream): void {
      let lowest = Infinity;
      for (const seq of st.held.keys()) if (seq < lowest) lowest = seq;
      if (lowest === Infinity) return;
      s.skipped += lowest - st.next;
      st.next = lowest;
      flush(st);
    }

    function waitForGap(n: number): void {
      const st = streams[n]!;
      if (st.held.size === 0 || st.gapTimerAt !== Infinity) return;
      st.gapTimerAt = sim.now + config.gapTimeoutMs;
      sim.schedule(config.gapTimeoutMs, index, n, GAP_TIMEOUT);
    }

    return {
      kind: 'resequencer',
      receive(msg) {
        s.received++;
        const n = stream(msg);
        const st = streams[n]!;
        const seq = sequence === 'key' ? msg.keySeq : msg.seq;
        if (seq < st.next || st.held.has(seq)) {
          s.late++;
          pass(msg);
          return;
        }
        st.held.set(seq, msg);
        s.held++;
        flush(st);
        if (st.held.size >= config.bufferSize) skipGap(st);
        waitForGap(n);
      },
      timer(n, tag) {
        const st = streams[n];
        if (tag !== GAP_TIMEOUT || !st || st.gapTimerAt !== sim.now) return;
        st.gapTimerAt = Infinity;
        skipGap(st);
        waitForGap(n);
      },
      crash() {
        for (const st of streams) {
          for (const msg of st.held.values()) sim.release(msg, 'lost:crash');
          st.held.clear();
          st.gapTimerAt = Infinity;
        }
        s.held = 0;
      },
      load: () => s.held,
      held(limit) {
        const list = heldList(limit);
        for (const st of streams) {
          const waiting = [...st.held.entries()].sort((a, b) => a[0] - b[0]).map(([, msg]) => msg);
          list.add('ready', waiting.length, (n) => waiting.slice(0, n), (msg) => ({ msg, state: 'ready' }));
        }
        return list.result;
      },
      /**
       * A new gap timeout applies to gaps whose wait begins from now (a wait already under
       * way keeps its deadline); a smaller buffer that is now full lets the lowest go at
       * once, gap by gap, until fewer than `bufferSize` are held.
       */
      reconfigure(update) {
        const nextConfig = update as typeof config;
        const blocked = settingNeedingReset(config, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        config = nextConfig;
        streams.forEach((st, n) => {
          while (st.held.size > 0 && st.held.size >= config.bufferSize) skipGap(st);
          waitForGap(n);
        });
        return undefined;
      },
      stats: () => ({ kind: 'resequencer', ...s }),
    };
  },
});
