import { MAX_SPLIT_PARTS } from '../../model/index.ts';
import type { Message } from '../message.ts';
import { defineNode } from './node.ts';
import { passOn } from './routing.ts';

/**
 * Splitter (SEMANTICS.md §5): one message in, N parts out, sharing the message's id as
 * their correlation id and numbered 1..N.
 *
 * Conservation: the message itself becomes part 1 (it keeps its uid, its hold and so its
 * fate) and parts 2..N are new copies derived from it, each with a fate of its own. The
 * splitter is the producer of every part, numbering them in one sequence in split order,
 * so a resequencer can put parts back in order and a consumer counts reorders among them;
 * creation time stays the original's, so latency is end to end.
 *
 * The same message arriving again (a duplicating link, a producer's retry) is split again:
 * part 1 goes on once more and parts 2..N are derived anew, as a real splitter would do
 * with a redelivered message; an aggregator keeps one of each part.
 */
export const splitter = defineNode({
  kind: 'splitter',
  create(node, index, sim) {
    const { parts, partsHeader, partSizeBytes } = node.config;
    const s = { received: 0, out: 0, dropped: 0 };
    let nextSeq = 0;
    /** Messages this splitter made part 1 of: their part count and original size, for a repeat. */
    const splits = new WeakMap<Message, { count: number; totalBytes: number }>();

    /** N for this message: its header's whole number when it has a valid one, else the setting. */
    function partCountOf(msg: Message): number {
      const text = partsHeader === undefined ? undefined : msg.headers?.[partsHeader];
      if (text === undefined || !/^\s*\d+\s*$/.test(text)) return parts;
      const n = Number(text);
      return n >= 1 && n <= MAX_SPLIT_PARTS ? n : parts;
    }

    /** Part `i` (1-based) of `count`: the setting, or an even share with the remainder on the first parts, so the sizes add up. */
    function sizeOf(i: number, count: number, totalBytes: number): number {
      if (partSizeBytes !== undefined) return partSizeBytes;
      return Math.floor(totalBytes / count) + (i <= totalBytes % count ? 1 : 0);
    }

    return {
      kind: 'splitter',
      receive(msg) {
        s.received++;
        let split = splits.get(msg);
        if (split === undefined) {
          split = { count: partCountOf(msg), totalBytes: msg.sizeBytes };
          splits.set(msg, split);
          msg.correlationId = msg.id;
          msg.partIndex = 1;
          msg.partCount = split.count;
          msg.producer = index;
          msg.seq = nextSeq++;
          msg.keySeq = msg.seq;
          msg.sizeBytes = sizeOf(1, split.count, split.totalBytes);
        }
        const out: Message[] = [msg];
        // Derived from part 1: they copy its correlation id, count, key, headers and creation time.
        for (let i = 2; i <= split.count; i++) {
          const part = sim.deriveMessage(index, nextSeq++, msg);
          part.partIndex = i;
          part.sizeBytes = sizeOf(i, split.count, split.totalBytes);
          out.push(part);
        }
        const output = sim.outputs(index)[0];
        for (const part of out) passOn(sim, output, part, s);
      },
      stats: () => ({ kind: 'splitter', ...s }),
    };
  },
});
