import { describe, expect, it } from 'vitest';
import { runReport } from '../report.ts';
import { Simulation } from '../simulation.ts';
import { sink } from './router-test-kit.ts';
import { heldAt, producer, statsOf, transformTopology } from './transform-test-kit.ts';

const enricher = (config: object) => ({ id: 'e', kind: 'content-enricher', config: { lookupMs: { dist: 'fixed', value: 100 }, ...config } });

/** p -> e -> c; messages reach the enricher at 1, 11, 21, ... ms. */
function pipeline(config: object, producerConfig: object = {}, faults: object[] = []): Simulation {
  return new Simulation(transformTopology([producer(producerConfig), enricher(config), sink('c')], [['p', 'e'], ['e', 'c']], faults));
}

describe('SEMANTICS §5 content enricher', () => {
  it('adds a lookup delay; at most `concurrency` lookups run at once, the rest wait in arrival order', () => {
    const one = pipeline({ concurrency: 1 }, { limit: 10 });
    // Lookups end at 101, 201, 301, ...: one at a time.
    one.runUntil(350);
    expect(statsOf(one, 'e', 'content-enricher')).toMatchObject({ received: 10, out: 3, busy: 1, waiting: 6 });
    one.runUntil(1_010);
    expect(statsOf(one, 'e', 'content-enricher')).toMatchObject({ out: 10, busy: 0, waiting: 0 });
    expect(heldAt(one, 'c').map((m) => m.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    // Four at once: the first four end at 101-131, the next four start as those end.
    const four = pipeline({ concurrency: 4 }, { limit: 10 });
    four.runUntil(150);
    expect(statsOf(four, 'e', 'content-enricher')).toMatchObject({ received: 10, out: 4, busy: 4, waiting: 2 });
    expect(four.heldMessages('e', 10)!.counts).toEqual({ processing: 4, backlog: 2 });
  });

  it('adds its headers ({key} filled) and bytes to a new headers object', () => {
    const sim = pipeline({ addHeaders: { customer: 'c-{key}' }, addBytes: 300 }, { keys: ['x'], headers: { a: '1' } });
    sim.runUntil(1_000);
    expect(heldAt(sim, 'c').map((m) => [m.headers, m.sizeBytes])).toEqual([
      [{ a: '1', customer: 'c-x' }, 1300],
      [{ a: '1', customer: 'c-x' }, 1300],
      [{ a: '1', customer: 'c-x' }, 1300],
    ]);
    expect(statsOf(sim, 'e', 'content-enricher')).toEqual({ kind: 'content-enricher', received: 3, out: 3, dropped: 0, bytesIn: 3000, bytesOut: 3900, busy: 0, waiting: 0, failed: 0 });
  });

  it('a failed lookup loses the message as lost:enrichment-failed', () => {
    const always = pipeline({ failureProbability: 1 });
    always.runUntil(1_000);
    expect(runReport(always).ledger.lost).toEqual({ 'enrichment-failed': 3 });
    expect(statsOf(always, 'e', 'content-enricher')).toMatchObject({ received: 3, out: 0, failed: 3 });

    const sometimes = pipeline({ failureProbability: 0.25, lookupMs: { dist: 'fixed', value: 0 } }, { limit: 400 });
    sometimes.runUntil(10_000);
    const s = statsOf(sometimes, 'e', 'content-enricher');
    expect(s.failed).toBeGreaterThan(70);
    expect(s.failed).toBeLessThan(130);
    expect(s.failed + s.out).toBe(400);
    expect(runReport(sometimes).ledger.lost).toEqual({ 'enrichment-failed': s.failed });
    expect(heldAt(sometimes, 'c')).toHaveLength(s.out);
  });

  it('a crash loses what it holds, the lookup in progress and those waiting (lost:crash)', () => {
    const sim = pipeline({ concurrency: 1 }, { limit: 10 }, [{ atMs: 350, action: 'crash', node: 'e', restartAfterMs: 10 }]);
    sim.runUntil(2_000);
    expect(runReport(sim).ledger.lost).toEqual({ crash: 7 });
    // The lookup cut short never ends after the restart.
    expect(statsOf(sim, 'e', 'content-enricher')).toMatchObject({ received: 10, out: 3, busy: 0, waiting: 0 });
    expect(heldAt(sim, 'c')).toHaveLength(3);
    expect(sim.ledger.inFlight).toBe(3);
  });

  it('looks a repeat delivery of the same copy up again, but enriches it once', () => {
    const sim = new Simulation(
      transformTopology(
        [producer(), enricher({ addBytes: 100, concurrency: 2 }), sink('c')],
        [['p', 'e', { latencyMs: { dist: 'fixed', value: 1 }, duplication: 1 }], ['e', 'c']],
      ),
    );
    sim.runUntil(1_000);
    expect(heldAt(sim, 'c').map((m) => m.sizeBytes)).toEqual([1100, 1100, 1100, 1100, 1100, 1100]);
    expect(statsOf(sim, 'e', 'content-enricher')).toMatchObject({ received: 6, out: 6 });
  });

  it('with no output, an enriched message is lost:unroutable', () => {
    const sim = new Simulation(transformTopology([producer(), enricher({})], [['p', 'e']]));
    sim.runUntil(1_000);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 3 });
    expect(statsOf(sim, 'e', 'content-enricher')).toMatchObject({ out: 0, dropped: 3 });
  });
});
