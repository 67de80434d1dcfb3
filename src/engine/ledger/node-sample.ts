import type { NodeStats } from '../session-types.ts';

/** What a node's charts follow: counters of messages in and out (made rates by the series), and what it holds now. */
export interface NodeCounters {
  in: number;
  out: number;
  held: number;
}

/** Picks, per node kind, the counters that mean "in", "out" and "held" for that kind. */
export function nodeCounters(s: NodeStats): NodeCounters {
  switch (s.kind) {
    case 'producer':
      return { in: 0, out: s.produced, held: 0 };
    case 'queue':
      return { in: s.received, out: s.dispatched, held: s.depth };
    case 'consumer':
      return { in: s.received, out: s.processed, held: s.busy + s.backlog };
    case 'topic':
      return { in: s.received, out: s.copiesOut, held: s.kept };
    case 'kafka-topic':
      return {
        in: s.received,
        out: s.groups.reduce((sum, g) => sum + g.members.reduce((m, member) => m + member.fetched.reduce((a, b) => a + b, 0), 0), 0),
        held: s.partitions.reduce((sum, p) => sum + p.records, 0),
      };
    case 'exchange':
    case 'nats-server':
      return { in: s.received, out: s.copiesOut, held: 0 };
    case 'mqtt-broker':
      return { in: s.received, out: s.copiesOut, held: s.queued };
    case 'zmq-socket':
      return { in: s.received, out: s.sent, held: Object.values(s.pipeDepth).reduce((a, b) => a + b, 0) };
    case 'requester':
      return { in: s.replies, out: s.sent, held: s.outstanding };
    case 'replier':
      return { in: s.requests, out: s.replies, held: s.busy + s.backlog };
    case 'scatter-gather':
      return { in: s.surveys, out: s.results, held: s.open };
    case 'resequencer':
    case 'aggregator':
      return { in: s.received, out: s.out, held: s.held };
    case 'claim-check':
      return { in: s.received, out: s.out, held: s.parked };
    case 'content-enricher':
      return { in: s.received, out: s.out, held: s.busy + s.waiting };
    default:
      // Routers, splitters and the other transforms pass messages straight on.
      return { in: s.received, out: s.out, held: 0 };
  }
}
