import { useEffect, useState } from 'react';
import { engineClient, EVENT_LOG_CAPACITY, type MessageTrace, type TraceHop } from '../../sim-client/index.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { useTraceStore } from '../../store/trace-store.ts';
import { describeEvent, eventTone, formatEventTime } from './event-format.ts';
import './trace.css';

/**
 * The open message's history over the canvas: every hop the event log holds, with sim
 * time, node, link, attempt and headers, and each copy's fate. Opened from a row of the
 * event log or a click on a dot; refreshed as the run goes on.
 */
export function MessageTracePanel() {
  const messageId = useTraceStore((s) => s.messageId);
  if (messageId === null) return null;
  return <TraceView key={messageId} id={messageId} />;
}

function TraceView({ id }: { id: number }) {
  const close = useTraceStore((s) => s.close);
  // Asked again whenever the run moves (the status numbers change a few times a second).
  const events = useSimStore((s) => s.events);
  const [trace, setTrace] = useState<MessageTrace | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    engineClient
      .messageTrace(id)
      .then((t) => current && setTrace(t))
      .catch(() => current && setTrace(null));
    return () => {
      current = false;
    };
  }, [id, events]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  return (
    <aside className="mf-trace" role="dialog" aria-label={`Trace of message #${id}`} data-testid="message-trace">
      <header className="mf-trace__head">
        <h2>Message #{id}</h2>
        <button type="button" className="mf-trace__close" onClick={close} aria-label="Close the trace">
          ×
        </button>
      </header>
      {trace === undefined ? null : trace === null ? (
        <p className="mf-trace__note">No run is loaded.</p>
      ) : (
        <TraceBody trace={trace} />
      )}
    </aside>
  );
}

function TraceBody({ trace }: { trace: MessageTrace }) {
  const show = useTraceStore((s) => s.show);
  if (trace.hops.length === 0) {
    return (
      <p className="mf-trace__note">
        The event log holds nothing of this message: it keeps the last {EVENT_LOG_CAPACITY.toLocaleString('en-US')} events.
      </p>
    );
  }
  // Copies by their run-wide number, numbered 1.. in the order they show up here.
  const copyNumber = new Map<number, number>();
  for (const hop of trace.hops) if (!copyNumber.has(hop.copy)) copyNumber.set(hop.copy, copyNumber.size);
  const copies = copyNumber.size > 1;
  const made = trace.hops.find((h) => h.from !== undefined);
  return (
    <>
      <dl className="mf-trace__facts">
        {trace.producer !== null && (
          <>
            <dt>From</dt>
            <dd>
              {trace.producer} #{trace.seq}
            </dd>
          </>
        )}
        {trace.key !== null && (
          <>
            <dt>Key</dt>
            <dd>{trace.key}</dd>
          </>
        )}
        {trace.createdAtMs !== null && (
          <>
            <dt>Created</dt>
            <dd>{formatEventTime(trace.createdAtMs)}</dd>
          </>
        )}
        {made?.from !== undefined && (
          <>
            <dt>Made from</dt>
            <dd>
              <button type="button" className="mf-trace__link" onClick={() => show(made.from!)}>
                message #{made.from}
              </button>
            </dd>
          </>
        )}
        <dt>Fate</dt>
        <dd data-testid="trace-fate">
          {trace.fates.length === 0
            ? 'in flight or held'
            : trace.fates.map((f) => (
                <span key={f.seq} className={`mf-event-tone is-${eventTone(f.kind)}`}>
                  {copies ? `copy ${copyNumber.get(f.copy)}: ` : ''}
                  {f.reason ? `${f.kind}: ${f.reason}` : f.kind} at {f.node ?? '—'}, {formatEventTime(f.t)}
                </span>
              ))}
        </dd>
      </dl>
      {!trace.complete && (
        <p className="mf-trace__note">
          Its first hops have left the event log (it keeps the last {EVENT_LOG_CAPACITY.toLocaleString('en-US')} events): the
          history starts part way.
        </p>
      )}
      <ol className="mf-trace__hops" aria-label="Hops">
        {trace.hops.map((hop, i) => (
          <Hop key={hop.seq} hop={hop} copy={copies ? copyNumber.get(hop.copy)! : null} previous={trace.hops[i - 1]} />
        ))}
      </ol>
    </>
  );
}

function Hop({ hop, copy, previous }: { hop: TraceHop; copy: number | null; previous: TraceHop | undefined }) {
  // Headers are shown where they first appear and wherever they change, not on every hop.
  const headers = Object.entries(hop.headers);
  const changed = previous !== undefined && !sameHeaders(previous.headers, hop.headers);
  const showHeaders = headers.length > 0 && (changed || previous === undefined || Object.keys(previous.headers).length === 0);
  return (
    <li className={`mf-trace__hop is-${eventTone(hop.kind)}`} data-testid="trace-hop" data-kind={hop.kind}>
      <span className="mf-trace__time">{formatEventTime(hop.t)}</span>
      <span className="mf-trace__what">
        <strong>{describeEvent(hop)}</strong>
        {hop.node && <> at {hop.node}</>}
        {copy !== null && copy > 0 && <span className="mf-trace__copy">copy {copy}</span>}
      </span>
      {showHeaders && (
        <span className="mf-trace__headers">
          {headers.map(([name, value]) => (
            <code key={name}>
              {name}: {value}
            </code>
          ))}
        </span>
      )}
    </li>
  );
}

function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
