import { loadTopology, type Topology } from '../../model/index.ts';
import { Simulation } from '../simulation.ts';

/** Test support for the router node tests: tiny topologies with 1 ms links, and what each consumer got. */

export function routerTopology(nodes: object[], edges: [string, string][]): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 5,
    nodes,
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target, link: { latencyMs: { dist: 'fixed', value: 1 } } })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

/** A producer sending each key once (with optional header templates), 10 ms apart. */
export const sender = (keys: string[], headers: Record<string, string> = {}) => ({
  id: 'p',
  kind: 'producer',
  config: { keys, headers, limit: keys.length, rate: { dist: 'constant', perSecond: 100 } },
});

/** A consumer slow enough to hold everything it gets for the test's run. */
export const sink = (id: string) => ({ id, kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1e9 }, prefetch: 0, concurrency: 1 } });

export function runFor(t: Topology, untilMs = 1_000): Simulation {
  const sim = new Simulation(t);
  sim.runUntil(untilMs);
  return sim;
}

/** The keys a sink holds (processing first, then its backlog), in arrival order. */
export function keysAt(sim: Simulation, id: string): (string | null)[] {
  return sim.heldMessages(id, 100)!.messages.map((m) => m.key);
}
