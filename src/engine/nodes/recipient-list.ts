import { defineNode, settingNeedingReset } from './node.ts';
import { outputTo, type RouterCounters } from './routing.ts';

/**
 * Recipient list (SEMANTICS.md §5): one copy per listed recipient (every output when the
 * list is empty), each copy with its own fate.
 */
/** The list applies from the next message on (see `reconfigure`). */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['recipients']);

export const recipientList = defineNode({
  kind: 'recipient-list',
  create(node, index, sim) {
    const s: RouterCounters = { received: 0, out: 0, dropped: 0 };
    let edges: number[] = [];
    let config = node.config;
    /** Looks the listed recipients up as outputs, by target id. */
    function apply(): void {
      const listed = config.recipients;
      edges = listed.length === 0 ? [...sim.outputs(index)] : listed.map((to) => outputTo(sim, index, to)).filter((e) => e >= 0);
    }
    return {
      kind: 'recipient-list',
      start: apply,
      receive(msg) {
        s.received++;
        // A recipient whose link has not opened yet (activeFromMs) gets nothing.
        const open = edges.filter((edge) => sim.isOpen(edge));
        if (open.length === 0) {
          s.dropped++;
          sim.release(msg, 'lost:unroutable');
          return;
        }
        for (let i = 1; i < open.length; i++) sim.send(open[i]!, sim.copyMessage(msg));
        sim.send(open[0]!, msg);
        s.out += open.length;
      },
      /** The new list gets copies of the next message; copies already sent are on their way. */
      reconfigure(update) {
        const nextConfig = update as typeof config;
        const blocked = settingNeedingReset(config, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        config = nextConfig;
        apply();
        return undefined;
      },
      stats: () => ({ kind: 'recipient-list', ...s }),
    };
  },
});
