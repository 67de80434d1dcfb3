import { toFlowEdge, toFlowNode, toTopologyEdge, toTopologyNode } from './convert.ts';
import { useTopologyStore } from './topology-store.ts';
import type { FlowEdge, FlowNode } from './topology-types.ts';
import type { TopologyEdge, TopologyNode } from '../model/index.ts';

/** How far each paste lands from the copied nodes, so copies never hide their originals. */
export const PASTE_OFFSET = 40;

interface Copied {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** Pastes made from this copy so far; each lands one offset further. */
  pastes: number;
}

// In memory, for this tab: a copy is plain topology JSON, so it outlives edits and deletes.
let copied: Copied | null = null;

/** Copies the selected nodes and the links between them; returns how many nodes were copied. */
export function copySelection(): number {
  const { nodes, edges } = useTopologyStore.getState();
  const chosen = nodes.filter((n) => n.selected);
  if (chosen.length === 0) return 0;
  const ids = new Set(chosen.map((n) => n.id));
  copied = {
    nodes: chosen.map(toTopologyNode),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(toTopologyEdge),
    pastes: 0,
  };
  return chosen.length;
}

function freshId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/**
 * Swaps copied ids for the copies' ids wherever a config names one. Every node reference in a
 * config (router outputs, dead-letter targets, taps, access lists) is a whole string equal to
 * an id, so a copied router keeps routing to the copied consumers, not to the originals.
 */
function renamed(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renamed(v, ids));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, ids)]));
  }
  return value;
}

/**
 * Pastes the last copy with new ids, offset from the originals, and selects it (one undo
 * step); returns how many nodes were pasted.
 */
export function pasteCopied(): number {
  if (!copied) return 0;
  copied.pastes += 1;
  const shift = PASTE_OFFSET * copied.pastes;
  const { nodes, edges } = useTopologyStore.getState();
  const takenNodes = new Set(nodes.map((n) => n.id));
  const takenEdges = new Set(edges.map((e) => e.id));
  const ids = new Map(copied.nodes.map((n) => [n.id, freshId(n.kind, takenNodes)]));
  const newNodes: FlowNode[] = copied.nodes.map((n) =>
    toFlowNode({
      ...n,
      id: ids.get(n.id) ?? n.id,
      position: { x: n.position.x + shift, y: n.position.y + shift },
      config: renamed(n.config, ids),
    } as TopologyNode),
  );
  const newEdges: FlowEdge[] = copied.edges.map((e) =>
    toFlowEdge({ ...e, id: freshId('e', takenEdges), source: ids.get(e.source) ?? e.source, target: ids.get(e.target) ?? e.target }),
  );
  useTopologyStore.getState().insert(newNodes, newEdges);
  return newNodes.length;
}
