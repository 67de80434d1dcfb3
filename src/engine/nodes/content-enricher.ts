import { sampleDuration } from '../core/distributions.ts';
import { Fifo } from '../core/fifo.ts';
import type { Message } from '../message.ts';
import { defineNode, heldList } from './node.ts';
import { headerStamper } from './producer.ts';
import { clampBytes, copyHeaders, countIn, firstSight, sendOn, setHeader, transformCounters } from './transform.ts';

/** Timer tag: a lookup is done (payload: its number). */
const LOOKUP_DONE = 0;

interface Lookup {
  msg: Message;
  fails: boolean;
}

/**
 * Content enricher (SEMANTICS.md §5): looks up what each message lacks. A lookup takes a
 * time drawn from `lookupMs`; at most `concurrency` run at once and the rest wait in
 * arrival order. A lookup fails with `failureProbability`: the message is
 * lost:enrichment-failed. One that succeeds adds `addHeaders` (`{seq}`, `{key}` filled) and
 * `addBytes`, and the message goes on to the one output. A crash loses what it holds
 * (lost:crash).
 *
 * A repeat delivery of the same copy is looked up again (it takes the time and may fail)
 * but is enriched only once.
 */
export const contentEnricher = defineNode({
  kind: 'content-enricher',
  create(node, index, sim) {
    const { lookupMs, concurrency, failureProbability, addHeaders, addBytes } = node.config;
    const rng = sim.rng(index);
    const stamp = headerStamper(addHeaders);
    const waiting = new Fifo<Message>();
    /** Lookups in progress by number, oldest first; a crash empties it, so a timer from before finds nothing. */
    const lookups = new Map<number, Lookup>();
    let nextLookup = 0;
    const first = firstSight();
    const s = { ...transformCounters(), failed: 0 };

    function startLookup(msg: Message): void {
      const id = nextLookup++;
      // Both draws always, in this order: a change of the failure odds leaves the durations as they were.
      const fails = rng.next() < failureProbability;
      lookups.set(id, { msg, fails });
      sim.schedule(sampleDuration(lookupMs, rng), index, id, LOOKUP_DONE);
    }

    function enrich(msg: Message): void {
      const added = stamp(msg.seq, msg.key);
      if (added) {
        const headers = copyHeaders(msg);
        for (const name of Object.keys(added)) setHeader(headers, name, added[name]!);
        msg.headers = headers;
      }
      msg.sizeBytes = clampBytes(msg.sizeBytes + addBytes);
    }

    return {
      kind: 'content-enricher',
      receive(msg) {
        countIn(s, msg);
        if (lookups.size < concurrency) startLookup(msg);
        else waiting.push(msg);
      },
      timer(id, tag) {
        const lookup = lookups.get(id);
        if (tag !== LOOKUP_DONE || !lookup) return;
        lookups.delete(id);
        if (lookup.fails) {
          s.failed++;
          sim.release(lookup.msg, 'lost:enrichment-failed');
        } else {
          if (first(lookup.msg)) enrich(lookup.msg);
          sendOn(sim, index, lookup.msg, s);
        }
        const next = waiting.shift();
        if (next) startLookup(next);
      },
      crash() {
        for (const { msg } of lookups.values()) sim.release(msg, 'lost:crash');
        lookups.clear();
        for (let msg = waiting.shift(); msg; msg = waiting.shift()) sim.release(msg, 'lost:crash');
      },
      load: () => lookups.size + waiting.size,
      held(limit) {
        const list = heldList(limit);
        const busy = [...lookups.values()].map((l) => l.msg);
        list.add('processing', busy.length, (n) => busy.slice(0, n), (msg) => ({ msg, state: 'processing' }));
        list.add('backlog', waiting.size, (n) => front(waiting, n), (msg) => ({ msg, state: 'backlog' }));
        return list.result;
      },
      stats: () => ({ kind: 'content-enricher', ...s, busy: lookups.size, waiting: waiting.size }),
    };
  },
});

/** The first `n` items of a FIFO, without copying the rest. */
function* front<T>(fifo: Fifo<T>, n: number): Generator<T> {
  for (let i = 0; i < n && i < fifo.size; i++) yield fifo.at(i)!;
}
