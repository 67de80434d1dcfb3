import type { Message } from '../message.ts';
import { defineNode } from './node.ts';
import { clampBytes, countIn, firstSight, headersOrNone, sendOn, setHeader, transformCounters } from './transform.ts';

/**
 * Content filter (SEMANTICS.md §5): each message goes on to the one output with only the
 * listed headers (`keep`) or without them (`remove`), and its body shrunk to
 * round(size x sizeFactor), at most `maxBodyBytes`. It never adds; it holds nothing and
 * takes no time.
 */
export const contentFilter = defineNode({
  kind: 'content-filter',
  create(node, index, sim) {
    const { headerMode, headers: listed, sizeFactor, maxBodyBytes } = node.config;
    const names = new Set(listed);
    const first = firstSight();
    const s = { ...transformCounters(), headersRemoved: 0 };

    function filterHeaders(msg: Message): Readonly<Record<string, string>> | undefined {
      const headers = msg.headers;
      if (!headers) return undefined;
      const kept: Record<string, string> = {};
      let removed = 0;
      for (const name of Object.keys(headers)) {
        if (names.has(name) === (headerMode === 'keep')) setHeader(kept, name, headers[name]!);
        else removed++;
      }
      if (removed === 0) return headers;
      s.headersRemoved += removed;
      return headersOrNone(kept);
    }

    return {
      kind: 'content-filter',
      receive(msg) {
        countIn(s, msg);
        if (first(msg)) {
          msg.headers = filterHeaders(msg);
          const shrunk = clampBytes(msg.sizeBytes * sizeFactor);
          msg.sizeBytes = maxBodyBytes !== undefined && shrunk > maxBodyBytes ? maxBodyBytes : shrunk;
        }
        sendOn(sim, index, msg, s);
      },
      stats: () => ({ kind: 'content-filter', ...s }),
    };
  },
});
