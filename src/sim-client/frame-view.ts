import type { Topology } from '../model/index.ts';
import type { Frame } from '../engine/session-types.ts';

/**
 * The latest frame, outside React on purpose: the dot overlay reads it in its
 * requestAnimationFrame loop, so a frame arriving costs no render.
 */
export interface FrameView {
  /** Null when no run is shown (nothing loaded yet, or the topology changed since). */
  frame: Frame | null;
  /** Edge ids in the order of the loaded topology: a dot's edge index points into this. */
  edgeIds: readonly string[];
  /** Node ids in the order of the loaded topology: `frame.nodeStats[i]` belongs to nodeIds[i]. */
  nodeIds: readonly string[];
}

const view: FrameView = { frame: null, edgeIds: [], nodeIds: [] };

export function currentFrameView(): Readonly<FrameView> {
  return view;
}

export function acceptFrame(frame: Frame): void {
  view.frame = frame;
}

export function clearFrame(): void {
  view.frame = null;
}

export function setLoadedTopology(topology: Topology): void {
  view.edgeIds = topology.edges.map((e) => e.id);
  view.nodeIds = topology.nodes.map((n) => n.id);
}
