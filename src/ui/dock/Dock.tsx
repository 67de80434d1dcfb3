import { useEffect, useRef, useState } from 'react';
import { useUiStore } from '../../store/ui-store.ts';
import { DOCK_TABS } from './tabs.ts';

/**
 * The panels under the canvas (metrics, event log, ...), one at a time behind tabs. Closed,
 * it is only its tab bar, so the canvas keeps the room.
 */
export function Dock() {
  const [open, setOpen] = useState<string | null>(null);
  const active = DOCK_TABS.find((tab) => tab.id === open);
  const isOpen = active !== undefined;
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    // The canvas just got shorter or taller: fit the flow again once it has its new size
    // (two frames: the resize is measured, then the fit reads it), so no node ends up
    // under the minimap.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => useUiStore.getState().requestFit());
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [isOpen]);
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
