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
  }
}

/** The mean of a distribution, ignoring the normal's clamp (used for labels and checks). */
export function meanDuration(dist: Distribution): number {
  switch (dist.dist) {
    case 'fixed':
      return dist.value;
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'exponential':
    case 'normal':
      return dist.mean;
  }
}
