import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { Fault } from '../../model/index.ts';
import { simActions } from '../../store/sim-actions.ts';
import { useSimStore } from '../../store/sim-store.ts';
import type { FlowEdge, FlowNode } from '../../store/topology-types.ts';
import './fault-menu.css';

type MenuTarget = { type: 'node'; id: string } | { type: 'edge'; id: string };

interface MenuState {
  target: MenuTarget;
  x: number;
  y: number;
  /** Where focus was when the menu opened (the node or link), to give it back on close. */
  returnFocus: HTMLElement | SVGElement | null;
}

/**
 * Where the menu opens: at the pointer, or, from the keyboard (the context-menu key or
 * Shift+F10 on a focused node or link, which reports no pointer), at the element itself.
 */
function anchor(event: ReactMouseEvent): { x: number; y: number } {
  if (event.clientX !== 0 || event.clientY !== 0) return { x: event.clientX, y: event.clientY };
  const box = (event.currentTarget as HTMLElement | null)?.getBoundingClientRect();
  return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 0, y: 0 };
}

/**
 * Right-click (or the context-menu key) on a node or link: crash or restart the node, cut
 * or heal the link, now, through the same live fault path as the inspector's buttons, so
 * the fault joins the run's fault schedule and a replay reproduces it.
 */
export function useFaultMenu() {
  const [menu, setMenu] = useState<MenuState | null>(null);

  const open = useCallback((event: ReactMouseEvent, target: MenuTarget) => {
    event.preventDefault();
    const active = document.activeElement instanceof HTMLElement || document.activeElement instanceof SVGElement ? document.activeElement : null;
    setMenu({ target, ...anchor(event), returnFocus: active });
  }, []);
  const onNodeContextMenu = useCallback((event: ReactMouseEvent, node: FlowNode) => open(event, { type: 'node', id: node.id }), [open]);
  const onEdgeContextMenu = useCallback((event: ReactMouseEvent, edge: FlowEdge) => open(event, { type: 'edge', id: edge.id }), [open]);
  /** The context-menu key or Shift+F10 on a focused node or link (not every browser turns them into a contextmenu event). */
  const onCanvasKeyDown = useCallback((event: ReactKeyboardEvent) => {
    if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return;
    const element = event.target instanceof Element ? event.target.closest<HTMLElement | SVGElement>('.react-flow__node, .react-flow__edge') : null;
    const id = element?.dataset.id;
    if (!element || id === undefined) return;
    event.preventDefault();
    const box = element.getBoundingClientRect();
    const type = element.classList.contains('react-flow__node') ? 'node' : 'edge';
    setMenu({ target: { type, id }, x: box.left + box.width / 2, y: box.top + box.height / 2, returnFocus: element });
  }, []);
  /** `restoreFocus`: back to the node or link (after Escape or an action), not after a press elsewhere. */
  const close = useCallback(
    (restoreFocus: boolean) => {
      if (restoreFocus) menu?.returnFocus?.focus();
      setMenu(null);
    },
    [menu],
  );

  const element = menu ? <FaultMenu key={`${menu.target.type}:${menu.target.id}`} menu={menu} onClose={close} /> : null;
  return { onNodeContextMenu, onEdgeContextMenu, onCanvasKeyDown, element };
}

function FaultMenu({ menu, onClose }: { menu: MenuState; onClose: (restoreFocus: boolean) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const { target } = menu;
  const down = useSimStore((s) => target.type === 'node' && s.downNodes[target.id] === true);
  const cut = useSimStore((s) => target.type === 'edge' && s.cutEdges[target.id] === true);

  // Focus the first action, so the keyboard can act at once; close on a press outside.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (event: PointerEvent): void => {
      if (!(event.target instanceof Node) || !ref.current?.contains(event.target)) onClose(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const apply = (fault: Fault): void => {
    void simActions.fault(fault);
    onClose(true);
  };

  const onKeyDown = (event: ReactKeyboardEvent): void => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose(true);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    items[(at + step + items.length) % items.length]?.focus();
  };

  const title = target.type === 'node' ? `Node ${target.id}` : `Link ${target.id}`;
  return (
    <div
      ref={ref}
      className="mf-fault-menu"
      role="menu"
      aria-label={`Faults: ${title}`}
      data-testid="fault-menu"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      <div className="mf-fault-menu__title" aria-hidden="true">
        {title}
      </div>
      {target.type === 'node' &&
        (down ? (
          <button type="button" role="menuitem" data-testid="fault-menu-restart" onClick={() => apply({ atMs: 0, action: 'restart', node: target.id })}>
            Restart
          </button>
        ) : (
          <button type="button" role="menuitem" className="is-danger" data-testid="fault-menu-crash" onClick={() => apply({ atMs: 0, action: 'crash', node: target.id })}>
            Crash
          </button>
        ))}
      {target.type === 'edge' &&
        (cut ? (
          <button type="button" role="menuitem" data-testid="fault-menu-heal" onClick={() => apply({ atMs: 0, action: 'heal', edge: target.id })}>
            Heal link
          </button>
        ) : (
          <button type="button" role="menuitem" className="is-danger" data-testid="fault-menu-cut" onClick={() => apply({ atMs: 0, action: 'cut', edge: target.id })}>
            Cut link
          </button>
        ))}
      <p className="mf-fault-menu__note">Now, at the current sim time; recorded in the run’s faults, so a replay repeats it.</p>
    </div>
  );
}
