import { defineNode, settingNeedingReset } from './node.ts';
import { passOn, type RouterCounters } from './routing.ts';

/**
 * Load balancer (SEMANTICS.md §5): each message to one output — in turn (round-robin), at
 * random (its own stream), or to the target with the least waiting (least-loaded, ties
 * in turn). Outputs to crashed nodes are skipped; with none left it is `lost:unroutable`.
 */
/** The strategy applies from the next message on (see `reconfigure`). */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['strategy']);

export const loadBalancer = defineNode({
  kind: 'load-balancer',
  create(node, index, sim) {
    let config = node.config;
    const rng = sim.rng(index);
    const s: RouterCounters = { received: 0, out: 0, dropped: 0 };
    let next = 0;

    function pick(outputs: readonly number[]): number {
      const up = outputs.filter((edge) => !sim.isDown(sim.targetOf(edge)) && sim.isOpen(edge));
      if (up.length === 0) return -1;
      switch (config.strategy) {
        case 'round-robin':
          return up[next++ % up.length]!;
        case 'random':
          return up[Math.floor(rng.next() * up.length)]!;
        case 'least-loaded': {
          let best = -1;
          let bestLoad = Infinity;
          for (let k = 0; k < up.length; k++) {
            const edge = up[(next + k) % up.length]!;
            const load = sim.runtime(sim.targetOf(edge)).load?.() ?? 0;
            if (load < bestLoad) {
              best = edge;
              bestLoad = load;
            }
          }
          next++;
          return best;
        }
      }
    }

    return {
      kind: 'load-balancer',
      receive(msg) {
        s.received++;
        passOn(sim, pick(sim.outputs(index)), msg, s);
      },
      /**
       * The new strategy picks for the next message; the turn counter carries over, and the
       * random strategy draws from the node's own stream only when it picks.
       */
      reconfigure(update) {
        const nextConfig = update as typeof config;
        const blocked = settingNeedingReset(config, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        config = nextConfig;
        return undefined;
      },
      stats: () => ({ kind: 'load-balancer', ...s }),
    };
  },
});
