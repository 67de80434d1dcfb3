import { describe, expect, it } from 'vitest';
import { Simulation } from '../simulation.ts';
import { sink } from './router-test-kit.ts';
import { heldAt, producer, statsOf, transformTopology } from './transform-test-kit.ts';

const wrapper = (id: string, config: object) => ({ id, kind: 'envelope-wrapper', config });

function run(nodes: object[], wires: [string, string][]): Simulation {
  const sim = new Simulation(transformTopology(nodes, wires));
  sim.runUntil(1_000);
  return sim;
}

const original = { headers: { id: 'order-{seq}', type: 'order' }, keys: ['k'], sizeBytes: 700 };

describe('SEMANTICS §5 envelope wrapper', () => {
  it('wrap adds the envelope headers ({seq}, {key} filled) over the message’s own, and its bytes', () => {
    const sim = run([producer(original), wrapper('w', { headers: { type: 'envelope', route: '{key}/{seq}' }, envelopeBytes: 120 }), sink('c')], [['p', 'w'], ['w', 'c']]);
    expect(heldAt(sim, 'c').map((m) => [m.headers, m.sizeBytes])).toEqual([
      [{ id: 'order-0', type: 'envelope', route: 'k/0' }, 820],
      [{ id: 'order-1', type: 'envelope', route: 'k/1' }, 820],
      [{ id: 'order-2', type: 'envelope', route: 'k/2' }, 820],
    ]);
    expect(statsOf(sim, 'w', 'envelope-wrapper')).toEqual({ kind: 'envelope-wrapper', received: 3, out: 3, dropped: 0, bytesIn: 2100, bytesOut: 2460, envelopes: 3, notWrapped: 0 });
  });

  it('wrap then unwrap gives back the original size and headers exactly, the covered value included', () => {
    const sim = run(
      [
        producer(original),
        wrapper('w', { headers: { type: 'envelope', route: '{key}' }, envelopeBytes: 120 }),
        wrapper('u', { mode: 'unwrap', envelopeBytes: 9_999 }),
        sink('c'),
        { id: 'ref', kind: 'producer', config: { ...original, rate: { dist: 'constant', perSecond: 100 }, limit: 3 } },
        sink('plain'),
      ],
      [['p', 'w'], ['w', 'u'], ['u', 'c'], ['ref', 'plain']],
    );
    const unwrapped = heldAt(sim, 'c').map((m) => [m.headers, m.sizeBytes]);
    expect(unwrapped).toEqual(heldAt(sim, 'plain').map((m) => [m.headers, m.sizeBytes]));
    expect(unwrapped[0]).toEqual([{ id: 'order-0', type: 'order' }, 700]);
    expect(statsOf(sim, 'u', 'envelope-wrapper')).toMatchObject({ envelopes: 3, bytesIn: 2460, bytesOut: 2100 });
  });

  it('envelopes nest: two wraps need two unwraps, the outer one first', () => {
    const sim = run(
      [
        producer({ sizeBytes: 100 }),
        wrapper('inner', { headers: { layer: 'inner' }, envelopeBytes: 10 }),
        wrapper('outer', { headers: { layer: 'outer' }, envelopeBytes: 20 }),
        wrapper('u', { mode: 'unwrap' }),
        sink('c'),
      ],
      [['p', 'inner'], ['inner', 'outer'], ['outer', 'u'], ['u', 'c']],
    );
    expect(heldAt(sim, 'c').map((m) => [m.headers, m.sizeBytes])[0]).toEqual([{ layer: 'inner' }, 110]);
  });

  it('unwrap passes a message with no envelope on unchanged, counted', () => {
    const sim = run([producer(original), wrapper('u', { mode: 'unwrap' }), sink('c')], [['p', 'u'], ['u', 'c']]);
    expect(heldAt(sim, 'c').map((m) => [m.headers, m.sizeBytes])[2]).toEqual([{ id: 'order-2', type: 'order' }, 700]);
    expect(statsOf(sim, 'u', 'envelope-wrapper')).toMatchObject({ out: 3, envelopes: 0, notWrapped: 3 });
  });

  it('a fan-out copy of a wrapped message unwraps on its own; its sibling keeps the envelope', () => {
    const sim = run(
      [producer(original), wrapper('w', { headers: { type: 'envelope' }, envelopeBytes: 50 }), { id: 'fan', kind: 'topic' }, wrapper('u', { mode: 'unwrap' }), sink('c'), sink('wrapped')],
      [['p', 'w'], ['w', 'fan'], ['fan', 'u'], ['fan', 'wrapped'], ['u', 'c']],
    );
    expect(heldAt(sim, 'c').map((m) => [m.headers, m.sizeBytes])[0]).toEqual([{ id: 'order-0', type: 'order' }, 700]);
    expect(heldAt(sim, 'wrapped').map((m) => [m.headers, m.sizeBytes])[0]).toEqual([{ id: 'order-0', type: 'envelope' }, 750]);
  });
});
