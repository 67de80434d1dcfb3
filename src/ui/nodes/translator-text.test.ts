import { describe, expect, it } from 'vitest';
import { claimCheckConfigSchema, contentEnricherConfigSchema, contentFilterConfigSchema, envelopeWrapperConfigSchema, translatorConfigSchema } from '../../model/index.ts';
import { averageSize, claimCheckSummary, contentEnricherSummary, contentFilterSummary, envelopeWrapperSummary, sizeChangeSummary, translatorSummary } from './translator-text.ts';

describe('translator summaries', () => {
  it('the average size sent on, in whole bytes', () => {
    expect(averageSize({ out: 3, bytesOut: 1000 })).toBe(333);
    expect(averageSize({ out: 0, bytesOut: 0 })).toBe(0);
    expect(averageSize(undefined)).toBe(0);
  });

  it('a size change: factor, then bytes added or taken', () => {
    expect(sizeChangeSummary(0.5, 10)).toBe('×0.5 +10 B');
    expect(sizeChangeSummary(1, -2048)).toBe('−2 KB');
    expect(sizeChangeSummary(1, 0)).toBe('');
  });

  it('translator: renames, removals, sets, size and key, in the order they apply', () => {
    const c = translatorConfigSchema.parse({ renameHeaders: { old: 'new' }, removeHeaders: ['secret'], setHeaders: { id: '{seq}' }, sizeFactor: 2, key: 'eu.{key}' });
    expect(translatorSummary(c)).toBe('old→new · −secret · set id · size ×2 · key eu.{key}');
    expect(translatorSummary(translatorConfigSchema.parse({}))).toBe('passes unchanged');
  });

  it('content enricher: the lookup, its concurrency and odds, what it adds', () => {
    const c = contentEnricherConfigSchema.parse({ concurrency: 4, failureProbability: 0.05, addHeaders: { customer: 'c' }, addBytes: 200 });
    expect(contentEnricherSummary(c)).toBe('lookup 20 ms · 4 at once · fails 5% · +customer · +200 B');
  });

  it('content filter: the headers it keeps or removes and the body cut', () => {
    expect(contentFilterSummary(contentFilterConfigSchema.parse({ headerMode: 'keep', headers: ['id'], sizeFactor: 0.25, maxBodyBytes: 64 }))).toBe('keep id · body ×0.25 · ≤64 B');
    expect(contentFilterSummary(contentFilterConfigSchema.parse({ headerMode: 'keep' }))).toBe('keep no headers');
    expect(contentFilterSummary(contentFilterConfigSchema.parse({}))).toBe('removes nothing');
  });

  it('envelope wrapper and claim check: the mode and what it uses', () => {
    expect(envelopeWrapperSummary(envelopeWrapperConfigSchema.parse({ headers: { type: 'envelope' } }))).toBe('wrap +64 B · type');
    expect(envelopeWrapperSummary(envelopeWrapperConfigSchema.parse({ mode: 'unwrap' }))).toBe('unwrap: takes the outer envelope off');
    expect(claimCheckSummary(claimCheckConfigSchema.parse({ store: 'blobs', storeRetentionMs: 5_000, durableStore: true }))).toBe('check in → blobs · token 64 B · keep 5 s · durable');
    expect(claimCheckSummary(claimCheckConfigSchema.parse({ mode: 'check-out', store: 'blobs', removeOnCheckOut: false }))).toBe('check out ← blobs · keeps the body');
  });
});
