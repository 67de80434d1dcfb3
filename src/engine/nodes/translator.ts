import type { Message } from '../message.ts';
import { defineNode } from './node.ts';
import { headerStamper } from './producer.ts';
import { clampBytes, copyHeaders, countIn, firstSight, headersOrNone, sendOn, setHeader, transformCounters } from './transform.ts';

/**
 * Message translator (SEMANTICS.md §5): each message goes on to the one output with its
 * headers mapped — renamed, then removed, then set (a set value wins) — and its size mapped
 * to round(size x sizeFactor + sizeAddBytes), at least 0; with a key template, a new key.
 * Templates (`{seq}`, `{key}`) are filled from the message as it arrived. It holds nothing
 * and takes no time.
 *
 * A new key starts its own key sequence, numbered in the order messages pass here, so a
 * consumer's per-key order is measured from this point on (several old keys merged into
 * one would otherwise look reordered).
 */
export const translator = defineNode({
  kind: 'translator',
  create(node, index, sim) {
    const { setHeaders, renameHeaders, removeHeaders, sizeFactor, sizeAddBytes, key } = node.config;
    const stamp = headerStamper(setHeaders);
    const stampKey = key === undefined ? undefined : headerStamper({ key });
    const renames = Object.entries(renameHeaders);
    const mapsHeaders = renames.length > 0 || removeHeaders.length > 0 || Object.keys(setHeaders).length > 0;
    /** Next key sequence number per producer and new key. */
    const keySeqs = new Map<string, number>();
    const first = firstSight();
    const s = transformCounters();

    function mapHeaders(msg: Message): Readonly<Record<string, string>> | undefined {
      const headers = copyHeaders(msg);
      const moved: [string, string][] = [];
      for (const [from, to] of renames) {
        if (!Object.hasOwn(headers, from)) continue;
        moved.push([to, headers[from]!]);
        delete headers[from];
      }
      for (const [to, value] of moved) setHeader(headers, to, value);
      for (const name of removeHeaders) delete headers[name];
      const set = stamp(msg.seq, msg.key);
      if (set) for (const name of Object.keys(set)) setHeader(headers, name, set[name]!);
      return headersOrNone(headers);
    }

    function rekey(msg: Message, template: (seq: number, key: string | undefined) => Readonly<Record<string, string>> | undefined): void {
      const next = template(msg.seq, msg.key)!.key!;
      const stream = `${msg.producer}\u0000${next}`;
      const keySeq = keySeqs.get(stream) ?? 0;
      keySeqs.set(stream, keySeq + 1);
      msg.key = next;
      msg.keySeq = keySeq;
    }

    return {
      kind: 'translator',
      receive(msg) {
        countIn(s, msg);
        if (first(msg)) {
          if (mapsHeaders) msg.headers = mapHeaders(msg);
          msg.sizeBytes = clampBytes(msg.sizeBytes * sizeFactor + sizeAddBytes);
          if (stampKey) rekey(msg, stampKey);
        }
        sendOn(sim, index, msg, s);
      },
      stats: () => ({ kind: 'translator', ...s }),
    };
  },
});
