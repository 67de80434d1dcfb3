import { Graph, layout } from '@dagrejs/dagre';

export interface XYPosition {
  x: number;
  y: number;
}

/** A node's box on the canvas; importers that have no measured size use DEFAULT_NODE_BOX. */
export interface LayoutBox {
  id: string;
  position: XYPosition;
  width: number;
  height: number;
}

/** About a node card's size on the canvas, for layouts made away from it (imports). */
export const DEFAULT_NODE_BOX = { width: 190, height: 96 } as const;

// Room between columns is wider than between rows: links run left to right and carry dots.
const RANK_GAP = 110;
const NODE_GAP = 50;

/**
 * New top-left positions for `boxes`, laid out left to right by their links (dagre), with
 * the layout's top-left corner where the old one was so the flow stays in view.
 */
export function layoutLeftToRight(boxes: readonly LayoutBox[], links: readonly { source: string; target: string }[]): Map<string, XYPosition> {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', ranksep: RANK_GAP, nodesep: NODE_GAP });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const box of boxes) graph.setNode(box.id, { width: box.width, height: box.height });
  for (const link of links) if (link.source !== link.target) graph.setEdge(link.source, link.target);
  layout(graph);

  const placed = boxes.map((box) => {
    const centre = graph.node(box.id);
    return { id: box.id, x: centre.x - box.width / 2, y: centre.y - box.height / 2 };
  });
  const left = Math.min(...boxes.map((b) => b.position.x));
  const top = Math.min(...boxes.map((b) => b.position.y));
  const dx = left - Math.min(...placed.map((p) => p.x));
  const dy = top - Math.min(...placed.map((p) => p.y));
  return new Map(placed.map((p) => [p.id, { x: Math.round(p.x + dx), y: Math.round(p.y + dy) }]));
}
