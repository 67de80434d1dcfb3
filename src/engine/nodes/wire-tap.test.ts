import { describe, expect, it } from 'vitest';
import { runReport } from '../report.ts';
import { keysAt, routerTopology, runFor, sender, sink } from './router-test-kit.ts';

describe('SEMANTICS §5 wire tap', () => {
  it('the main flow gets every message unchanged; the tap gets a copy', () => {
    const sim = runFor(
      routerTopology([sender(['a', 'b', 'c']), { id: 't', kind: 'wire-tap', config: { tapTo: 'log' } }, sink('main'), sink('log')], [['p', 't'], ['t', 'main'], ['t', 'log']]),
    );
    expect(keysAt(sim, 'main')).toEqual(['a', 'b', 'c']);
    expect(keysAt(sim, 'log')).toEqual(['a', 'b', 'c']);
    expect(sim.heldMessages('log', 10)!.messages.every((m) => m.copy)).toBe(true);
  });

  it('never affects the main flow: the tap crashing loses only copies', () => {
    const t = routerTopology([sender(['a', 'b', 'c']), { id: 't', kind: 'wire-tap', config: { tapTo: 'log' } }, sink('main'), sink('log')], [['p', 't'], ['t', 'main'], ['t', 'log']]);
    const sim = runFor({ ...t, faults: [{ atMs: 0, action: 'crash', node: 'log' }] });
    expect(keysAt(sim, 'main')).toEqual(['a', 'b', 'c']);
    expect(runReport(sim).ledger.lost).toEqual({ 'consumer-crash': 3 });
    expect(sim.heldMessages('main', 10)!.messages.some((m) => m.copy)).toBe(false);
  });
});

describe('routers and late links (activeFromMs)', () => {
  it('a tap, a recipient or a route that has not opened yet gets nothing', () => {
    const late = (t: ReturnType<typeof routerTopology>, edgeIds: string[]) => ({ ...t, edges: t.edges.map((e) => (edgeIds.includes(e.id) ? { ...e, activeFromMs: 10_000 } : e)) });
    const tapped = runFor(late(routerTopology([sender(['a', 'b']), { id: 't', kind: 'wire-tap', config: { tapTo: 'log' } }, sink('main'), sink('log')], [['p', 't'], ['t', 'main'], ['t', 'log']]), ['e2']));
    expect(keysAt(tapped, 'main')).toEqual(['a', 'b']);
    expect(keysAt(tapped, 'log')).toEqual([]);
    const listed = runFor(late(routerTopology([sender(['a']), { id: 'r', kind: 'recipient-list' }, sink('x'), sink('y')], [['p', 'r'], ['r', 'x'], ['r', 'y']]), ['e2']));
    expect([keysAt(listed, 'x'), keysAt(listed, 'y')]).toEqual([['a'], []]);
    const routed = runFor(late(routerTopology([sender(['a']), { id: 'r', kind: 'content-router', config: { defaultTo: 'x' } }, sink('x')], [['p', 'r'], ['r', 'x']]), ['e1']));
    expect(runReport(routed).ledger.lost).toEqual({ unroutable: 1 });
  });
});
