import { create } from 'zustand';
import type { Fault, Topology } from '../model/index.ts';

/**
 * The values a scenario's variants change, as the scenario was opened: per node (config
 * fields) and per edge (link fields), `undefined` where the field was absent, and the
 * fault schedule when a variant replaces it. Switching variants goes back to these first,
 * so "Switch to: B" after A is the original plus B, not A plus B, and edits to anything
 * no variant touches are kept.
 */
export interface ScenarioOrigin {
  nodes: Record<string, Record<string, unknown>>;
  edges: Record<string, Record<string, unknown>>;
  faults: Fault[] | null;
}

interface ScenarioState {
  /** Null when the canvas is not a scenario (no `scenario` block). */
  origin: ScenarioOrigin | null;
  /** The variant switched on from the scenario panel; null: the original (or unknown, after a reload). */
  active: string | null;
}

export const useScenarioStore = create<ScenarioState>()(() => ({ origin: null, active: null }));

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** The current values of every field a variant of `topology` changes. */
export function scenarioOrigin(topology: Topology): ScenarioOrigin | null {
  const variants = topology.scenario?.variants;
  if (!variants) return null;
  const origin: ScenarioOrigin = { nodes: {}, edges: {}, faults: null };
  const configById = new Map<string, Record<string, unknown>>(topology.nodes.map((n) => [n.id, n.config as Record<string, unknown>]));
  const linkById = new Map<string, Record<string, unknown>>(topology.edges.map((e) => [e.id, e.link as Record<string, unknown>]));
  const capture = (
    into: Record<string, Record<string, unknown>>,
    source: Map<string, Record<string, unknown>>,
    changes: Record<string, Record<string, unknown>>,
  ): void => {
    for (const [id, fields] of Object.entries(changes)) {
      const current = source.get(id);
      const kept = (into[id] ??= {});
      for (const field of Object.keys(fields)) kept[field] = clone(current?.[field]);
    }
  };
  for (const v of variants) {
    capture(origin.nodes, configById, v.nodes);
    capture(origin.edges, linkById, v.edges);
    if (v.faults) origin.faults = clone(topology.faults);
  }
  return origin;
}

/** `topology` with every field a variant changes set back to the origin's value (a copy). */
export function revertToOrigin(topology: Topology, origin: ScenarioOrigin): Topology {
  const next = clone(topology);
  const restore = (target: Record<string, unknown>, fields: Record<string, unknown> | undefined): void => {
    if (!fields) return;
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) delete target[field];
      else target[field] = clone(value);
    }
  };
  for (const node of next.nodes) restore(node.config as Record<string, unknown>, origin.nodes[node.id]);
  for (const edge of next.edges) restore(edge.link as Record<string, unknown>, origin.edges[edge.id]);
  if (origin.faults) next.faults = clone(origin.faults);
  return next;
}

/** A whole topology was opened (file, scenario, autosave, new): it is the original now. */
export function rememberScenario(topology: Topology): void {
  useScenarioStore.setState({ origin: scenarioOrigin(topology), active: null });
}
