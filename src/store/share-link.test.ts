import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { MAX_SHARE_CHARS, sharedTextFrom, shareUrlFor } from './share-link.ts';

const BASE = 'http://localhost:4173/msgflow/?x=1';

describe('share links', () => {
  it('round-trip a topology file through the hash, dropping any old hash', () => {
    const text = JSON.stringify({ format: 'msgflow/1', name: 'Orders + refunds', nodes: [], edges: [] });
    const made = shareUrlFor(text, `${BASE}#t=old`);
    if (!made.ok) throw new Error(made.reason);
    expect(made.url.startsWith(`${BASE}#t=`)).toBe(true);
    expect(sharedTextFrom(new URL(made.url).hash)).toEqual({ kind: 'text', text });
  });

  it('keep the + of the URI-safe alphabet (not read as a space)', () => {
    // Long repetitive text compresses to output that uses '+'.
    const text = 'ab'.repeat(500) + '\u00e9\u4e16';
    const packed = compressToEncodedURIComponent(text);
    expect(packed).toContain('+');
    expect(sharedTextFrom(`#t=${packed}`)).toEqual({ kind: 'text', text });
  });

  it('report no link, and a damaged one', () => {
    expect(sharedTextFrom('')).toEqual({ kind: 'none' });
    expect(sharedTextFrom('#section')).toEqual({ kind: 'none' });
    expect(sharedTextFrom('#t=%%%garbage').kind).toBe('damaged');
    expect(sharedTextFrom('#t=').kind).toBe('damaged');
    expect(sharedTextFrom(`#t=${'A'.repeat(MAX_SHARE_CHARS + 1)}`).kind).toBe('damaged');
  });

  it('refuse a topology too large for a link, saying what to do instead', () => {
    // Random digits barely compress.
    let seed = 1;
    const noise = Array.from({ length: 80_000 }, () => ((seed = (seed * 48271) % 2147483647) % 10).toString()).join('');
    const made = shareUrlFor(noise, BASE);
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.reason).toMatch(/too large to share as a link.*Save it and share the file instead/);
  });
});
