import type { CSSProperties, DragEvent } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { FLAVOUR_PRESETS, type FlavourPreset, type NodeKind } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { NODE_REGISTRY, PALETTE_SECTIONS } from '../nodes/registry.ts';
import { DOT_COPY, DOT_NORMAL, DOT_REDELIVERED } from '../../sim-client/index.ts';
import { DOT_COLOURS } from '../canvas/dot-colours.ts';
import { NODE_DRAG_MIME, placeNode, PRESET_DRAG_MIME } from '../canvas/placement.ts';

/** Presets by system, in the order the list first names each. */
const PRESETS_BY_FLAVOUR = [...new Set(FLAVOUR_PRESETS.map((p) => p.flavour))].map((flavour) => ({
  flavour,
  presets: FLAVOUR_PRESETS.filter((p) => p.flavour === flavour),
}));

export function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const flowStore = useStoreApi();

  // Click (or Enter/Space) adds at the centre of the visible canvas: the keyboard route.
  const addAtCentre = (kind: NodeKind, preset?: FlavourPreset): void => {
    const pane = flowStore.getState().domNode?.getBoundingClientRect();
    if (!pane) return;
    const centre = screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    placeNode(kind, centre, useTopologyStore.getState().nodes, preset);
  };

  const startDrag = (event: DragEvent, kind: NodeKind, preset?: FlavourPreset): void => {
    event.dataTransfer.setData(NODE_DRAG_MIME, kind);
    if (preset) event.dataTransfer.setData(PRESET_DRAG_MIME, preset.id);
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
      <section className="mf-palette__section" aria-labelledby="palette-presets-title">
        <h2 className="mf-panel-title" id="palette-presets-title">
          Presets
        </h2>
        {PRESETS_BY_FLAVOUR.map(({ flavour, presets }) => (
          <details key={flavour} className="mf-palette__flavour">
            <summary>{flavour}</summary>
            <ul>
              {presets.map((preset) => {
                const entry = NODE_REGISTRY[preset.kind];
                return (
                  <li key={preset.id}>
                    <button
                      type="button"
                      className="mf-palette__item mf-palette__item--preset"
                      style={{ '--accent': entry.colour } as CSSProperties}
                      draggable
                      onDragStart={(e) => startDrag(e, preset.kind, preset)}
                      onClick={() => addAtCentre(preset.kind, preset)}
                      data-testid={`preset-${preset.id}`}
                      title={`${preset.explanation} Drag onto the canvas, or click to add one.`}
                    >
                      <span className="mf-palette__icon">
                        <entry.Icon />
                      </span>
                      <span className="mf-palette__text">
                        <span className="mf-palette__label">{preset.label}</span>
                        <span className="mf-palette__desc">{entry.label}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </details>
        ))}
      </section>
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
