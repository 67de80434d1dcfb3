import { create } from 'zustand';
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange, type XYPosition } from '@xyflow/react';
import { FORMAT, linkSchema, nodeSchema, withoutDeletedHighlights, withoutStaleReferences as pruneReferences, type LinkConfig, type NodeKind, type Topology } from '../model/index.ts';
import { connectionRefusal } from './connection-rules.ts';
import { toFlowEdge, toFlowNode, toTopology, toTopologyNode, type DocumentSettings } from './convert.ts';
import { EditHistory, sameForRun, type EditSnapshot } from './edit-history.ts';
import type { EdgeData, FlowEdge, FlowNode, NodeData } from './topology-types.ts';
import { useUiStore } from './ui-store.ts';

/**
 * Everything an edge carries besides its id and ends, as the file has it: the link, and the
 * binding, subscription and opening time when set.
 */
export type EdgeSettings = EdgeData;

export interface TopologyState {
  doc: DocumentSettings;
  /** Canvas nodes, React Flow's controlled state; never holds run-time numbers. */
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Bumped by every edit worth saving (autosave listens). */
  docRevision: number;
  /** Bumped by every edit that changes what a run would do: not moves, labels or the name. */
  simRevision: number;
  /** The simRevision at which the whole document was last replaced (opened, a scenario, New). */
  replacedRevision: number;
}

export interface TopologyActions {
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  /** Adds an edge with the default link; returns why not if the rules refuse it. */
  connect(connection: { source: string; target: string }): string | undefined;
  /**
   * Adds a node of `kind` at `position` with its default config, or with a flavour preset's
   * settings and label over the defaults; returns its id.
   */
  addNode(kind: NodeKind, position: XYPosition, preset?: { config: Record<string, unknown>; label: string }): string;
  updateNodeData(id: string, data: NodeData): void;
  /** Replaces the link settings only; a binding, subscription or opening time stays. */
  updateEdgeLink(id: string, link: LinkConfig): void;
  /** Replaces all of an edge's settings (link, binding, subscription, opening time). */
  updateEdgeData(id: string, data: EdgeSettings): void;
  updateDocument(patch: Partial<DocumentSettings>): void;
  /** Replaces the whole canvas (open file, scenario, autosave restore); the undo history starts over. */
  replace(topology: Topology): void;
  clear(): void;
  /** Adds copies made elsewhere (paste), selected in place of the current selection; one undo step. */
  insert(nodes: FlowNode[], edges: FlowEdge[]): void;
  /** Puts back the document as it was before the last edit (or after, for redo); false when there is none. */
  undo(): boolean;
  redo(): boolean;
}

export const EMPTY_TOPOLOGY: Topology = { format: FORMAT, name: 'Untitled', seed: 1, nodes: [], edges: [], faults: [] };

function nextId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** What an edit changes; `key` names the one thing a small edit touched, so typing in one field is one undo step. */
type Bump = { doc: boolean; sim: boolean; key?: string };

/**
 * `nodes` without the references a deletion left stale (a dead-letter target or alternate
 * exchange that is gone, router outputs no longer linked, ACL entries for deleted nodes):
 * the canvas stays a valid topology, and the user is told what changed.
 */
function withoutStaleReferences(nodes: FlowNode[], edges: readonly FlowEdge[]): FlowNode[] {
  const kinds = new Map(nodes.map((n) => [n.id, n.data.kind]));
  const links = new Set(edges.map((e) => `${e.source}\u0000${e.target}`));
  const context = { kindOf: (id: string) => kinds.get(id), linked: (from: string, to: string) => links.has(`${from}\u0000${to}`) };
  const cleared: string[] = [];
  const out = nodes.map((n) => {
    const result = pruneReferences(toTopologyNode(n), context);
    if (result.cleared.length === 0) return n;
    cleared.push(...result.cleared);
    const { id: _id, position: _position, ...data } = result.node;
    return { ...n, data };
  });
  if (cleared.length > 0) useUiStore.getState().notify(cleared.join(' '));
  return out;
}

export const useTopologyStore = create<TopologyState & TopologyActions>()((set, get) => {
  const commit = (patch: Partial<TopologyState>, bump: Bump): void => {
    const { docRevision, simRevision } = get();
    set({
      ...patch,
      docRevision: bump.doc || bump.sim ? docRevision + 1 : docRevision,
      simRevision: bump.sim ? simRevision + 1 : simRevision,
    });
    // What is worth saving is worth undoing; selection, measuring and mid-drag moves are neither.
    if (bump.doc || bump.sim) history.record(bump.key);
  };

  /** Restores a snapshot from the history, keeping the current selection and measured sizes. */
  const restore = (target: EditSnapshot | undefined): boolean => {
    if (!target) return false;
    const now = snapshotOf(get());
    const current = new Map(now.nodes.map((n) => [n.id, n]));
    const nodes = target.nodes.map((n) => {
      const shown = current.get(n.id);
      return { ...n, selected: shown?.selected ?? false, dragging: false, measured: shown?.measured ?? n.measured };
    });
    const selectedEdges = new Set(now.edges.filter((e) => e.selected).map((e) => e.id));
    const edges = target.edges.map((e) => ({ ...e, selected: selectedEdges.has(e.id) }));
    const { docRevision, simRevision } = get();
    // Set directly, not through commit: an undo is not itself an edit to record.
    set({ doc: target.doc, nodes, edges, docRevision: docRevision + 1, simRevision: sameForRun(now, target) ? simRevision : simRevision + 1 });
    return true;
  };

  return {
    doc: { name: EMPTY_TOPOLOGY.name, seed: EMPTY_TOPOLOGY.seed, faults: [] },
    nodes: [],
    edges: [],
    docRevision: 0,
    simRevision: 0,
    replacedRevision: 0,

    onNodesChange(changes) {
      const bump: Bump = { doc: false, sim: false };
      for (const change of changes) {
        if (change.type === 'remove' || change.type === 'add' || change.type === 'replace') bump.sim = true;
        // Save a move once, when the drag ends, not on every pointer move.
        else if (change.type === 'position' && change.dragging !== true) bump.doc = true;
      }
      const removing = changes.some((c) => c.type === 'remove');
      const nodes = applyNodeChanges(changes, get().nodes);
      if (!removing) {
        commit({ nodes }, bump);
        return;
      }
      const { doc } = get();
      const ids = new Set(nodes.map((n) => n.id));
      const scenario = doc.scenario && withoutDeletedHighlights(doc.scenario, (id) => ids.has(id));
      commit({ nodes: withoutStaleReferences(nodes, get().edges), ...(scenario === doc.scenario ? {} : { doc: { ...doc, scenario } }) }, bump);
    },

    onEdgesChange(changes) {
      const structural = changes.some((c) => c.type !== 'select');
      const edges = applyEdgeChanges(changes, get().edges);
      // A router's rules and tap name linked nodes: a removed link can leave them stale.
      const nodes = changes.some((c) => c.type === 'remove') ? withoutStaleReferences(get().nodes, edges) : get().nodes;
      commit({ nodes, edges }, { doc: structural, sim: structural });
    },

    connect(connection) {
      const { nodes, edges } = get();
      const refusal = connectionRefusal(connection, nodes, edges);
      if (refusal) return refusal;
      const id = nextId('e', new Set(edges.map((e) => e.id)));
      const edge = toFlowEdge({ id, source: connection.source, target: connection.target, link: linkSchema.parse({}) });
      commit({ edges: [...edges, edge] }, { doc: true, sim: true });
      return undefined;
    },

    addNode(kind, position, preset) {
      const { nodes, edges } = get();
      const id = nextId(kind, new Set(nodes.map((n) => n.id)));
      // The schema's defaults are the one source of a new node's config; a preset only overrides.
      const node = toFlowNode(nodeSchema.parse(preset ? { id, kind, position, label: preset.label, config: preset.config } : { id, kind, position }));
      // The new node becomes the selection, so the inspector shows it at once.
      commit(
        {
          nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), { ...node, selected: true }],
          edges: edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        },
        { doc: true, sim: true },
      );
      return id;
    },

    updateNodeData(id, data) {
      const old = get().nodes.find((n) => n.id === id);
      if (!old) return;
      commit(
        { nodes: get().nodes.map((n) => (n.id === id ? { ...n, data } : n)) },
        { doc: true, sim: old.data.config !== data.config || old.data.kind !== data.kind, key: `node:${id}` },
      );
    },

    updateEdgeLink(id, link) {
      commit({ edges: get().edges.map((e) => (e.id === id ? { ...e, data: { ...e.data, link } } : e)) }, { doc: true, sim: true, key: `edge:${id}` });
    },

    updateEdgeData(id, data) {
      commit({ edges: get().edges.map((e) => (e.id === id ? { ...e, data } : e)) }, { doc: true, sim: true, key: `edge:${id}` });
    },

    updateDocument(patch) {
      const doc = { ...get().doc, ...patch };
      commit({ doc }, { doc: true, sim: patch.seed !== undefined && patch.seed !== get().doc.seed, key: 'doc' });
    },

    replace(topology) {
      const doc: DocumentSettings = { name: topology.name, seed: topology.seed, faults: topology.faults };
      if (topology.description !== undefined) doc.description = topology.description;
      if (topology.scenario !== undefined) doc.scenario = topology.scenario;
      commit(
        { doc, nodes: topology.nodes.map(toFlowNode), edges: topology.edges.map(toFlowEdge), replacedRevision: get().simRevision + 1 },
        { doc: true, sim: true },
      );
      history.reset();
    },

    clear() {
      get().replace(EMPTY_TOPOLOGY);
    },

    insert(added, addedEdges) {
      const { nodes, edges } = get();
      const all = [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...added.map((n) => ({ ...n, selected: true }))];
      const allEdges = [...edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...addedEdges];
      // A copied router or tap may name outputs that were not copied with it.
      commit({ nodes: withoutStaleReferences(all, allEdges), edges: allEdges }, { doc: true, sim: true });
    },

    undo() {
      return restore(history.undo());
    },

    redo() {
      return restore(history.redo());
    },
  };
});

function snapshotOf(state: TopologyState): EditSnapshot {
  return { doc: state.doc, nodes: state.nodes, edges: state.edges };
}

const history: EditHistory = new EditHistory((): EditSnapshot => snapshotOf(useTopologyStore.getState()));

/** The plain-JSON topology on the canvas right now. */
export function currentTopology(): Topology {
  const { doc, nodes, edges } = useTopologyStore.getState();
  return toTopology(doc, nodes, edges);
}

