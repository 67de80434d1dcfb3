import type { Message } from '../message.ts';
import type { SimContext } from './node.ts';

/** The output edge of `node` that leads to node id `target`, or -1 (looked up once, at start). */
export function outputTo(sim: SimContext, node: number, target: string | undefined): number {
  if (target === undefined) return -1;
  for (const edge of sim.outputs(node)) if (sim.topology.nodes[sim.targetOf(edge)]!.id === target) return edge;
  return -1;
}

/** Router counters: what came in, what went out, and what it dropped. */
export interface RouterCounters {
  received: number;
  out: number;
  dropped: number;
}

/**
 * Sends a router's message on `edge`, counted as out; with no such output (-1, undefined)
 * or one not open yet (activeFromMs), it is `lost:unroutable`, counted as dropped.
 */
export function passOn(sim: SimContext, edge: number | undefined, msg: Message, counters: { out: number; dropped: number }): void {
  if (edge === undefined || edge < 0 || !sim.isOpen(edge)) {
    counters.dropped++;
    sim.release(msg, 'lost:unroutable');
    return;
  }
  counters.out++;
  sim.send(edge, msg);
}
