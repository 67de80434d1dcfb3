import { connectionProblem, SINGLE_OUTPUT } from '../model/index.ts';
import type { FlowEdge, FlowNode } from './topology-types.ts';

/**
 * Why the canvas refuses to connect `source` to `target`, or undefined if it may.
 * The same rules the file schema checks, asked early so the user never builds an
 * invalid topology by dragging.
 */
export function connectionRefusal(
  connection: { source: string; target: string },
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
): string | undefined {
  const { source, target } = connection;
  if (source === target) return 'a node cannot connect to itself';
  const sourceNode = nodes.find((n) => n.id === source);
  const targetNode = nodes.find((n) => n.id === target);
  if (!sourceNode || !targetNode) return 'both ends must be nodes on the canvas';
  const problem = connectionProblem(sourceNode.data.kind, targetNode.data.kind);
  if (problem) return problem;
  if (edges.some((e) => e.source === source && e.target === target)) {
    return `"${source}" is already connected to "${target}"`;
  }
  if (SINGLE_OUTPUT[sourceNode.data.kind] && edges.some((e) => e.source === source)) {
    return `a ${sourceNode.data.kind} sends to one channel and "${source}" already has one (use a topic to fan out)`;
  }
  return undefined;
}
