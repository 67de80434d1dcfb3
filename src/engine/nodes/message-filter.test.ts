import { describe, expect, it } from 'vitest';
import { runReport } from '../report.ts';
import { keysAt, routerTopology, runFor, sender, sink } from './router-test-kit.ts';

describe('SEMANTICS §5 message filter', () => {
  it('passes what it accepts and drops the rest as lost:filtered (not an error)', () => {
    const sim = runFor(
      routerTopology(
        [sender(['temp.kitchen', 'humidity.kitchen', 'temp.hall']), { id: 'f', kind: 'message-filter', config: { accept: { key: 'temp.*' } } }, sink('c')],
        [['p', 'f'], ['f', 'c']],
      ),
    );
    expect(keysAt(sim, 'c')).toEqual(['temp.kitchen', 'temp.hall']);
    expect(runReport(sim).ledger.lost).toEqual({ filtered: 1 });
  });
});
