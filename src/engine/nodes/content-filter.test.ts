import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { sink } from './router-test-kit.ts';
import { heldAt, producer, statsOf, transformTopology } from './transform-test-kit.ts';

/** p -> f -> c, and what c received. */
function filtered(config: object, producerConfig: object = {}): Simulation {
  const sim = new Simulation(transformTopology([producer(producerConfig), { id: 'f', kind: 'content-filter', config }, sink('c')], [['p', 'f'], ['f', 'c']]));
  sim.runUntil(1_000);
  return sim;
}

const headers = { id: '{seq}', tenant: 'acme', secret: 's3' };

describe('SEMANTICS §5 content filter', () => {
  it('keep: only the listed headers stay', () => {
    const sim = filtered({ headerMode: 'keep', headers: ['id', 'missing'] }, { headers });
    expect(heldAt(sim, 'c').map((m) => m.headers)).toEqual([{ id: '0' }, { id: '1' }, { id: '2' }]);
    expect(statsOf(sim, 'f', 'content-filter')).toMatchObject({ received: 3, out: 3, headersRemoved: 6 });
  });

  it('remove: the listed headers go, the rest stay', () => {
    const sim = filtered({ headerMode: 'remove', headers: ['secret'] }, { headers });
    expect(heldAt(sim, 'c').map((m) => m.headers)).toEqual([
      { id: '0', tenant: 'acme' },
      { id: '1', tenant: 'acme' },
      { id: '2', tenant: 'acme' },
    ]);
    expect(statsOf(sim, 'f', 'content-filter').headersRemoved).toBe(3);
  });

  it('keeping none leaves a message with no headers at all', () => {
    const sim = filtered({ headerMode: 'keep', headers: [] }, { headers });
    expect(heldAt(sim, 'c').map((m) => m.headers)).toEqual([{}, {}, {}]);
    expect(statsOf(sim, 'f', 'content-filter').headersRemoved).toBe(9);
  });

  it('shrinks the body by a factor (rounded) and to at most a set size', () => {
    expect(heldAt(filtered({ sizeFactor: 0.25 }, { sizeBytes: 1001 }), 'c').map((m) => m.sizeBytes)).toEqual([250, 250, 250]);
    expect(heldAt(filtered({ maxBodyBytes: 64 }), 'c').map((m) => m.sizeBytes)).toEqual([64, 64, 64]);
    // A message already below the cap keeps its size: a filter never adds.
    expect(heldAt(filtered({ maxBodyBytes: 5_000 }), 'c').map((m) => m.sizeBytes)).toEqual([1000, 1000, 1000]);
    const both = filtered({ sizeFactor: 0.5, maxBodyBytes: 400 });
    expect(heldAt(both, 'c').map((m) => m.sizeBytes)).toEqual([400, 400, 400]);
    expect(statsOf(both, 'f', 'content-filter')).toMatchObject({ bytesIn: 3000, bytesOut: 1200 });
  });
});
