import { defineNode, settingNeedingReset } from './node.ts';
import { outputTo, passOn, type RouterCounters } from './routing.ts';

/**
 * Wire tap (SEMANTICS.md §5): the message goes on to the main output (the first output that
 * is not the tap) unchanged; a copy goes to the tap, with its own fate, so whatever becomes
 * of the copy never touches the main flow.
 */
/** The tap applies from the next message on (see `reconfigure`). */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['tapTo']);

export const wireTap = defineNode({
  kind: 'wire-tap',
  create(node, index, sim) {
    const s: RouterCounters & { tapped: number } = { received: 0, out: 0, dropped: 0, tapped: 0 };
    let tap = -1;
    let main = -1;
    let config = node.config;
    /** Looks the tap up by target id; the main output is the first other one. */
    function apply(): void {
      tap = outputTo(sim, index, config.tapTo);
      main = sim.outputs(index).find((edge) => edge !== tap) ?? -1;
    }
    return {
      kind: 'wire-tap',
      start: apply,
      receive(msg) {
        s.received++;
        if (tap >= 0 && sim.isOpen(tap)) {
          s.tapped++;
          sim.send(tap, sim.copyMessage(msg));
        }
        passOn(sim, main, msg, s);
      },
      /** A new tap (and so main output) takes the next message; copies already sent are on their way. */
      reconfigure(update) {
        const nextConfig = update as typeof config;
        const blocked = settingNeedingReset(config, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        config = nextConfig;
        apply();
        return undefined;
      },
      stats: () => ({ kind: 'wire-tap', ...s }),
    };
  },
});
