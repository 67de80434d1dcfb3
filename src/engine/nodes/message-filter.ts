import { compileCondition } from '../core/condition.ts';
import { defineNode, settingNeedingReset } from './node.ts';
import { passOn, type RouterCounters } from './routing.ts';

/**
 * Message filter (SEMANTICS.md §5): what the condition accepts goes on to the one output;
 * the rest is dropped as `lost:filtered` — by design, not an error.
 */
/** A filter's condition applies from the next message on (see `reconfigure`). */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['accept']);

export const messageFilter = defineNode({
  kind: 'message-filter',
  create(node, index, sim) {
    const s: RouterCounters = { received: 0, out: 0, dropped: 0 };
    let config = node.config;
    let accepts = compileCondition(config.accept);
    return {
      kind: 'message-filter',
      receive(msg) {
        s.received++;
        const [edge] = sim.outputs(index);
        if (!accepts(msg)) {
          s.dropped++;
          sim.release(msg, 'lost:filtered');
          return;
        }
        passOn(sim, edge, msg, s);
      },
      /** The new condition judges the next message; what it already passed or dropped stays so. */
      reconfigure(update) {
        const nextConfig = update as typeof config;
        const blocked = settingNeedingReset(config, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        config = nextConfig;
        accepts = compileCondition(config.accept);
        return undefined;
      },
      stats: () => ({ kind: 'message-filter', ...s }),
    };
  },
});
