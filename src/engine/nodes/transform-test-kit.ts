import { loadTopology, type Topology } from '../../model/index.ts';
import type { MessageView, NodeStats } from '../session-types.ts';
import type { Simulation } from '../simulation.ts';

/**
 * Test support for the translator node tests: small topologies whose links take 1 ms
 * unless given their own settings, and what a node holds or counts.
 */

type Wire = readonly [source: string, target: string, link?: object];

export function transformTopology(nodes: object[], wires: readonly Wire[], faults: object[] = []): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 7,
    nodes,
    edges: wires.map(([source, target, link], i) => ({ id: `e${i}`, source, target, link: link ?? { latencyMs: { dist: 'fixed', value: 1 } } })),
    faults,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

/** A producer of `limit` messages, 10 ms apart from t = 0, of `sizeBytes` each. */
export const producer = (config: object = {}) => ({
  id: 'p',
  kind: 'producer',
  config: { rate: { dist: 'constant', perSecond: 100 }, limit: 3, sizeBytes: 1000, ...config },
});

/** The messages a node holds, in its order. */
export function heldAt(sim: Simulation, id: string): MessageView[] {
  return sim.heldMessages(id, 1000)!.messages;
}

export function statsOf<K extends NodeStats['kind']>(sim: Simulation, id: string, kind: K): Extract<NodeStats, { kind: K }> {
  const s = sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)];
  if (s?.kind !== kind) throw new Error(`${id} is not a ${kind}`);
  return s as Extract<NodeStats, { kind: K }>;
}
