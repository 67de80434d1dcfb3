import type { LedgerTotals } from '../session-types.ts';
import { bucketOf, LatencyHistogram } from './histogram.ts';

/** Why a message copy was lost. Each reason is a mechanism the run can point at. */
export type LostReason =
  /** A link dropped it (its loss probability). */
  | 'link-loss'
  /** Nowhere to go: a producer with no output, a topic with no subscriber, a transient queue deleted at its restart. */
  | 'unroutable'
  /** A full queue dropped it (drop-head) and had no dead-letter target. */
  | 'overflow'
  /** Its time to live ran out in a queue with no dead-letter target. */
  | 'expired'
  /** A consumer rejected it (nack without requeue) and the queue had no dead-letter target. */
  | 'rejected'
  /** It reached the queue's maximum deliveries and the queue had no dead-letter target. */
  | 'delivery-limit'
  /** Processing failed where nothing could redeliver it (auto-ack, or not from a queue). */
  | 'processing-failure'
  /** A queue or topic crashed holding it (transient), or it arrived while the node was down. */
  | 'crash'
  /** A consumer crashed holding it with nothing to redeliver it (auto-ack, or not from a queue). */
  | 'consumer-crash'
  /** Sent on a cut link: dropped at once (unordered), or held past the link's partition hold (ordered). */
  | 'partition'
  /** A different message with the same deduplication id or content inside a queue's window: accepted, never delivered. */
  | 'deduplicated'
  /** A channel's ACL does not let its publisher publish there. */
  | 'denied'
  /** A message filter did not accept it (by design, not an error). */
  | 'filtered'
  /** RMQ-D1: a dead letter came back to a queue it had been dead-lettered from, with no rejection on the way. */
  | 'dead-letter-cycle'
  /** ZMQ-3, ZMQ-6: a ZeroMQ PUB or ROUTER socket's pipe to the peer was at its high-water mark. */
  | 'hwm-drop'
  /** A content enricher's lookup failed (its failure probability). */
  | 'enrichment-failed'
  /** A claim check's token found no parked body: never checked in, taken already, expired, or lost in a crash of the store. */
  | 'claim-missing'
  /** A part that reached an aggregator after its group's aggregate had gone (completed at its size, or partial by the timeout). */
  | 'late-part'
  /** Another copy of a part an aggregator already had (same correlation id and part number): kept once. */
  | 'duplicate-part'
  /** §4, NN-1: a reply nobody waits for any more (its request answered already or given up, its survey past the deadline). */
  | 'late-reply'
  /** Published while a topic's subscriber without a durable subscription was down: it misses it. */
  | 'subscriber-offline'
  /** K-6: a Kafka topic's retention (by age or size) deleted it before its consumer group read it. */
  | 'retention'
  /** K-6: a compacted Kafka topic removed it for a newer record with the same key before its group read it. */
  | 'compacted';

/** Why a queue dead-lettered a message (`invalid`: a consumer moved it to its invalid-message channel). */
export type DeadLetterReason = 'rejected' | 'expired' | 'max-length' | 'delivery-limit' | 'invalid';

export type Fate = `lost:${LostReason}` | `dead-lettered:${DeadLetterReason}` | 'rejected';

/**
 * Counts every message copy's fate. Messages themselves are not kept: memory stays
 * bounded by what is in flight, not by what has passed through.
 */
export class Ledger {
  produced = 0;
  created = 0;
  delivered = 0;
  duplicates = 0;
  duplicatesSuppressed = 0;
  rejected = 0;
  readonly lost = new Map<LostReason, number>();
  readonly deadLettered = new Map<DeadLetterReason, number>();
  readonly latency = new LatencyHistogram();
  /** How long publishes waited for room in a blocking queue (producer-side latency). */
  readonly publishWait = new LatencyHistogram();

  onProduced(): void {
    this.produced++;
    this.created++;
  }

  onCopied(): void {
    this.created++;
  }

  /** Latencies of the current sampling interval (see SeriesRecorder). */
  readonly windowLatency = new LatencyHistogram();

  onDelivered(latencyMs: number): void {
    this.delivered++;
    const v = latencyMs < 0 ? 0 : latencyMs;
    // One bucket look-up (a logarithm) for both histograms.
    const bucket = bucketOf(v);
    this.latency.recordInBucket(bucket, v);
    this.windowLatency.recordInBucket(bucket, v);
  }

  onFate(fate: Fate): void {
    if (fate === 'rejected') this.rejected++;
    else if (fate.startsWith('lost:')) bump(this.lost, fate.slice(5) as LostReason);
    else bump(this.deadLettered, fate.slice(14) as DeadLetterReason);
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
      duplicatesSuppressed: this.duplicatesSuppressed,
      inFlight: this.inFlight,
      lost: this.lostTotal,
      deadLettered: this.deadLetteredTotal,
      rejected: this.rejected,
    };
  }
}

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sum(counts: ReadonlyMap<unknown, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}
