import type { LedgerTotals } from '../session-types.ts';
import { LatencyHistogram } from './histogram.ts';

/** Why a message copy was lost. Each reason is a mechanism the run can point at. */
export type LostReason =
  /** A link dropped it (its loss probability). */
  | 'link-loss'
  /** Nowhere to go: a producer with no output, a topic with no subscriber. */
  | 'unroutable';

export const LOST_REASONS: readonly LostReason[] = ['link-loss', 'unroutable'];

/**
 * Counts every message copy's fate. Messages themselves are not kept: memory stays
 * bounded by what is in flight, not by what has passed through.
 */
export class Ledger {
  produced = 0;
  created = 0;
  delivered = 0;
  duplicates = 0;
  rejected = 0;
  readonly lost = new Map<LostReason, number>();
  readonly deadLettered = new Map<string, number>();
  readonly latency = new LatencyHistogram();

  onProduced(): void {
    this.produced++;
    this.created++;
  }

  onCopied(): void {
    this.created++;
  }

  onDelivered(latencyMs: number): void {
    this.delivered++;
    this.latency.record(latencyMs);
  }

  onLost(reason: LostReason): void {
    this.lost.set(reason, (this.lost.get(reason) ?? 0) + 1);
  }

  get lostTotal(): number {
    return sum(this.lost);
  }

  get deadLetteredTotal(): number {
    return sum(this.deadLettered);
  }

  /** Copies created and not yet at a terminal fate. */
  get inFlight(): number {
    return this.created - this.delivered - this.lostTotal - this.deadLetteredTotal - this.rejected;
  }

  totals(): LedgerTotals {
    return {
      produced: this.produced,
      created: this.created,
      delivered: this.delivered,
      duplicates: this.duplicates,
      inFlight: this.inFlight,
      lost: this.lostTotal,
      deadLettered: this.deadLetteredTotal,
      rejected: this.rejected,
    };
  }
}

function sum(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}
