import { defineNode } from './node.ts';
import { outputTo, passOn, type RouterCounters } from './routing.ts';

/**
 * Wire tap (SEMANTICS.md §5): the message goes on to the main output (the first output that
 * is not the tap) unchanged; a copy goes to the tap, with its own fate, so whatever becomes
 * of the copy never touches the main flow.
 */
export const wireTap = defineNode({
  kind: 'wire-tap',
  create(node, index, sim) {
    const s: RouterCounters & { tapped: number } = { received: 0, out: 0, dropped: 0, tapped: 0 };
    let tap = -1;
    let main = -1;
    return {
      kind: 'wire-tap',
      start() {
        tap = outputTo(sim, index, node.config.tapTo);
        main = sim.outputs(index).find((edge) => edge !== tap) ?? -1;
      },
      receive(msg) {
        s.received++;
        if (tap >= 0 && sim.isOpen(tap)) {
          s.tapped++;
          sim.send(tap, sim.copyMessage(msg));
        }
        passOn(sim, main, msg, s);
      },
      stats: () => ({ kind: 'wire-tap', ...s }),
    };
  },
});
