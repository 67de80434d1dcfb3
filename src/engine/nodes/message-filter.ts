import { compileCondition } from '../core/condition.ts';
import { defineNode } from './node.ts';
import { passOn, type RouterCounters } from './routing.ts';

/**
 * Message filter (SEMANTICS.md §5): what the condition accepts goes on to the one output;
 * the rest is dropped as `lost:filtered` — by design, not an error.
 */
export const messageFilter = defineNode({
  kind: 'message-filter',
  create(node, index, sim) {
    const s: RouterCounters = { received: 0, out: 0, dropped: 0 };
    const accepts = compileCondition(node.config.accept);
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
      stats: () => ({ kind: 'message-filter', ...s }),
    };
  },
});
