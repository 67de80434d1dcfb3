import { describe, expect, it } from 'vitest';
import { runReport } from '../report.ts';
import { keysAt, routerTopology, runFor, sender, sink } from './router-test-kit.ts';

describe('SEMANTICS §5 content-based router', () => {
  const router = (config: object) => ({ id: 'r', kind: 'content-router', config });

  it('the first matching rule wins, else the default route', () => {
    const sim = runFor(
      routerTopology(
        [
          sender(['order.eu', 'order.us', 'invoice.eu', 'refund'], { region: '{key}' }),
          router({ rules: [{ when: { key: 'order.*' }, to: 'orders' }, { when: { key: '*.eu' }, to: 'eu' }], defaultTo: 'other' }),
          sink('orders'),
          sink('eu'),
          sink('other'),
        ],
        [['p', 'r'], ['r', 'orders'], ['r', 'eu'], ['r', 'other']],
      ),
    );
    expect(keysAt(sim, 'orders')).toEqual(['order.eu', 'order.us']);
    expect(keysAt(sim, 'eu')).toEqual(['invoice.eu']);
    expect(keysAt(sim, 'other')).toEqual(['refund']);
  });

  it('with no default, what no rule takes is lost:unroutable', () => {
    const sim = runFor(
      routerTopology([sender(['a', 'b', 'c']), router({ rules: [{ when: { key: 'a' }, to: 'only-a' }] }), sink('only-a')], [['p', 'r'], ['r', 'only-a']]),
    );
    expect(keysAt(sim, 'only-a')).toEqual(['a']);
    expect(runReport(sim).ledger.lost).toEqual({ unroutable: 2 });
  });

  it('rules on headers: every named header must be present with its value', () => {
    const sim = runFor(
      routerTopology(
        [sender(['1', '2', '3'], { tier: 'gold-{seq}' }), router({ rules: [{ when: { headers: { tier: 'gold-1' } }, to: 'vip' }], defaultTo: 'rest' }), sink('vip'), sink('rest')],
        [['p', 'r'], ['r', 'vip'], ['r', 'rest']],
      ),
    );
    expect(keysAt(sim, 'vip')).toEqual(['2']);
    expect(keysAt(sim, 'rest')).toEqual(['1', '3']);
  });
});
