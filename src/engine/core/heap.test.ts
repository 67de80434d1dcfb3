import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap, newPoppedEvent } from './heap.ts';

function drain(heap: EventHeap): { time: number; a: number }[] {
  const out: { time: number; a: number }[] = [];
  const ev = newPoppedEvent();
  while (heap.pop(ev)) out.push({ time: ev.time, a: ev.a });
  return out;
}

describe('EventHeap', () => {
  it('pops in (time, insertion order) order, ties first-in-first-out', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 400 }), (times) => {
        const heap = new EventHeap(16);
        times.forEach((t, i) => heap.push(t, 1, i, -1));
        const expected = times.map((time, a) => ({ time, a })).sort((x, y) => x.time - y.time || x.a - y.a);
        expect(drain(heap)).toEqual(expected);
      }),
    );
  });

  it('agrees with a sorted reference under interleaved pushes and pops', () => {
    const op = fc.oneof(fc.record({ push: fc.double({ min: 0, max: 1e6, noNaN: true }) }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 500 }), (ops) => {
        const heap = new EventHeap(16);
        const reference: { time: number; a: number }[] = [];
        const ev = newPoppedEvent();
        let n = 0;
        for (const o of ops) {
          if ('push' in o) {
            heap.push(o.push, 2, n, 7);
            reference.push({ time: o.push, a: n++ });
            reference.sort((x, y) => x.time - y.time || x.a - y.a);
          } else {
            const had = heap.pop(ev);
            const want = reference.shift();
            expect(had).toBe(want !== undefined);
            if (want) expect({ time: ev.time, a: ev.a }).toEqual(want);
          }
          expect(heap.size).toBe(reference.length);
          expect(heap.peekTime()).toBe(reference[0]?.time ?? Infinity);
        }
      }),
    );
  });

  it('keeps kind and payload with their event', () => {
    const heap = new EventHeap();
    heap.push(5, 9, 3, 11);
    heap.push(1, 8, -1, 2);
    const ev = newPoppedEvent();
    heap.pop(ev);
    expect(ev).toEqual({ time: 1, kind: 8, a: -1, b: 2 });
    heap.pop(ev);
    expect(ev).toEqual({ time: 5, kind: 9, a: 3, b: 11 });
    expect(heap.pop(ev)).toBe(false);
  });
});
