import { useEffect } from 'react';
import { useReactFlow, type NodeChange } from '@xyflow/react';
import { copySelection, pasteCopied } from '../../store/clipboard.ts';
import { useHistoryStore } from '../../store/edit-history.ts';
import { useEditorPrefs } from '../../store/editor-prefs.ts';
import { shareCanvas } from '../../store/share-link.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import type { FlowEdge, FlowNode } from '../../store/topology-types.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { ShareDialogs } from './ShareDialogs.tsx';
import './edit-tools.css';

// A node not yet measured (just added) is laid out at about a node card's size.
const UNMEASURED = { width: 180, height: 90 };

/** Lays the canvas out left to right by its links, as one undo step, then fits the view. */
async function autoLayout(fitView: () => Promise<boolean>): Promise<void> {
  const { nodes, edges, onNodesChange } = useTopologyStore.getState();
  if (nodes.length === 0) return;
  // dagre is loaded on first use: most sessions never lay out, and the first load stays small.
  const { layoutLeftToRight } = await import('../../model/layout.ts');
  const boxes = nodes.map((n) => ({
    id: n.id,
    position: n.position,
    width: n.measured?.width ?? UNMEASURED.width,
    height: n.measured?.height ?? UNMEASURED.height,
  }));
  const placed = layoutLeftToRight(boxes, edges);
  const changes: NodeChange<FlowNode>[] = [];
  for (const [id, position] of placed) changes.push({ type: 'position', id, position, dragging: false });
  // One change list is one commit, so one undo step puts every node back.
  onNodesChange(changes);
  await fitView();
}

/** True when a key press belongs to a text field (its own undo, copy and paste apply there). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function undo(): void {
  useTopologyStore.getState().undo();
}
function redo(): void {
  useTopologyStore.getState().redo();
}

/** Undo/redo, copy/paste from the keyboard, anywhere outside a text field or an open dialog. */
function useEditShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || inTextField(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else if (key === 'c') {
        // Text the user selected on the page keeps the browser's own copy.
        if (!window.getSelection()?.isCollapsed || copySelection() === 0) return;
      } else if (key === 'v') {
        if (pasteCopied() === 0) return;
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The toolbar's editing group: undo, redo, snap to grid, auto-layout, share and the theme. */
export function EditTools() {
  const canUndo = useHistoryStore((s) => s.canUndo);
  const canRedo = useHistoryStore((s) => s.canRedo);
  const snap = useEditorPrefs((s) => s.snapToGrid);
  const toggleSnap = useEditorPrefs((s) => s.toggleSnap);
  const theme = useEditorPrefs((s) => s.theme);
  const toggleTheme = useEditorPrefs((s) => s.toggleTheme);
  const { fitView } = useReactFlow<FlowNode, FlowEdge>();
  useEditShortcuts();

  const layout = (): void => {
    autoLayout(() => fitView({ duration: 200, padding: 0.15, maxZoom: 1.25 })).catch((error: unknown) =>
      useUiStore.getState().notify(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`, 'error'),
    );
  };

  return (
    <div className="mf-toolbar__group mf-edit-tools" role="group" aria-label="Edit">
      <button type="button" className="mf-icon-button" onClick={undo} disabled={!canUndo} data-testid="btn-undo" aria-label="Undo" title="Undo (Ctrl+Z)">
        <span aria-hidden="true">↶</span>
      </button>
      <button
        type="button"
        className="mf-icon-button"
        onClick={redo}
        disabled={!canRedo}
        data-testid="btn-redo"
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
      >
        <span aria-hidden="true">↷</span>
      </button>
      <button
        type="button"
        className="mf-icon-button"
        onClick={toggleSnap}
        aria-pressed={snap}
        data-testid="btn-snap"
        aria-label="Snap to grid"
        title="Snap nodes to the grid while dragging"
      >
        <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
          {[3, 9, 15].map((x) => [3, 9, 15].map((y) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" fill="currentColor" />))}
        </svg>
      </button>
      <button
        type="button"
        className="mf-icon-button"
        onClick={layout}
        data-testid="btn-layout"
        aria-label="Auto-layout"
        title="Auto-layout: arrange the nodes left to right by their links (undo puts them back)"
      >
        <svg width="20" height="18" viewBox="0 0 20 18" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
          <rect x="1" y="7" width="5" height="4" rx="1" />
          <rect x="14" y="2" width="5" height="4" rx="1" />
          <rect x="14" y="12" width="5" height="4" rx="1" />
          <path d="M6 9h3.5M9.5 4v10M9.5 4H14M9.5 14H14" />
        </svg>
      </button>
      <button
        type="button"
        className="mf-icon-button"
        onClick={() => void shareCanvas()}
        data-testid="btn-share"
        aria-label="Share as a link"
        title="Share: copy a link that opens this topology"
      >
        <svg width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" aria-hidden="true">
          <path d="M7.5 10.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-1 1" />
          <path d="M10.5 7.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l1-1" />
        </svg>
      </button>
      <button
        type="button"
        className="mf-icon-button"
        onClick={toggleTheme}
        data-testid="btn-theme"
        aria-label={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
        title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
      >
        <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      </button>
      <ShareDialogs />
    </div>
  );
}
