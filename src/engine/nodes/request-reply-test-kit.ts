import { loadTopology, type Topology } from '../../model/index.ts';
import type { Message } from '../message.ts';
import type { NodeStats } from '../session-types.ts';
import type { Simulation } from '../simulation.ts';

/** Test support for the request-reply and scatter-gather tests: tiny topologies with 1 ms links. */

export const fixed = (value: number) => ({ dist: 'fixed', value });
export const ONE_MS = { latencyMs: fixed(1) };

/** Edges as [source, target, link fields?]; ids `source-target`; links 1 ms unless given. */
export function rrTopology(nodes: object[], edges: [string, string, object?][], extra: object = {}): Topology {
  const result = loadTopology({
    format: 'msgflow/1',
    seed: 3,
    nodes,
    edges: edges.map(([source, target, link]) => ({ id: `${source}-${target}`, source, target, link: { ...ONE_MS, ...link } })),
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.topology;
}

export const requester = (id: string, config: object = {}) => ({ id, kind: 'requester', config });
export const replier = (id: string, config: object = {}) => ({ id, kind: 'replier', config });

export function nodeStats<K extends NodeStats['kind']>(sim: Simulation, id: string, kind: K): Extract<NodeStats, { kind: K }> {
  const s = sim.nodeStats()[sim.topology.nodes.findIndex((n) => n.id === id)];
  if (s?.kind !== kind) throw new Error(`${id} is not a ${kind}`);
  return s as Extract<NodeStats, { kind: K }>;
}

export function lost(sim: Simulation, reason: string): number {
  return sim.ledger.lost.get(reason as never) ?? 0;
}

/** Every copy has one fate or is in flight. */
export function conserved(sim: Simulation): boolean {
  const l = sim.ledger;
  return l.inFlight >= 0 && l.created === l.delivered + l.lostTotal + l.deadLetteredTotal + l.rejected + l.inFlight;
}

/** What a node sent, as it was when it left (fields read at send time). */
export interface Sent {
  from: string;
  to: string;
  at: number;
  correlationId: number | undefined;
  partial: boolean;
  carried: number;
}

/** Records every send of the run (call before running it). */
export function recordSends(sim: Simulation): Sent[] {
  const sent: Sent[] = [];
  const send = sim.send.bind(sim);
  sim.send = (edge: number, msg: Message, options) => {
    const e = sim.topology.edges[edge]!;
    sent.push({ from: e.source, to: e.target, at: sim.now, correlationId: msg.correlationId, partial: msg.partial, carried: msg.carried?.length ?? 0 });
    send(edge, msg, options);
  };
  return sent;
}
