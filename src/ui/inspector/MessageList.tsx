import { useEffect, useState, type KeyboardEvent } from 'react';
import { engineClient, type HeldState, type MessageView, type NodeMessages } from '../../sim-client/index.ts';
import { useSimStore } from '../../store/sim-store.ts';

/** Rows listed at most; the counts still cover everything the node holds. */
const ROWS_SHOWN = 50;
/** At most four refreshes a second while the run advances: readable, and far below the frame rate. */
const REFRESH_INTERVAL_MS = 250;
/** Chip order: a queue's states, then a consumer's; a state not listed here still shows, last. */
const STATE_ORDER: readonly HeldState[] = ['ready', 'unacked', 'delayed', 'blocked', 'processing', 'backlog'];
const stateRank = (state: HeldState): number => {
  const rank = STATE_ORDER.indexOf(state);
  return rank < 0 ? STATE_ORDER.length : rank;
};

// A fixed locale, so the same run reads the same everywhere (and in the e2e tests).
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
// A no-break space keeps a number with its unit when a narrow cell wraps.
const atMs = (ms: number): string => `${wholeNumber.format(ms)}\u00a0ms`;

/**
 * The latest answer for `nodeId`: undefined until the first one, null when no run is
 * loaded. Refetched when the run moves (sim time, state or event count), throttled with a
 * trailing call so the state a run paused in is always the one shown.
 */
function useHeldMessages(nodeId: string): NodeMessages | null | undefined {
  const [answer, setAnswer] = useState<NodeMessages | null | undefined>(undefined);
  useEffect(() => {
    let disposed = false;
    let requested = 0;
    // Requests may resolve out of order; only one newer than the last shown may replace it.
    let newestShown = 0;
    let lastFetchAt = -Infinity;
    let trailing: ReturnType<typeof setTimeout> | undefined;

    const fetchNow = (): void => {
      lastFetchAt = performance.now();
      const request = ++requested;
      if (useSimStore.getState().state === 'idle') {
        // The worker may still hold an invalidated run; never show it.
        newestShown = request;
        setAnswer(null);
        return;
      }
      engineClient.heldMessages(nodeId, ROWS_SHOWN).then(
        (next) => {
          if (disposed || request <= newestShown) return;
          newestShown = request;
          setAnswer(next);
        },
        // A dead worker is reported by the sim bridge and resets the run to idle.
        () => {},
      );
    };

    const schedule = (): void => {
      if (trailing !== undefined) return;
      const wait = lastFetchAt + REFRESH_INTERVAL_MS - performance.now();
      if (wait <= 0) return fetchNow();
      trailing = setTimeout(() => {
        trailing = undefined;
        fetchNow();
      }, wait);
    };

    schedule();
    const unsubscribe = useSimStore.subscribe((s, prev) => {
      if (s.simTimeMs !== prev.simTimeMs || s.state !== prev.state || s.events !== prev.events) schedule();
    });
    return () => {
      disposed = true;
      clearTimeout(trailing);
      unsubscribe();
    };
  }, [nodeId]);
  return answer;
}

/** The "Messages held" section for a queue or consumer: counts by state, then one row per message copy. */
export function MessageList({ nodeId }: { nodeId: string }) {
  const answer = useHeldMessages(nodeId);
  const idle = useSimStore((s) => s.state === 'idle');
  return (
    <fieldset className="mf-fieldset mf-held" data-testid="held-messages">
      <legend>Messages held</legend>
      <p className="mf-fieldset__note">
        A message's attempt counts its deliveries; redelivered is set when a delivery ended without an ack (nack with
        requeue, ack timeout, consumer crash) and it went back to the queue.
      </p>
      {idle || answer === null ? (
        <p className="mf-held__empty">Press Play or Step to see the messages this node holds.</p>
      ) : (
        answer && <HeldBody held={answer} />
      )}
    </fieldset>
  );
}

function HeldBody({ held }: { held: NodeMessages }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const counted = (Object.keys(held.counts) as HeldState[])
    .map((state) => ({ state, count: held.counts[state] ?? 0 }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => stateRank(a.state) - stateRank(b.state));
  const total = counted.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) return <p className="mf-held__empty">Holds no messages now.</p>;

  const toggle = (rowKey: string): void =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(rowKey)) next.add(rowKey);
      return next;
    });
  return (
    <>
      <div className="mf-held__head">
        <ul className="mf-held__counts" data-testid="held-counts">
          {counted.map(({ state, count }) => (
            <li key={state} className={`mf-held__chip is-${state}`}>
              {state} <b>{count}</b>
            </li>
          ))}
        </ul>
        <span className="mf-held__asof" title="Sim time of this snapshot">
          at {atMs(held.simTimeMs)}
        </span>
      </div>
      <div className="mf-held__scroll">
        <table className="mf-held__table">
          <thead>
            <tr>
              <th scope="col">Message</th>
              <th scope="col">Key</th>
              <th scope="col">State</th>
              <th scope="col" className="mf-held__num" title="Delivery attempt">
                Attempt
              </th>
            </tr>
          </thead>
          {rowKeys(held.messages).map(({ rowKey, message }) => (
            <HeldRow key={rowKey} message={message} open={expanded.has(rowKey)} onToggle={() => toggle(rowKey)} />
          ))}
        </table>
      </div>
      {held.truncated && (
        <p className="mf-held__more">
          first {held.messages.length} of {total} shown
        </p>
      )}
    </>
  );
}

/**
 * A key per row that survives refreshes (so an expanded row stays expanded while the
 * message is still held). A link that duplicates puts the same message into a node twice,
 * so repeats are numbered.
 */
function rowKeys(messages: readonly MessageView[]): { rowKey: string; message: MessageView }[] {
  const seen = new Map<string, number>();
  return messages.map((message) => {
    const base = `${message.id}${message.copy ? 'c' : ''}`;
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    return { rowKey: `${base}.${repeat}`, message };
  });
}

/**
 * One message copy as a row group: the columns, then a line across the table for its flags
 * and deadlines (too wide for a column each in the inspector), then its details when open.
 * The details do not toggle on click, so their text can be selected.
 */
function HeldRow({ message: m, open, onToggle }: { message: MessageView; open: boolean; onToggle: () => void }) {
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onToggle();
  };
  const headers = Object.entries(m.headers);
  const hasNotes = m.copy || m.redelivered || m.deadLetterReason !== null || m.ackDeadlineMs != null || m.expiresAtMs !== null || m.correlationId !== undefined || m.priority > 0;
  return (
    <tbody className={`mf-held__message${open ? ' is-open' : ''}`} data-testid="held-row">
      <tr tabIndex={0} aria-expanded={open} title="Click for headers, size and creation time" onClick={onToggle} onKeyDown={onKeyDown}>
        <td className="mf-held__id">
          {m.producer}#{m.seq}
        </td>
        <td className="mf-held__key">{m.key ?? '—'}</td>
        <td>
          <span className={`mf-held__state is-${m.state}`}>{m.state}</span>
          {m.consumer !== undefined && (
            <>
              {' '}
              <span className="mf-held__consumer">→ {m.consumer}</span>
            </>
          )}
        </td>
        <td className="mf-held__num" data-testid="held-attempt">
          {m.attempts}
        </td>
      </tr>
      {hasNotes && (
        <tr className="mf-held__notes" onClick={onToggle}>
          <td colSpan={4}>
            <div className="mf-held__note-items">
              {m.copy && <span className="mf-held__badge is-copy">copy</span>}
              {m.priority > 0 && <span className="mf-held__meta" data-testid="held-priority">priority {m.priority}</span>}
              {m.redelivered && (
                <span className="mf-held__badge is-redelivered" data-testid="held-redelivered">
                  ↻ redelivered
                </span>
              )}
              {m.deadLetterReason !== null && <span className="mf-held__badge is-dead">dead-lettered: {m.deadLetterReason}</span>}
              {m.correlationId !== undefined && (
                <span className="mf-held__meta" data-testid="held-correlation">
                  {m.part === undefined ? '' : `part ${m.part} of `}#{m.correlationId}
                </span>
              )}
              {m.partial && (
                <span className="mf-held__badge is-dead" data-testid="held-partial">
                  partial
                </span>
              )}
              {m.ackDeadlineMs != null && <span className="mf-held__meta">ack by {atMs(m.ackDeadlineMs)}</span>}
              {m.expiresAtMs !== null && <span className="mf-held__meta">expires {atMs(m.expiresAtMs)}</span>}
            </div>
          </td>
        </tr>
      )}
      {open && (
        <tr className="mf-held__details" data-testid="held-details">
          <td colSpan={4}>
            <dl>
              <dt>Headers</dt>
              <dd>
                {headers.length === 0 ? (
                  <span className="mf-held__none">no headers</span>
                ) : (
                  <ul className="mf-held__headers">
                    {headers.map(([name, value]) => (
                      <li key={name}>
                        {name}: {value}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt>Size</dt>
              <dd>{wholeNumber.format(m.sizeBytes)} bytes</dd>
              <dt>Created</dt>
              <dd>at {atMs(m.createdAtMs)}</dd>
            </dl>
          </td>
        </tr>
      )}
    </tbody>
  );
}
