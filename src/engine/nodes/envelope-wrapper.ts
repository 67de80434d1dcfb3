import type { EnvelopeLayer, Message } from '../message.ts';
import { defineNode } from './node.ts';
import { headerStamper } from './producer.ts';
import { clampBytes, copyHeaders, countIn, firstSight, headersOrNone, sendOn, setHeader, transformCounters } from './transform.ts';

/**
 * Envelope wrapper (SEMANTICS.md §5). `wrap` puts each message in an envelope: its headers
 * (`{seq}`, `{key}` filled) over the message's own, and `envelopeBytes` more. The message
 * remembers what the envelope added and what it covered, so `unwrap` takes the outermost
 * envelope off exactly — the bytes, the headers, the values they had covered — and a
 * wrap then an unwrap gives back the original size and headers. A message with no
 * envelope goes through an unwrapper unchanged (counted). Either way it goes on to the one
 * output; it holds nothing and takes no time.
 */
export const envelopeWrapper = defineNode({
  kind: 'envelope-wrapper',
  create(node, index, sim) {
    const { mode, headers: templates, envelopeBytes } = node.config;
    const stamp = headerStamper(templates);
    const first = firstSight();
    const s = { ...transformCounters(), envelopes: 0, notWrapped: 0 };

    function wrap(msg: Message): void {
      const added = stamp(msg.seq, msg.key) ?? {};
      const headers = copyHeaders(msg);
      const covered = Object.keys(added).map((name) => [name, Object.hasOwn(headers, name) ? headers[name] : undefined] as const);
      for (const name of Object.keys(added)) setHeader(headers, name, added[name]!);
      const size = clampBytes(msg.sizeBytes + envelopeBytes);
      const layer: EnvelopeLayer = { bytes: size - msg.sizeBytes, covered };
      msg.headers = headersOrNone(headers);
      msg.sizeBytes = size;
      msg.envelopes = msg.envelopes ? [...msg.envelopes, layer] : [layer];
      s.envelopes++;
    }

    function unwrap(msg: Message): void {
      const layers = msg.envelopes;
      const layer = layers?.at(-1);
      if (!layers || !layer) {
        s.notWrapped++;
        return;
      }
      const headers = copyHeaders(msg);
      for (const [name, value] of layer.covered) {
        if (value === undefined) delete headers[name];
        else setHeader(headers, name, value);
      }
      msg.headers = headersOrNone(headers);
      msg.sizeBytes = clampBytes(msg.sizeBytes - layer.bytes);
      msg.envelopes = layers.length === 1 ? undefined : layers.slice(0, -1);
      s.envelopes++;
    }

    return {
      kind: 'envelope-wrapper',
      receive(msg) {
        countIn(s, msg);
        if (first(msg)) {
          if (mode === 'wrap') wrap(msg);
          else unwrap(msg);
        }
        sendOn(sim, index, msg, s);
      },
      stats: () => ({ kind: 'envelope-wrapper', ...s }),
    };
  },
});
