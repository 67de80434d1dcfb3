/**
 * Compares what the engine observed with what a real broker observed (observation.ts).
 *
 * API:
 * - `compareObservations(engine, broker, options)`: the list of differences, each one line
 *   naming the consumer (or queue) and the position; empty when they agree.
 * - `CompareOptions`: which parts count. Deterministic cases compare everything in order;
 *   a rule with real timing (TTL) compares each consumer's deliveries as a multiset.
 * - `describeDelivery(d)`: one delivery as text (`p:3 redelivered dead[q1 rejected x1]`).
 */
import type { Delivery, Observation } from './observation.ts';

export interface CompareOptions {
  /** `exact`: each consumer's deliveries position by position; `any`: the same deliveries in any order. Default `exact`. */
  order?: 'exact' | 'any';
  /** Compare the redelivered flags (default true). */
  redelivered?: boolean;
  /** Compare dead-letter histories (default true). */
  deaths?: boolean;
  /** Compare the ready messages left per queue (default true). */
  queued?: boolean;
}

export function describeDelivery(d: Delivery, options: CompareOptions = {}): string {
  const parts = [d.message];
  if (options.redelivered !== false && d.redelivered) parts.push('redelivered');
  if (options.deaths !== false && d.deaths?.length) {
    parts.push(`dead[${d.deaths.map((death) => `${death.queue} ${death.reason} x${death.count}`).join(', ')}]`);
  }
  if (d.qos !== undefined) parts.push(`qos${d.qos}`);
  if (d.retained) parts.push('retained');
  return parts.join(' ');
}

export function compareObservations(engine: Observation, broker: Observation, options: CompareOptions = {}): string[] {
  const diffs: string[] = [];
  const published = sequenceDiff(engine.published, broker.published);
  if (published) diffs.push(`published (a driver bug, not a broker difference): ${published}`);

  const consumers = [...new Set([...Object.keys(engine.deliveries), ...Object.keys(broker.deliveries)])].sort();
  for (const consumer of consumers) {
    const mine = (engine.deliveries[consumer] ?? []).map((d) => describeDelivery(d, options));
    const theirs = (broker.deliveries[consumer] ?? []).map((d) => describeDelivery(d, options));
    const diff = options.order === 'any' ? multisetDiff(mine, theirs) : sequenceDiff(mine, theirs);
    if (diff) diffs.push(`consumer ${consumer}: ${diff}`);
  }

  const returned = sequenceDiff(engine.returned, broker.returned);
  if (returned) diffs.push(`returned to publisher: ${returned}`);

  const nacked = sequenceDiff(engine.nacked ?? [], broker.nacked ?? []);
  if (nacked) diffs.push(`nacked to publisher: ${nacked}`);

  if (options.queued !== false) {
    const queues = [...new Set([...Object.keys(engine.queued), ...Object.keys(broker.queued)])].sort();
    for (const queue of queues) {
      const a = engine.queued[queue];
      const b = broker.queued[queue];
      if (a !== b) diffs.push(`queue ${queue}: engine has ${a ?? 'no count'} ready at the end, broker ${b ?? 'no count'}`);
    }
  }
  return diffs;
}

/** The first position where two sequences differ, with both whole sequences for context; undefined when equal. */
function sequenceDiff(engine: readonly string[], broker: readonly string[]): string | undefined {
  const length = Math.max(engine.length, broker.length);
  for (let i = 0; i < length; i++) {
    if (engine[i] !== broker[i]) {
      return (
        `at position ${i} engine has ${engine[i] ?? '(nothing)'}, broker ${broker[i] ?? '(nothing)'}` +
        `\n    engine: [${engine.join(', ')}]\n    broker: [${broker.join(', ')}]`
      );
    }
  }
  return undefined;
}

/** What one multiset has that the other lacks, counting repeats; undefined when equal. */
function multisetDiff(engine: readonly string[], broker: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const item of engine) counts.set(item, (counts.get(item) ?? 0) + 1);
  for (const item of broker) counts.set(item, (counts.get(item) ?? 0) - 1);
  const onlyEngine: string[] = [];
  const onlyBroker: string[] = [];
  for (const [item, n] of counts) {
    for (let i = 0; i < n; i++) onlyEngine.push(item);
    for (let i = 0; i < -n; i++) onlyBroker.push(item);
  }
  if (onlyEngine.length === 0 && onlyBroker.length === 0) return undefined;
  return `only the engine got [${onlyEngine.join(', ')}], only the broker got [${onlyBroker.join(', ')}]`;
}
