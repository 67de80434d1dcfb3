import { lintTopology, type LintWarning } from '../../model/index.ts';
import { toTopologyEdge, toTopologyNode } from '../../store/convert.ts';
import { useTopologyStore, type TopologyState } from '../../store/topology-store.ts';

interface Review {
  warnings: readonly LintWarning[];
  /** Warnings (not notes) per node id; a link's warning counts for the node it names. */
  countByNode: ReadonlyMap<string, number>;
}

// One review for the canvas as it is, shared by the panel and every node's badge: the store's
// arrays are replaced on each edit, so their identity says when to look again.
let last: { nodes: TopologyState['nodes']; edges: TopologyState['edges']; review: Review } | undefined;

function reviewOf(state: Pick<TopologyState, 'nodes' | 'edges'>): Review {
  if (last && last.nodes === state.nodes && last.edges === state.edges) return last.review;
  const warnings = lintTopology({ nodes: state.nodes.map(toTopologyNode), edges: state.edges.filter((e) => e.data).map(toTopologyEdge) });
  const countByNode = new Map<string, number>();
  for (const w of warnings) if (w.severity === 'warning') countByNode.set(w.nodeId, (countByNode.get(w.nodeId) ?? 0) + 1);
  last = { nodes: state.nodes, edges: state.edges, review: { warnings, countByNode } };
  return last.review;
}

/** The design review's warnings for the canvas. */
export function useLintWarnings(): readonly LintWarning[] {
  return useTopologyStore((s) => reviewOf(s).warnings);
}

/** How many warnings (not notes) name this node; a number, so a node re-renders only when it changes. */
export function useNodeWarningCount(id: string): number {
  return useTopologyStore((s) => reviewOf(s).countByNode.get(id) ?? 0);
}
