import type { TraceEvent, TraceEventKind } from '../../sim-client/index.ts';

/** How a row of the log or the trace is coloured: by what the event means for the message. */
export type EventTone = 'good' | 'bad' | 'warn' | 'plain';

const TONES: Record<TraceEventKind, EventTone> = {
  created: 'plain',
  copied: 'plain',
  derived: 'plain',
  sent: 'plain',
  dispatched: 'plain',
  redelivered: 'warn',
  arrived: 'plain',
  acked: 'good',
  nacked: 'warn',
  delivered: 'good',
  duplicate: 'warn',
  lost: 'bad',
  'dead-lettered': 'warn',
  rejected: 'bad',
};

export function eventTone(kind: TraceEventKind): EventTone {
  return TONES[kind];
}

/** Sim time of an event, to a tenth of a millisecond. */
export function formatEventTime(ms: number): string {
  return `${ms.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`;
}

/** What happened, in a few words: the kind with its reason or attempt. */
export function describeEvent(e: TraceEvent): string {
  switch (e.kind) {
    case 'sent':
      return e.edge ? `sent on ${e.edge}` : 'sent';
    case 'dispatched':
    case 'redelivered':
      return `${e.kind} (attempt ${e.attempt})`;
    case 'arrived': {
      // The first delivery's number is noise; a later one is the point.
      const attempt = e.attempt > 1 ? ` (attempt ${e.attempt})` : '';
      return `${e.edge ? `arrived by ${e.edge}` : 'arrived'}${attempt}`;
    }
    case 'derived':
      return e.from === undefined ? 'made' : `made from #${e.from}`;
    case 'nacked':
      return e.reason ? `nacked (${e.reason})` : 'nacked';
    case 'lost':
    case 'dead-lettered':
      return e.reason ? `${e.kind}: ${e.reason}` : e.kind;
    default:
      return e.kind;
  }
}
