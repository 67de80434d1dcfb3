import { defineNode } from './node.ts';

/**
 * Sends messages at a constant rate or as a Poisson process, with keys assigned
 * round-robin, to its one output channel. With no output, each message is unroutable.
 */
export const producer = defineNode({
  kind: 'producer',
  create(node, index, sim) {
    const { rate, keys, sizeBytes, limit, startMs } = node.config;
    const rng = sim.rng(index);
    const intervalMs = 1000 / rate.perSecond;
    let produced = 0;

    const nextGap = (): number => (rate.dist === 'constant' ? intervalMs : rng.exponential(intervalMs));

    return {
      kind: 'producer',
      start() {
        if (limit === 0) return;
        sim.schedule(startMs + (rate.dist === 'poisson' ? nextGap() : 0), index, undefined);
      },
      receive() {
        throw new Error(`producer "${node.id}" has no inputs`);
      },
      timer() {
        const seq = produced++;
        const key = keys.length > 0 ? keys[seq % keys.length] : undefined;
        const msg = sim.newMessage(index, seq, key, sizeBytes);
        sim.ledger.onProduced();
        const [edge] = sim.outputs(index);
        if (edge === undefined) sim.lost(msg, 'unroutable');
        else sim.send(edge, msg);
        if (limit === undefined || produced < limit) sim.schedule(nextGap(), index, undefined);
      },
      stats: () => ({ kind: 'producer', produced }),
    };
  },
});
