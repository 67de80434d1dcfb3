import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, utf8Bytes } from './murmur2.ts';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('K-1 murmur2: the Java client’s key hash', () => {
  it('reproduces the values Kafka’s own tests assert for Utils.murmur2', () => {
    // Inputs of every length class: whole words only, and 1, 2 or 3 bytes after them.
    expect(murmur2(ascii('21'))).toBe(-973932308);
    expect(murmur2(ascii('foobar'))).toBe(-790332482);
    expect(murmur2(Uint8Array.from([12, 42, 56, 24, 109, 111]))).toBe(274204207);
    expect(murmur2(ascii('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(ascii('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(ascii('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(ascii('abc'))).toBe(479470107);
  });

  it('puts a key in (hash & 0x7fffffff) % partitions', () => {
    // toPositive(-790332482) = 1357151166, and 1357151166 % 10 = 6.
    expect(partitionForKey('foobar', 10)).toBe(6);
    expect(partitionForKey('21', 12)).toBe(1173551340 % 12);
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (key, partitions) => {
        const p = partitionForKey(key, partitions);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(partitions);
        expect(partitionForKey(key, partitions)).toBe(p);
      }),
    );
  });

  it('hashes the key’s UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (key) => {
        expect([...utf8Bytes(key)]).toEqual([...Buffer.from(key, 'utf8')]);
      }),
    );
    expect([...utf8Bytes('\ud800x')]).toEqual([0x3f, 0x78]);
  });
});
