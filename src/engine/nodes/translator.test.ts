import { describe, expect, it } from 'vitest';
import { runReport } from '../report.ts';
import { Simulation } from '../simulation.ts';
import { sink } from './router-test-kit.ts';
import { heldAt, producer, statsOf, transformTopology } from './transform-test-kit.ts';

function run(t: ReturnType<typeof transformTopology>, untilMs = 1_000): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

const translator = (config: object) => ({ id: 't', kind: 'translator', config });

describe('SEMANTICS §5 message translator', () => {
  it('maps headers — renamed, then removed, then set with {seq} and {key} — and the size, exactly', () => {
    const sim = run(
      transformTopology(
        [
          producer({ keys: ['a', 'b'], headers: { old: 'x', drop: 'y', keep: 'z' } }),
          translator({
            renameHeaders: { old: 'new' },
            removeHeaders: ['drop'],
            setHeaders: { id: 'order-{seq}', keep: 'set:{key}' },
            sizeFactor: 0.5,
            sizeAddBytes: 10,
          }),
          sink('c'),
        ],
        [['p', 't'], ['t', 'c']],
      ),
    );
    expect(heldAt(sim, 'c').map((m) => [m.headers, m.sizeBytes])).toEqual([
      [{ new: 'x', keep: 'set:a', id: 'order-0' }, 510],
      [{ new: 'x', keep: 'set:b', id: 'order-1' }, 510],
      [{ new: 'x', keep: 'set:a', id: 'order-2' }, 510],
    ]);
    expect(statsOf(sim, 't', 'translator')).toEqual({ kind: 'translator', received: 3, out: 3, dropped: 0, bytesIn: 3000, bytesOut: 1530 });
  });

  it('changes only its own copy: the other copies of a fan-out keep their headers and size', () => {
    const sim = run(
      transformTopology(
        [
          producer({ headers: { tenant: 'acme', trace: '{seq}' } }),
          { id: 'fan', kind: 'topic' },
          translator({ removeHeaders: ['tenant'], setHeaders: { trace: 'hidden' }, sizeFactor: 2 }),
          sink('translated'),
          sink('original'),
        ],
        [['p', 'fan'], ['fan', 't'], ['fan', 'original'], ['t', 'translated']],
      ),
    );
    expect(heldAt(sim, 'translated').map((m) => [m.headers, m.sizeBytes])).toEqual([
      [{ trace: 'hidden' }, 2000],
      [{ trace: 'hidden' }, 2000],
      [{ trace: 'hidden' }, 2000],
    ]);
    expect(heldAt(sim, 'original').map((m) => [m.headers, m.sizeBytes])).toEqual([
      [{ tenant: 'acme', trace: '0' }, 1000],
      [{ tenant: 'acme', trace: '1' }, 1000],
      [{ tenant: 'acme', trace: '2' }, 1000],
    ]);
  });

  it('rounds the new size and never goes below 0', () => {
    const sizes = (sizeFactor: number, sizeAddBytes: number) =>
      heldAt(run(transformTopology([producer({ sizeBytes: 5 }), translator({ sizeFactor, sizeAddBytes }), sink('c')], [['p', 't'], ['t', 'c']])), 'c').map((m) => m.sizeBytes);
    expect(sizes(0.3, 0)).toEqual([2, 2, 2]);
    expect(sizes(1, -6)).toEqual([0, 0, 0]);
    expect(sizes(0, 40)).toEqual([40, 40, 40]);
  });

  it('rewrites the key from a template; a merged key counts its order from the translator', () => {
    const keyed = run(transformTopology([producer({ keys: ['a', 'b'] }), translator({ key: 'eu.{key}' }), sink('c')], [['p', 't'], ['t', 'c']]));
    expect(heldAt(keyed, 'c').map((m) => m.key)).toEqual(['eu.a', 'eu.b', 'eu.a']);
    // a (key sequence 0, 1, 2, ...) and b (0, 1, ...) both become "all": the consumer sees
    // one key in order, not two sequences interleaved (a0 a1 b0 would count b0 as reordered).
    const merged = transformTopology(
      [producer({ keys: ['a', 'a', 'b'], limit: 40 }), translator({ key: 'all' }), { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 0 } } }],
      [['p', 't'], ['t', 'c']],
    );
    const stats = statsOf(run(merged), 'c', 'consumer');
    expect(stats).toMatchObject({ processed: 40, reorders: 0, keyReorders: 0 });
  });

  it('with no output, each message is lost:unroutable (counted dropped)', () => {
    const sim = run(transformTopology([producer(), translator({ sizeFactor: 0 })], [['p', 't']]));
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 3 });
    expect(statsOf(sim, 't', 'translator')).toMatchObject({ received: 3, out: 0, dropped: 3, bytesOut: 0 });
  });

  it('translates a repeat delivery of the same copy once: a duplicating link does not halve it twice', () => {
    const sim = run(
      transformTopology(
        [producer(), translator({ sizeFactor: 0.5, setHeaders: { n: '{seq}' } }), sink('c')],
        [['p', 't', { latencyMs: { dist: 'fixed', value: 1 }, duplication: 1 }], ['t', 'c']],
      ),
    );
    const seen = heldAt(sim, 'c');
    expect(seen).toHaveLength(6);
    expect(seen.every((m) => m.sizeBytes === 500)).toBe(true);
    expect(statsOf(sim, 't', 'translator')).toMatchObject({ received: 6, out: 6, bytesIn: 4500, bytesOut: 3000 });
    // Conservation: three copies, all still held by the sink (delivered once processed).
    expect(sim.ledger.created).toBe(3);
    expect(sim.ledger.inFlight).toBe(3);
  });
});
