import { useShallow } from 'zustand/react/shallow';
import type { RunState } from '../../sim-client/index.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { formatSimTime } from '../format.ts';

const STATE_LABEL: Record<RunState, string> = {
  idle: 'Ready',
  running: 'Running',
  paused: 'Paused',
  finished: 'Finished',
  error: 'Error',
};

const numberFormat = new Intl.NumberFormat('en-US');

function Item({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'good' | 'bad' | 'warn' }) {
  return (
    <span className={`mf-status__item${tone ? ` mf-status__item--${tone}` : ''}`}>
      <span className="mf-status__label">{label}</span>
      <b data-testid={testId}>{value}</b>
    </span>
  );
}

export function StatusBar() {
  const view = useSimStore(
    useShallow((s) => ({
      state: s.state,
      simTimeMs: s.simTimeMs,
      events: s.events,
      totals: s.totals,
      reorders: s.reorders,
      fallingBehind: s.fallingBehind,
      error: s.error,
    })),
  );
  const { totals } = view;
  return (
    <footer className="mf-status" aria-label="Simulation status">
      <span className={`mf-status__state mf-status__state--${view.state}`} data-testid="status-state">
        {STATE_LABEL[view.state]}
      </span>
      <Item label="sim time" value={formatSimTime(view.simTimeMs)} testId="status-time" />
      <Item label="produced" value={numberFormat.format(totals.produced)} testId="status-produced" />
      <Item label="delivered" value={numberFormat.format(totals.delivered)} testId="status-delivered" tone="good" />
      <Item label="lost" value={numberFormat.format(totals.lost)} testId="status-lost" tone={totals.lost > 0 ? 'bad' : undefined} />
      <Item label="in flight" value={numberFormat.format(totals.inFlight)} testId="status-inflight" />
      {totals.duplicates > 0 && <Item label="duplicates" value={numberFormat.format(totals.duplicates)} testId="status-duplicates" tone="warn" />}
      {totals.duplicatesSuppressed > 0 && (
        <Item label="suppressed" value={numberFormat.format(totals.duplicatesSuppressed)} testId="status-suppressed" />
      )}
      {view.reorders > 0 && <Item label="reordered" value={numberFormat.format(view.reorders)} testId="status-reorders" tone="warn" />}
      {totals.deadLettered > 0 && <Item label="dead-lettered" value={numberFormat.format(totals.deadLettered)} testId="status-dead" tone="bad" />}
      {totals.rejected > 0 && <Item label="rejected" value={numberFormat.format(totals.rejected)} testId="status-rejected" tone="bad" />}
      <span className="mf-status__spacer" />
      {view.fallingBehind && (
        <span className="mf-status__badge" data-testid="status-behind" title="The simulation cannot keep up with this speed">
          falling behind
        </span>
      )}
      {view.state === 'error' && view.error && (
        <span className="mf-status__error" title={view.error}>
          {view.error}
        </span>
      )}
      <span className="mf-status__events">{numberFormat.format(view.events)} events</span>
    </footer>
  );
}
