import type { NodeKind } from './schema.ts';

/**
 * The live counters each node kind shows on its card (a card's `stat-<name>` counters),
 * the ones a scenario may ask the reader to watch. Kept beside the schema so a scenario
 * naming a counter its node never shows is refused when it is loaded;
 * `watchable-stats.test.ts` checks this list against the cards.
 */
export const WATCHABLE_STATS: { readonly [K in NodeKind]: readonly string[] } = {
  producer: ['sent', 'refused', 'returned', 'confirmed', 'retries', 'unconfirmed'],
  exchange: ['in', 'out', 'to-alternate', 'unroutable', 'denied', 'bindings-lost'],
  'mqtt-broker': ['in', 'out', 'queued', 'retained', 'wills', 'dropped', 'unroutable', 'denied'],
  'nats-server': ['in', 'out', 'to-groups', 'unroutable', 'denied'],
  queue: ['depth', 'unacked', 'redelivered', 'expired', 'dead-lettered', 'dropped', 'refused', 'too-large', 'blocked', 'deduplicated', 'denied', 'empty-receives'],
  topic: ['in', 'out', 'denied', 'filtered', 'kept', 'missed', 'kept-dropped'],
  'kafka-topic': ['records', 'lag', 'unreplicated', 'duplicates-dropped', 'out-of-sequence', 'lost-in-crash', 'deleted', 'compacted', 'refused'],
  'zmq-socket': ['in', 'out', 'blocked', 'dropped', 'in-pipes', 'wait-max', 'unroutable', 'lost-crash'],
  'content-router': ['in', 'out', 'dropped'],
  'message-filter': ['in', 'out', 'dropped'],
  'recipient-list': ['in', 'out', 'dropped'],
  'wire-tap': ['in', 'out', 'tapped', 'dropped'],
  'load-balancer': ['in', 'out', 'dropped'],
  resequencer: ['in', 'out', 'held', 'skipped', 'late', 'dropped'],
  'scatter-gather': ['surveys', 'answers', 'late', 'missing', 'at-deadline', 'open', 'unroutable'],
  splitter: ['in', 'out', 'dropped'],
  aggregator: ['completed', 'partial', 'open', 'held', 'late', 'duplicates', 'out-of-order', 'dropped'],
  translator: ['in', 'out', 'size-out', 'dropped'],
  'content-enricher': ['in', 'out', 'busy', 'waiting', 'failed', 'dropped'],
  'content-filter': ['in', 'out', 'size-out', 'headers-removed', 'dropped'],
  'envelope-wrapper': ['in', 'envelopes', 'size-out', 'not-wrapped', 'dropped'],
  'claim-check': ['dropped', 'checked-in', 'parked', 'bytes-saved', 'expired', 'crashed', 'checked-out', 'missing'],
  consumer: ['processed', 'busy', 'backlog', 'failed', 'duplicates', 'suppressed', 'reorders', 'key-reorders', 'invalid', 'forwarded'],
  requester: ['sent', 'replies', 'outstanding', 'retries', 'timeouts', 'gave-up', 'late', 'rtt'],
  replier: ['requests', 'replies', 'backlog', 'duplicates', 'busy', 'failed', 'unroutable'],
};
