import type { XYPosition } from '@xyflow/react';
import type { FlavourPreset, NodeKind } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import type { FlowNode } from '../../store/topology-types.ts';

/** The drag-and-drop data type that carries a node kind from the palette to the canvas. */
export const NODE_DRAG_MIME = 'application/x-msgflow-kind';
/** The same for a flavour preset (its id). */
export const PRESET_DRAG_MIME = 'application/x-msgflow-preset';

// About a node's rendered size, so a dropped node lands centred under the pointer.
const NODE_HALF_WIDTH = 95;
const NODE_HALF_HEIGHT = 40;
const NUDGE = 32;

/**
 * Adds a node centred on `at` (flow coordinates). Nudges it down-right while another node
 * sits at the same spot, so repeated clicks on one palette item do not stack nodes.
 */
export function placeNode(kind: NodeKind, at: XYPosition, nodes: readonly FlowNode[], preset?: FlavourPreset): string {
  let x = at.x - NODE_HALF_WIDTH;
  let y = at.y - NODE_HALF_HEIGHT;
  while (nodes.some((n) => Math.abs(n.position.x - x) < 8 && Math.abs(n.position.y - y) < 8)) {
    x += NUDGE;
    y += NUDGE;
  }
  const position = { x: Math.round(x), y: Math.round(y) };
  return useTopologyStore.getState().addNode(kind, position, preset && { config: preset.config, label: preset.nodeLabel ?? `${preset.flavour} ${lowerFirst(preset.label)}` });
}

/** "Classic queue" reads "classic queue" after a name; "FIFO queue" keeps its acronym. */
function lowerFirst(text: string): string {
  return /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
