import { loadTopology, type LoadResult } from './load.ts';
import type { Topology } from './schema.ts';

/**
 * A scenario with one of its variants switched on: each named node's config and edge's
 * link get the variant's fields merged in (nested objects replaced whole, as a form would
 * set them), each other edge field it gives (binding, subscription, filter policy, opening
 * time, durable subscription, ZeroMQ prefixes, Kafka group) replaces the edge's, the fault
 * schedule is replaced if the variant gives one, and the result goes through the one load
 * pipeline, so a variant that makes an impossible topology is refused
 * with the path of what is wrong. The variants stay on the result, so one can switch again.
 */
export function applyVariant(topology: Topology, variantId: string): LoadResult {
  const variant = topology.scenario?.variants.find((v) => v.id === variantId);
  if (!variant) {
    return { ok: false, error: { kind: 'invalid', issues: [{ path: 'scenario.variants', message: `no variant with id "${variantId}"` }] } };
  }
  const next = jsonClone(topology);
  for (const node of next.nodes) {
    const change = variant.nodes[node.id];
    if (change) Object.assign(node.config, jsonClone(change));
  }
  for (const edge of next.edges) {
    const change = variant.edges[edge.id];
    if (!change) continue;
    const { link, ...rest } = jsonClone(change);
    if (link) Object.assign(edge.link, link);
    // Validated with the whole topology below.
    Object.assign(edge, rest);
  }
  if (variant.faults) next.faults = jsonClone(variant.faults);
  const result = loadTopology(next);
  if (result.ok) return result;
  const where = `variant "${variant.id}" makes `;
  return { ok: false, error: { ...result.error, issues: result.error.issues.map((i) => ({ ...i, message: where + i.message })) } };
}

/** Topologies are plain JSON (finite numbers, strings, arrays, objects), so this is a deep copy. */
function jsonClone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
