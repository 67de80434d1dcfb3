import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString, RandomStream } from './random.ts';

const draws = (r: RandomStream, n: number): number[] => Array.from({ length: n }, () => r.next());

describe('RandomStream', () => {
  it('is a pure function of (seed, stream id)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.string(), (seed, id) => {
        expect(draws(new RandomStream(seed, id), 20)).toEqual(draws(new RandomStream(seed, id), 20));
      }),
    );
  });

  it('gives different streams to different ids and different seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.string(), fc.string(), (seed, a, b) => {
        fc.pre(a !== b && hashString(a) !== hashString(b));
        expect(draws(new RandomStream(seed, a), 4)).not.toEqual(draws(new RandomStream(seed, b), 4));
        expect(draws(new RandomStream(seed, a), 4)).not.toEqual(draws(new RandomStream((seed + 1) >>> 0, a), 4));
      }),
    );
  });

  it('draws uniformly in [0, 1)', () => {
    const r = new RandomStream(7, 'node:x');
    const xs = draws(r, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
    const buckets = new Array(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('draws exponential and normal with the requested moments', () => {
    const r = new RandomStream(3, 'link:y');
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += r.exponential(80);
    expect(sum / n).toBeGreaterThan(78);
    expect(sum / n).toBeLessThan(82);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.standardNormal();
      s1 += z;
      s2 += z * z;
    }
    expect(Math.abs(s1 / n)).toBeLessThan(0.02);
    expect(s2 / n).toBeGreaterThan(0.97);
    expect(s2 / n).toBeLessThan(1.03);
  });
});
