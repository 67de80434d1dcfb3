import { lazy, Suspense } from 'react';

// The charts (and uPlot) load when the tab first opens, not with the app.
const MetricsPanel = lazy(() => import('./MetricsPanel.tsx').then((m) => ({ default: m.MetricsPanel })));

/** The Metrics tab's content, loaded on first open. */
export function MetricsTab() {
  return (
    <Suspense fallback={<p>Loading charts…</p>}>
      <MetricsPanel />
    </Suspense>
  );
}
