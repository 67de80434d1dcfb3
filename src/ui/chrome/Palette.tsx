import type { CSSProperties, DragEvent } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { NodeKind } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { PALETTE_SECTIONS } from '../nodes/registry.ts';
import { DOT_COPY, DOT_NORMAL, DOT_REDELIVERED } from '../../sim-client/index.ts';
import { DOT_COLOURS } from '../canvas/dot-colours.ts';
import { NODE_DRAG_MIME, placeNode } from '../canvas/placement.ts';

export function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const flowStore = useStoreApi();

  // Click (or Enter/Space) adds at the centre of the visible canvas: the keyboard route.
  const addAtCentre = (kind: NodeKind): void => {
    const pane = flowStore.getState().domNode?.getBoundingClientRect();
    if (!pane) return;
    const centre = screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    placeNode(kind, centre, useTopologyStore.getState().nodes);
  };

  const startDrag = (event: DragEvent, kind: NodeKind): void => {
    event.dataTransfer.setData(NODE_DRAG_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="mf-palette" aria-label="Node palette">
      {PALETTE_SECTIONS.map((section) => (
        <section key={section.id} className="mf-palette__section" aria-labelledby={`palette-${section.id}-title`}>
          <h2 className="mf-panel-title" id={`palette-${section.id}-title`}>
            {section.title}
          </h2>
          <ul>
            {section.entries.map((entry) => (
              <li key={entry.kind}>
                <button
                  type="button"
                  className="mf-palette__item"
                  style={{ '--accent': entry.colour } as CSSProperties}
                  draggable
                  onDragStart={(e) => startDrag(e, entry.kind)}
                  onClick={() => addAtCentre(entry.kind)}
                  data-testid={`palette-${entry.kind}`}
                  title={`${entry.description}. Drag onto the canvas, or click to add one.`}
                >
                  <span className="mf-palette__icon">
                    <entry.Icon />
                  </span>
                  <span className="mf-palette__text">
                    <span className="mf-palette__label">{entry.label}</span>
                    <span className="mf-palette__desc">{entry.description}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="mf-palette__tip">Drag from a node's right handle to another's left handle to connect them.</p>
      <div className="mf-legend" aria-label="Dot colours">
        <h2 className="mf-panel-title">Messages</h2>
        <div>
          <span className="mf-legend__dot" style={{ background: DOT_COLOURS[DOT_NORMAL] }} /> in flight
        </div>
        <div>
          <span className="mf-legend__dot" style={{ background: DOT_COLOURS[DOT_COPY] }} /> fan-out copy
        </div>
        <div>
          <span className="mf-legend__dot" style={{ background: DOT_COLOURS[DOT_REDELIVERED] }} /> redelivered
        </div>
        <div>
          <span className="mf-legend__line" /> dead-letter route
        </div>
      </div>
    </nav>
  );
}
