import { useShallow } from 'zustand/react/shallow';
import type { NodeKind } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import type { Choice } from '../inspector/fields.tsx';

/** What these helpers need of a canvas node and edge (FlowNode and FlowEdge fit). */
interface NodeLike {
  id: string;
  data: { kind: NodeKind; label?: string | undefined };
}
interface EdgeLike {
  source: string;
  target: string;
}

/**
 * The nodes `id` links to, in link order (the order the engine sees its outputs), as
 * select choices: the value is the node id, the label "name · kind". A router's rules,
 * default route, recipients and tap may only name these (the schema checks it on load).
 */
export function linkedTargets(id: string, nodes: readonly NodeLike[], edges: readonly EdgeLike[]): Choice<string>[] {
  return linkedNodes(id, nodes, edges, 'target');
}

/** The nodes at the `end` of `id`'s links (its targets, or its sources), in link order, as choices. */
function linkedNodes(id: string, nodes: readonly NodeLike[], edges: readonly EdgeLike[], end: 'source' | 'target'): Choice<string>[] {
  const near = end === 'target' ? 'source' : 'target';
  const out: Choice<string>[] = [];
  for (const edge of edges) {
    if (edge[near] !== id) continue;
    const node = nodes.find((n) => n.id === edge[end]);
    if (node) out.push({ value: node.id, label: `${node.data.label || node.id} · ${node.data.kind}` });
  }
  return out;
}

/**
 * `choices` plus, when `value` names a node that is no longer among them (its link was
 * deleted), a "(missing)" option for it, so the select never lies about the setting.
 */
export function withMissing(choices: readonly Choice<string>[], value: string | undefined): Choice<string>[] {
  if (value === undefined || choices.some((c) => c.value === value)) return [...choices];
  return [...choices, { value, label: `${value} (missing)` }];
}

/** Whether `value` names something not among `choices` (so the topology cannot run as it is). */
export function isMissing(choices: readonly Choice<string>[], value: string | undefined): boolean {
  return value !== undefined && !choices.some((c) => c.value === value);
}

/** A wire tap's main output: its first output that is not the tap (as the engine picks it). */
export function wireTapMain(choices: readonly Choice<string>[], tapTo: string | undefined): Choice<string> | undefined {
  return choices.find((c) => c.value !== tapTo);
}

const SEP = '\u0000';

/** The nodes that link to `id`, in link order, as choices like `linkedTargets` (a channel's publishers). */
export function linkedSources(id: string, nodes: readonly NodeLike[], edges: readonly EdgeLike[]): Choice<string>[] {
  return linkedNodes(id, nodes, edges, 'source');
}

/** `linkedSources` for the node `id`, live from the topology store. */
export function useLinkedSources(id: string): readonly Choice<string>[] {
  return useLinkedNodes(id, 'source');
}

/** `linkedTargets` for the node `id`, live from the topology store. */
export function useLinkedTargets(id: string): readonly Choice<string>[] {
  return useLinkedNodes(id, 'target');
}

function useLinkedNodes(id: string, end: 'source' | 'target'): readonly Choice<string>[] {
  return useChoices((nodes, edges) => linkedNodes(id, nodes, edges, end));
}

/** The other nodes of `kinds` on the canvas, as choices ("name", or "name · kind" with `showKind`). */
export function useNodeChoices(id: string, kinds: readonly NodeKind[], showKind: boolean): readonly Choice<string>[] {
  return useChoices((nodes) =>
    nodes
      .filter((n) => n.id !== id && kinds.includes(n.data.kind))
      .map((n) => ({ value: n.id, label: showKind ? `${n.data.label || n.id} · ${n.data.kind}` : n.data.label || n.id })),
  );
}

/** Choices read from the topology store, re-rendering only when they change. */
function useChoices(select: (nodes: readonly NodeLike[], edges: readonly EdgeLike[]) => Choice<string>[]): readonly Choice<string>[] {
  // Strings, so useShallow compares by value and a node drag does not re-render the form.
  const entries = useTopologyStore(useShallow((s) => select(s.nodes, s.edges).map((c) => `${c.value}${SEP}${c.label}`)));
  return entries.map((entry) => {
    const [value = '', label = ''] = entry.split(SEP);
    return { value, label };
  });
}

/** What the canvas calls each of `ids`: its label, else its id (an id no longer on the canvas stays as it is). */
export function useNodeNames(ids: readonly string[]): string[] {
  return useTopologyStore(
    useShallow((s) =>
      ids.map((id) => {
        const node = s.nodes.find((n) => n.id === id);
        return node?.data.label || id;
      }),
    ),
  );
}
