import { useState } from 'react';
import { DOCK_TABS } from './tabs.ts';

/**
 * The panels under the canvas (metrics, event log, ...), one at a time behind tabs. Closed,
 * it is only its tab bar, so the canvas keeps the room.
 */
export function Dock() {
  const [open, setOpen] = useState<string | null>(null);
  if (DOCK_TABS.length === 0) return null;
  const active = DOCK_TABS.find((tab) => tab.id === open);
  return (
    <section className={`mf-dock${active ? ' is-open' : ''}`} aria-label="Run panels">
      <div className="mf-dock__tabs" role="tablist">
        {DOCK_TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            className="mf-dock__tab"
            aria-selected={tab.id === open}
            aria-controls={`dock-panel-${tab.id}`}
            id={`dock-tab-${tab.id}`}
            data-testid={`dock-tab-${tab.id}`}
            onClick={() => setOpen(tab.id === open ? null : tab.id)}
          >
            {tab.title}
          </button>
        ))}
      </div>
      {active && (
        <div className="mf-dock__panel" role="tabpanel" id={`dock-panel-${active.id}`} aria-labelledby={`dock-tab-${active.id}`} data-testid={`dock-panel-${active.id}`}>
          <active.Panel />
        </div>
      )}
    </section>
  );
}
