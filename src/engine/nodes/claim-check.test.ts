import { describe, expect, it } from 'vitest';
import { runReport } from '../report.ts';
import { Simulation } from '../simulation.ts';
import { sink } from './router-test-kit.ts';
import { heldAt, producer, statsOf, transformTopology } from './transform-test-kit.ts';

const checkIn = (config: object = {}) => ({ id: 'in', kind: 'claim-check', config: { store: 'blobs', tokenBytes: 50, ...config } });
const checkOut = (id: string, config: object = {}) => ({ id, kind: 'claim-check', config: { mode: 'check-out', store: 'blobs', ...config } });
const slow = { latencyMs: { dist: 'fixed', value: 500 } };

/**
 * p -> in -> fan -> tokens (a sink that keeps what travels) and -> out -> c. Bodies are
 * checked in at 1, 11 and 21 ms; the tokens reach `out` after the link `inToFan` and 1 ms.
 */
function claimed(options: { in?: object; out?: object; inToFan?: object; faults?: object[] } = {}): Simulation {
  return new Simulation(
    transformTopology(
      [producer(), checkIn(options.in), { id: 'fan', kind: 'topic' }, sink('tokens'), checkOut('out', options.out), sink('c')],
      [['p', 'in'], ['in', 'fan', options.inToFan], ['fan', 'tokens'], ['fan', 'out'], ['out', 'c']],
      options.faults,
    ),
  );
}

const sizes = (sim: Simulation, id: string) => heldAt(sim, id).map((m) => m.sizeBytes);

describe('SEMANTICS §5 claim check', () => {
  it('check-in parks the body and sends a token (the size on the wire shrinks); check-out restores it by message id', () => {
    const sim = claimed();
    sim.runUntil(1_000);
    expect(sizes(sim, 'tokens')).toEqual([50, 50, 50]);
    expect(sizes(sim, 'c')).toEqual([1000, 1000, 1000]);
    expect(statsOf(sim, 'in', 'claim-check')).toMatchObject({ received: 3, out: 3, checkedIn: 3, parked: 0, bytesSaved: 2850, bytesIn: 3000, bytesOut: 150 });
    expect(statsOf(sim, 'out', 'claim-check')).toMatchObject({ received: 3, out: 3, checkedOut: 3, missing: 0, bytesIn: 150, bytesOut: 3000 });
  });

  it('the store holds the bodies while their tokens travel; every node of the store shows them', () => {
    const sim = claimed({ inToFan: slow });
    sim.runUntil(300);
    expect(statsOf(sim, 'in', 'claim-check').parked).toBe(3);
    expect(statsOf(sim, 'out', 'claim-check').parked).toBe(3);
    sim.runUntil(600);
    expect(statsOf(sim, 'out', 'claim-check')).toMatchObject({ parked: 0, checkedOut: 3 });
  });

  it('a token with no body in its store is lost:claim-missing', () => {
    const sim = claimed({ out: { store: 'elsewhere' } });
    sim.runUntil(1_000);
    expect(runReport(sim).ledger.lost).toEqual({ 'claim-missing': 3 });
    expect(statsOf(sim, 'out', 'claim-check')).toMatchObject({ received: 3, out: 0, checkedOut: 0, missing: 3 });
    expect(statsOf(sim, 'in', 'claim-check').parked).toBe(3);
  });

  it('a crash of the check-in node deletes the bodies it parked, unless the store is durable', () => {
    const crash = [{ atMs: 100, action: 'crash', node: 'in', restartAfterMs: 10 }];
    const volatile = claimed({ inToFan: slow, faults: crash });
    volatile.runUntil(1_000);
    expect(statsOf(volatile, 'in', 'claim-check')).toMatchObject({ checkedIn: 3, crashed: 3, parked: 0 });
    expect(statsOf(volatile, 'out', 'claim-check')).toMatchObject({ checkedOut: 0, missing: 3 });
    expect(runReport(volatile).ledger.lost).toEqual({ 'claim-missing': 3 });
    // Conservation: three copies of tokens held by `tokens`, the other three lost.
    expect(volatile.ledger.created).toBe(6);
    expect(volatile.ledger.inFlight).toBe(heldAt(volatile, 'tokens').length + heldAt(volatile, 'c').length);

    const durable = claimed({ in: { durableStore: true }, inToFan: slow, faults: crash });
    durable.runUntil(1_000);
    expect(statsOf(durable, 'in', 'claim-check')).toMatchObject({ crashed: 0 });
    expect(statsOf(durable, 'out', 'claim-check')).toMatchObject({ checkedOut: 3, missing: 0 });
    expect(sizes(durable, 'c')).toEqual([1000, 1000, 1000]);
  });

  it('retention deletes a body not taken in time: a token slower than the retention finds nothing', () => {
    const short = claimed({ in: { storeRetentionMs: 200 }, inToFan: slow });
    short.runUntil(1_000);
    expect(statsOf(short, 'in', 'claim-check')).toMatchObject({ expired: 3, parked: 0 });
    expect(statsOf(short, 'out', 'claim-check')).toMatchObject({ missing: 3 });

    const long = claimed({ in: { storeRetentionMs: 1_000 }, inToFan: slow });
    long.runUntil(2_000);
    expect(statsOf(long, 'in', 'claim-check')).toMatchObject({ expired: 0, parked: 0 });
    expect(statsOf(long, 'out', 'claim-check')).toMatchObject({ checkedOut: 3, missing: 0 });

    // Kept after check-out, a body stays until its retention runs out (parked at 1, 11, 21 ms).
    const kept = claimed({ in: { storeRetentionMs: 1_000 }, out: { removeOnCheckOut: false } });
    kept.runUntil(1_000);
    expect(statsOf(kept, 'in', 'claim-check')).toMatchObject({ parked: 3, expired: 0 });
    kept.runUntil(1_011);
    expect(statsOf(kept, 'in', 'claim-check')).toMatchObject({ parked: 1, expired: 2 });
    kept.runUntil(1_021);
    expect(statsOf(kept, 'in', 'claim-check')).toMatchObject({ parked: 0, expired: 3 });
  });

  it('a body is taken once: after a fan-out the second token finds nothing, unless check-out keeps the body', () => {
    const twoReaders = (out: object) => {
      const sim = new Simulation(
        transformTopology(
          [producer(), checkIn(), { id: 'fan', kind: 'topic' }, checkOut('out1', out), checkOut('out2', out), sink('c1'), sink('c2')],
          [['p', 'in'], ['in', 'fan'], ['fan', 'out1'], ['fan', 'out2'], ['out1', 'c1'], ['out2', 'c2']],
        ),
      );
      sim.runUntil(1_000);
      const [a, b] = [statsOf(sim, 'out1', 'claim-check'), statsOf(sim, 'out2', 'claim-check')];
      return { checkedOut: a.checkedOut + b.checkedOut, missing: a.missing + b.missing, parked: a.parked };
    };
    expect(twoReaders({})).toEqual({ checkedOut: 3, missing: 3, parked: 0 });
    expect(twoReaders({ removeOnCheckOut: false })).toEqual({ checkedOut: 6, missing: 0, parked: 3 });
  });

  it('a repeat delivery of the same copy is not parked twice; its second token finds the body taken', () => {
    const sim = new Simulation(
      transformTopology(
        [producer(), checkIn(), checkOut('out'), sink('c')],
        [['p', 'in', { latencyMs: { dist: 'fixed', value: 1 }, duplication: 1 }], ['in', 'out'], ['out', 'c']],
      ),
    );
    sim.runUntil(1_000);
    expect(statsOf(sim, 'in', 'claim-check')).toMatchObject({ received: 6, checkedIn: 3, bytesSaved: 2850 });
    expect(statsOf(sim, 'out', 'claim-check')).toMatchObject({ received: 6, checkedOut: 3, missing: 3 });
    expect(sizes(sim, 'c')).toEqual([1000, 1000, 1000]);
    // Three copies, each with the consumer: the repeats' misses are no fate of their own.
    expect(sim.ledger.created).toBe(3);
    expect(runReport(sim).ledger.lost).toEqual({});
  });

  it('stores belong to one run: a new run starts with them empty', () => {
    const parkOnly = new Simulation(transformTopology([producer(), checkIn(), sink('tokens')], [['p', 'in'], ['in', 'tokens']]));
    const takeOnly = new Simulation(transformTopology([producer(), checkOut('out'), sink('c')], [['p', 'out'], ['out', 'c']]));
    parkOnly.runUntil(1_000);
    takeOnly.runUntil(1_000);
    expect(statsOf(parkOnly, 'in', 'claim-check').parked).toBe(3);
    expect(statsOf(takeOnly, 'out', 'claim-check')).toMatchObject({ parked: 0, missing: 3 });
  });
});
