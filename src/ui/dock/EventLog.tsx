import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import { engineClient, EVENT_LOG_CAPACITY, MAX_EVENT_PAGE, TRACE_FATES, type EventPage, type EventQuery, type TraceFate } from '../../sim-client/index.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { useTraceStore } from '../../store/trace-store.ts';
import { describeEvent, eventTone, formatEventTime } from '../trace/event-format.ts';
import '../trace/trace.css';
import './event-log.css';

const ROW_HEIGHT = 26;
/** Rows fetched beyond those on screen, each side, so a short scroll needs no new page. */
const MARGIN_ROWS = 100;
/** A scroll this soon after the user's wheel, key or pointer is theirs; others are the log's own following. */
const USER_SCROLL_MS = 800;

/**
 * The run's event log: what happened to which message where, filtered by node, fate and
 * reason. Only the rows on screen are rendered, and only a page around them is fetched
 * from the engine, which keeps the last EVENT_LOG_CAPACITY events. While following, it
 * stays at the newest event; scrolling up stops following, scrolling back down resumes.
 * A row opens its message's trace.
 */
export function EventLog() {
  const nodeIds = useTopologyStore(useShallow((s) => s.nodes.map((n) => n.id)));
  // Refetch whenever the run moves: the status numbers change a few times a second.
  const simEvents = useSimStore((s) => s.events);
  const runState = useSimStore((s) => s.state);
  const traced = useTraceStore((s) => s.messageId);
  const showTrace = useTraceStore((s) => s.show);
  const [node, setNode] = useState('');
  const [fate, setFate] = useState<TraceFate | ''>('');
  const [reason, setReason] = useState('');
  const [follow, setFollow] = useState(true);
  const [page, setPage] = useState<EventPage | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const userScrollAt = useRef(-Infinity);

  const total = page?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const firstShown = items[0]?.index ?? 0;
  const lastShown = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    let current = true;
    const query: EventQuery = {};
    if (node) query.node = node;
    if (fate) query.fate = fate;
    if (reason) query.reason = reason;
    const offset = follow ? -MAX_EVENT_PAGE : Math.max(0, firstShown - MARGIN_ROWS);
    const limit = follow ? MAX_EVENT_PAGE : Math.min(MAX_EVENT_PAGE, lastShown - firstShown + 1 + 2 * MARGIN_ROWS);
    engineClient
      .events(query, offset, limit)
      .then((p) => current && setPage(p))
      .catch(() => current && setPage(null));
    return () => {
      current = false;
    };
  }, [node, fate, reason, follow, firstShown, lastShown, simEvents, runState]);

  useEffect(() => {
    if (follow && total > 0) virtualizer.scrollToIndex(total - 1, { align: 'end' });
  }, [follow, total, page, virtualizer]);

  const markUserScroll = (): void => {
    userScrollAt.current = performance.now();
  };
  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el || performance.now() - userScrollAt.current > USER_SCROLL_MS) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT;
    if (atBottom !== follow) setFollow(atBottom);
  };

  const reasons = page ? page.reasons : [];
  const shownReasons = reason && !reasons.includes(reason) ? [reason, ...reasons] : reasons;

  return (
    <div className="mf-event-log" data-testid="event-log">
      <div className="mf-event-log__filters">
        <label>
          Node
          <select value={node} onChange={(e) => setNode(e.target.value)} data-testid="event-filter-node">
            <option value="">all</option>
            {nodeIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Fate
          <select value={fate} onChange={(e) => setFate(e.target.value as TraceFate | '')} data-testid="event-filter-fate">
            <option value="">any event</option>
            {TRACE_FATES.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <select value={reason} onChange={(e) => setReason(e.target.value)} data-testid="event-filter-reason">
            <option value="">any</option>
            {shownReasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="mf-event-log__follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} data-testid="event-follow" />
          Follow the run
        </label>
        <span className="mf-event-log__count" data-testid="event-count" data-value={total}>
          {page === null
            ? 'No run loaded'
            : `${total.toLocaleString('en-US')} entries` +
              (page.forgotten > 0 ? ` · the log keeps the last ${EVENT_LOG_CAPACITY.toLocaleString('en-US')}` : '')}
        </span>
      </div>
      <div
        className="mf-event-log__rows"
        ref={scrollRef}
        onScroll={onScroll}
        onWheel={markUserScroll}
        onPointerDown={markUserScroll}
        onTouchStart={markUserScroll}
        onKeyDown={markUserScroll}
        role="list"
        aria-label="Events"
        tabIndex={0}
      >
        {total === 0 && <p className="mf-event-log__empty">{page === null || runState === 'idle' ? 'Press Play: what happens to each message shows up here.' : 'No event matches.'}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const event = page ? page.events[item.index - page.offset] : undefined;
            return (
              <div
                key={item.key}
                role="listitem"
                className="mf-event-log__slot"
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {event ? (
                  <button
                    type="button"
                    className={`mf-event-row is-${eventTone(event.kind)}${event.message === traced ? ' is-traced' : ''}`}
                    data-testid="event-row"
                    data-kind={event.kind}
                    data-message={event.message}
                    onClick={() => showTrace(event.message)}
                  >
                    <span className="mf-event-row__time">{formatEventTime(event.t)}</span>
                    <span className="mf-event-row__node">{event.node ?? '—'}</span>
                    <span className={`mf-event-row__what mf-event-tone is-${eventTone(event.kind)}`}>{describeEvent(event)}</span>
                    <span className="mf-event-row__msg">#{event.message}</span>
                  </button>
                ) : (
                  <span className="mf-event-row is-loading">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
