import { describe, expect, it } from 'vitest';
import { contentRouterSummary, messageFilterSummary, recipientListSummary, wireTapSummary } from './router-text.ts';

describe('router summaries', () => {
  it('content router: rule count and the default route', () => {
    expect(contentRouterSummary(3, 'other')).toBe('3 rules · default → other');
    expect(contentRouterSummary(1, undefined)).toBe('1 rule · else unroutable');
    expect(contentRouterSummary(0, undefined)).toBe('no rules · else unroutable');
  });

  it('message filter: its accept condition', () => {
    expect(messageFilterSummary({ key: 'order.*', headers: {} })).toBe('accept key order.*');
    expect(messageFilterSummary({ headers: { region: 'eu' } })).toBe('accept region=eu');
    expect(messageFilterSummary({ headers: {} })).toBe('accept everything');
  });

  it('recipient list and wire tap: the outputs named', () => {
    expect(recipientListSummary(['billing', 'audit'])).toBe('→ billing, audit');
    expect(recipientListSummary([])).toBe('→ every output');
    expect(wireTapSummary('log')).toBe('tap → log');
    expect(wireTapSummary(undefined)).toBe('no tap yet: all goes on');
  });
});
