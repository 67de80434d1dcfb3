import type { Distribution } from '../../model/index.ts';
import type { RandomStream } from './random.ts';

/** One draw of a duration (ms) from a distribution; never negative. */
export function sampleDuration(dist: Distribution, rng: RandomStream): number {
  switch (dist.dist) {
    case 'fixed':
      return dist.value;
    case 'uniform':
      return rng.uniform(dist.min, dist.max);
    case 'exponential':
      return rng.exponential(dist.mean);
    case 'normal':
      return Math.max(dist.min, dist.mean + dist.stddev * rng.standardNormal());
    case 'empirical':
      return empiricalQuantile(dist.percentiles, rng.next() * 100);
  }
}

/** The value at percentile `p` (0..100), linear between the given points (sorted by p). */
function empiricalQuantile(points: readonly { p: number; value: number }[], p: number): number {
  let i = 1;
  while (i < points.length - 1 && points[i]!.p < p) i++;
  const a = points[i - 1]!;
  const b = points[i]!;
  return a.value + ((b.value - a.value) * (p - a.p)) / (b.p - a.p);
}
