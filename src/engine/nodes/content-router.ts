import { compileCondition } from '../core/condition.ts';
import { defineNode } from './node.ts';
import { outputTo, passOn, type RouterCounters } from './routing.ts';

/**
 * Content-based router (SEMANTICS.md §5): the first rule whose condition holds sends the
 * message to its output; with none, the default output; with no default, it is
 * `lost:unroutable`. It holds nothing and takes no time.
 */
export const contentRouter = defineNode({
  kind: 'content-router',
  create(node, index, sim) {
    const s: RouterCounters = { received: 0, out: 0, dropped: 0 };
    let rules: { test: ReturnType<typeof compileCondition>; edge: number }[] = [];
    let defaultEdge = -1;
    return {
      kind: 'content-router',
      start() {
        rules = node.config.rules.map((r) => ({ test: compileCondition(r.when), edge: outputTo(sim, index, r.to) }));
        defaultEdge = outputTo(sim, index, node.config.defaultTo);
      },
      receive(msg) {
        s.received++;
        const rule = rules.find((r) => r.test(msg));
        passOn(sim, rule ? rule.edge : defaultEdge, msg, s);
      },
      stats: () => ({ kind: 'content-router', ...s }),
    };
  },
});
