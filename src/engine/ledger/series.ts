import type { MetricSample, NodeSample, NodeStats } from '../session-types.ts';
import type { Ledger } from './ledger.ts';
import { nodeCounters } from './node-sample.ts';

/** Samples kept: an hour at one per second. Older ones are dropped (bounded memory). */
export const MAX_SAMPLES = 3600;

/**
 * Time series for the charts: every `intervalMs` of sim time, the rates over the last
 * interval (from ledger differences), the latency percentiles of messages delivered in
 * it, the depth of every queue, the fate counts by reason and each node's in/out rates. Sampling is driven by the clock, not by events, so it
 * does not change the run or its trace.
 */
export class SeriesRecorder {
  private readonly samples: MetricSample[] = [];
  private nextAt: number;
  private last = { produced: 0, delivered: 0, lost: 0, deadLettered: 0, duplicates: 0 };
  /** Each node's in and out counters at the last sample, in topology order. */
  private readonly lastIn: Float64Array;
  private readonly lastOut: Float64Array;
  /** Samples taken so far, including those dropped from the front. */
  taken = 0;

  constructor(
    readonly intervalMs: number,
    private readonly ledger: Ledger,
    private readonly nodeIds: readonly string[],
    private readonly nodeStats: () => NodeStats[],
  ) {
    this.nextAt = intervalMs;
    this.lastIn = new Float64Array(nodeIds.length);
    this.lastOut = new Float64Array(nodeIds.length);
  }

  /**
   * Takes the samples due before `now`, or at it too when `inclusive` (every event at
   * `now` has run). Call before the clock moves to `now`.
   */
  catchUp(now: number, inclusive: boolean): void {
    // Called on every event: the common case returns before anything else is built.
    if (!this.due(now, inclusive)) return;
    this.take(this.nextAt);
    this.nextAt += this.intervalMs;
    // A long quiet stretch: only the last MAX_SAMPLES of its (idle) samples are kept anyway.
    const idle = Math.floor((now - this.nextAt) / this.intervalMs) - MAX_SAMPLES;
    if (idle > 0) {
      this.nextAt += idle * this.intervalMs;
      this.taken += idle;
    }
    while (this.due(now, inclusive)) {
      this.take(this.nextAt);
      this.nextAt += this.intervalMs;
    }
  }

  private due(now: number, inclusive: boolean): boolean {
    return this.nextAt < now || (inclusive && this.nextAt === now);
  }

  private take(t: number): void {
    const l = this.ledger;
    const current = { produced: l.produced, delivered: l.delivered, lost: l.lostTotal, deadLettered: l.deadLetteredTotal, duplicates: l.duplicates };
    const perSecond = (now: number, before: number): number => ((now - before) * 1000) / this.intervalMs;
    const depths: Record<string, number> = {};
    const nodes: Record<string, NodeSample> = {};
    let reorders = 0;
    this.nodeStats().forEach((stats, i) => {
      const id = this.nodeIds[i]!;
      if (stats.kind === 'queue') depths[id] = stats.depth;
      if (stats.kind === 'consumer') reorders += stats.reorders;
      const c = nodeCounters(stats);
      nodes[id] = { inPerSec: perSecond(c.in, this.lastIn[i]!), outPerSec: perSecond(c.out, this.lastOut[i]!), held: c.held };
      this.lastIn[i] = c.in;
      this.lastOut[i] = c.out;
    });
    this.samples.push({
      t,
      producedPerSec: perSecond(current.produced, this.last.produced),
      deliveredPerSec: perSecond(current.delivered, this.last.delivered),
      lostPerSec: perSecond(current.lost, this.last.lost),
      deadLetteredPerSec: perSecond(current.deadLettered, this.last.deadLettered),
      duplicatesPerSec: perSecond(current.duplicates, this.last.duplicates),
      latencyP50: l.windowLatency.quantile(0.5),
      latencyP95: l.windowLatency.quantile(0.95),
      latencyP99: l.windowLatency.quantile(0.99),
      inFlight: l.inFlight,
      depths,
      lostByReason: Object.fromEntries(l.lost),
      deadLetteredByReason: Object.fromEntries(l.deadLettered),
      duplicates: l.duplicates,
      reorders,
      nodes,
    });
    if (this.samples.length > MAX_SAMPLES) this.samples.shift();
    this.taken++;
    this.last = current;
    l.windowLatency.clear();
  }

  /** Samples taken after the first `since` (a count from `taken`), oldest first. */
  since(since: number): MetricSample[] {
    const missing = this.taken - since;
    return missing <= 0 ? [] : this.samples.slice(Math.max(0, this.samples.length - missing));
  }
}
