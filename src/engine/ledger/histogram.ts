/**
 * A latency histogram with bounded memory: 0.01 ms steps below 1 ms, then buckets 1%
 * wide up to a year. Percentiles are accurate to about 1% however many samples arrive,
 * which keeps memory flat over arbitrarily long runs.
 */
const LINEAR_BUCKETS = 100;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const MAX_VALUE = 365 * 24 * 3600 * 1000;
const LOG_BUCKETS = Math.ceil(Math.log(MAX_VALUE) / LOG_GROWTH) + 1;

export class LatencyHistogram {
  private readonly counts = new Float64Array(LINEAR_BUCKETS + LOG_BUCKETS);
  private total = 0;
  private sum = 0;
  private maxValue = 0;

  record(value: number): void {
    const v = value < 0 ? 0 : value;
    this.recordInBucket(bucketOf(v), v);
  }

  /** Records `value` (>= 0) whose bucket the caller already has from `bucketOf`. */
  recordInBucket(bucket: number, value: number): void {
    this.counts[bucket]! += 1;
    this.total++;
    this.sum += value;
    if (value > this.maxValue) this.maxValue = value;
  }

  get count(): number {
    return this.total;
  }

  get max(): number {
    return this.maxValue;
  }

  get mean(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  clear(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sum = 0;
    this.maxValue = 0;
  }

  /** The value below which a fraction q (0..1) of samples fall; 0 with no samples. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(representative(i), this.maxValue);
    }
    return this.maxValue;
  }
}

/** The bucket of a value >= 0. */
export function bucketOf(v: number): number {
  if (v < 1) return Math.floor(v * LINEAR_BUCKETS);
  const i = Math.floor(Math.log(Math.min(v, MAX_VALUE)) / LOG_GROWTH);
  return LINEAR_BUCKETS + i;
}

/** The upper edge of a bucket, so a reported percentile never understates latency. */
function representative(bucket: number): number {
  if (bucket < LINEAR_BUCKETS) return (bucket + 1) / LINEAR_BUCKETS;
  return Math.pow(GROWTH, bucket - LINEAR_BUCKETS + 1);
}
