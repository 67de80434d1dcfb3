import { describe, expect, it } from 'vitest';
import { loadTopology } from '../../model/index.ts';
import { Simulation } from '../simulation.ts';
import { keysAt, routerTopology, runFor, sender, sink } from './router-test-kit.ts';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
const balancer = (strategy: string) => ({ id: 'lb', kind: 'load-balancer', config: { strategy } });

describe('SEMANTICS §5 load balancer', () => {
  it('round-robin: in turn', () => {
    const sim = runFor(routerTopology([sender(keys(6)), balancer('round-robin'), sink('a'), sink('b'), sink('c')], [['p', 'lb'], ['lb', 'a'], ['lb', 'b'], ['lb', 'c']]));
    expect(keysAt(sim, 'a')).toEqual(['m0', 'm3']);
    expect(keysAt(sim, 'b')).toEqual(['m1', 'm4']);
    expect(keysAt(sim, 'c')).toEqual(['m2', 'm5']);
  });

  it('random: every message to exactly one output, the split near even over many', () => {
    const sim = runFor(routerTopology([sender(keys(1_000)), balancer('random'), sink('a'), sink('b')], [['p', 'lb'], ['lb', 'a'], ['lb', 'b']]), 20_000);
    const received = (id: string) => (sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)] as { received: number }).received;
    const a = received('a');
    const b = received('b');
    expect(a + b).toBe(1_000);
    expect(Math.abs(a - b)).toBeLessThan(120);
  });

  it('least-loaded: a slow consumer gets fewer than a fast one', () => {
    const t = loadTopology({
      format: 'msgflow/1',
      nodes: [
        { id: 'p', kind: 'producer', config: { rate: { dist: 'constant', perSecond: 50 }, limit: 500 } },
        balancer('least-loaded'),
        { id: 'fast', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 10 } } },
        { id: 'slow', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 100 } } },
      ],
      edges: [
        { id: 'e0', source: 'p', target: 'lb' },
        { id: 'e1', source: 'lb', target: 'fast' },
        { id: 'e2', source: 'lb', target: 'slow' },
      ],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.error));
    const sim = new Simulation(t.topology);
    sim.runUntil(60_000);
    const [fast, slow] = ['fast', 'slow'].map((id) => sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)]);
    expect(fast).toMatchObject({ kind: 'consumer' });
    const processed = (s: unknown) => (s as { processed: number }).processed;
    expect(processed(fast) + processed(slow)).toBe(500);
    expect(processed(fast)).toBeGreaterThan(4 * processed(slow));
  });
});
