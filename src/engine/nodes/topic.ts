import type { FilterPolicy } from '../../model/index.ts';
import { filterPolicyMatches } from '../core/filter-policy.ts';
import { defineNode } from './node.ts';

/**
 * A publish-subscribe channel (SNS-1): every subscriber (output) gets its own copy, each
 * with its own fate — or, with a filter policy on its link (SNS-2), only the messages whose
 * headers the policy matches. With no subscriber taking it (none linked, none joined yet,
 * or no policy matching) the message is discarded as unroutable.
 */
export const topic = defineNode({
  kind: 'topic',
  create(_node, index, sim) {
    let received = 0;
    let copiesOut = 0;
    let denied = 0;
    /** Copies a subscriber's filter policy kept from it. */
    let filtered = 0;
    let policies: (FilterPolicy | undefined)[] = [];
    return {
      kind: 'topic',
      start() {
        policies = sim.topology.edges.map((e) => e.filterPolicy);
      },
      receive(msg, edge) {
        received++;
        if (!sim.admit(index, edge, msg)) {
          denied++;
          return;
        }
        // A subscriber that has not joined yet gets nothing of what comes before it joins.
        const outputs = sim.outputs(index).filter((out) => {
          if (!sim.isOpen(out) || !sim.mayConsume(index, out)) return false;
          if (filterPolicyMatches(policies[out], msg.headers)) return true;
          filtered++;
          return false;
        });
        if (outputs.length === 0) {
          sim.release(msg, 'lost:unroutable');
          return;
        }
        for (let i = 1; i < outputs.length; i++) sim.send(outputs[i]!, sim.copyMessage(msg));
        sim.send(outputs[0]!, msg);
        copiesOut += outputs.length;
      },
      stats: () => ({ kind: 'topic', received, copiesOut, denied, filtered }),
    };
  },
});
