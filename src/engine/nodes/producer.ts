import { defineNode } from './node.ts';

/**
 * Sends messages at a constant rate or as a Poisson process, with keys assigned
 * round-robin, to its one output channel. With no output, each message is unroutable.
 * A per-message TTL stamps each message's expiry.
 */
export const producer = defineNode({
  kind: 'producer',
  create(node, index, sim) {
    const { rate, keys, sizeBytes, limit, startMs, ttlMs } = node.config;
    const rng = sim.rng(index);
    const intervalMs = 1000 / rate.perSecond;
    const keySeqs = new Map<string, number>();
    let produced = 0;
    let refused = 0;

    const nextGap = (): number => (rate.dist === 'constant' ? intervalMs : rng.exponential(intervalMs));

    return {
      kind: 'producer',
      start() {
        if (limit === 0) return;
        sim.schedule(startMs + (rate.dist === 'poisson' ? nextGap() : 0), index, -1, 0);
      },
      receive() {
        throw new Error(`producer "${node.id}" has no inputs`);
      },
      timer() {
        const seq = produced++;
        const key = keys.length > 0 ? keys[seq % keys.length] : undefined;
        const keySeq = key === undefined ? seq : (keySeqs.get(key) ?? 0);
        if (key !== undefined) keySeqs.set(key, keySeq + 1);
        const expiresAt = ttlMs === undefined ? Infinity : sim.now + ttlMs;
        const msg = sim.newMessage(index, seq, key, keySeq, sizeBytes, expiresAt);
        sim.ledger.onProduced();
        const [edge] = sim.outputs(index);
        if (edge === undefined) sim.release(msg, 'lost:unroutable');
        else sim.send(edge, msg);
        if (limit === undefined || produced < limit) sim.schedule(nextGap(), index, -1, 0);
      },
      refusedByQueue() {
        refused++;
      },
      stats: () => ({ kind: 'producer', produced, refused }),
    };
  },
});
