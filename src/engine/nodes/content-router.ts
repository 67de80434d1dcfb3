import { compileCondition } from '../core/condition.ts';
import { defineNode, settingNeedingReset } from './node.ts';
import { outputTo, passOn, type RouterCounters } from './routing.ts';

/**
 * Content-based router (SEMANTICS.md §5): the first rule whose condition holds sends the
 * message to its output; with none, the default output; with no default, it is
 * `lost:unroutable`. It holds nothing and takes no time.
 */
/** Every setting of a content router applies from the next message on (see `reconfigure`). */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['rules', 'defaultTo']);

export const contentRouter = defineNode({
  kind: 'content-router',
  create(node, index, sim) {
    const s: RouterCounters = { received: 0, out: 0, dropped: 0 };
    let rules: { test: ReturnType<typeof compileCondition>; edge: number }[] = [];
    let defaultEdge = -1;
    let config = node.config;
    /** Compiles the rules and looks up their outputs by target id. */
    function apply(): void {
      rules = config.rules.map((r) => ({ test: compileCondition(r.when), edge: outputTo(sim, index, r.to) }));
      defaultEdge = outputTo(sim, index, config.defaultTo);
    }
    return {
      kind: 'content-router',
      start: apply,
      receive(msg) {
        s.received++;
        const rule = rules.find((r) => r.test(msg));
        passOn(sim, rule ? rule.edge : defaultEdge, msg, s);
      },
      /** New rules and default route the next message; what it already sent is on its way. */
      reconfigure(update) {
        const nextConfig = update as typeof config;
        const blocked = settingNeedingReset(config, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        config = nextConfig;
        apply();
        return undefined;
      },
      stats: () => ({ kind: 'content-router', ...s }),
    };
  },
});
