import { describe, expect, it } from 'vitest';
import { keysAt, routerTopology, runFor, sender, sink } from './router-test-kit.ts';

describe('SEMANTICS §5 recipient list', () => {
  it('one copy per listed recipient, each with its own fate; unlisted outputs get nothing', () => {
    const sim = runFor(
      routerTopology(
        [sender(['x', 'y']), { id: 'r', kind: 'recipient-list', config: { recipients: ['billing', 'audit'] } }, sink('billing'), sink('audit'), sink('spare')],
        [['p', 'r'], ['r', 'billing'], ['r', 'audit'], ['r', 'spare']],
      ),
    );
    expect(keysAt(sim, 'billing')).toEqual(['x', 'y']);
    expect(keysAt(sim, 'audit')).toEqual(['x', 'y']);
    expect(keysAt(sim, 'spare')).toEqual([]);
    expect(sim.ledger.created).toBe(4);
  });

  it('an empty list means every output', () => {
    const sim = runFor(routerTopology([sender(['x']), { id: 'r', kind: 'recipient-list' }, sink('a'), sink('b')], [['p', 'r'], ['r', 'a'], ['r', 'b']]));
    expect(keysAt(sim, 'a')).toEqual(['x']);
    expect(keysAt(sim, 'b')).toEqual(['x']);
  });
});
