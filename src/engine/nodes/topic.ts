import { defineNode } from './node.ts';

/**
 * A publish-subscribe channel: every subscriber (output) gets its own copy, each with
 * its own fate. With no subscriber (none linked, or none joined yet) the message is
 * discarded as unroutable.
 */
export const topic = defineNode({
  kind: 'topic',
  create(_node, index, sim) {
    let received = 0;
    let copiesOut = 0;
    let denied = 0;
    return {
      kind: 'topic',
      receive(msg, edge) {
        received++;
        if (!sim.admit(index, edge, msg)) {
          denied++;
          return;
        }
        // A subscriber that has not joined yet gets nothing of what comes before it joins.
        const outputs = sim.outputs(index).filter((out) => sim.isOpen(out) && sim.mayConsume(index, out));
        if (outputs.length === 0) {
          sim.release(msg, 'lost:unroutable');
          return;
        }
        for (let i = 1; i < outputs.length; i++) sim.send(outputs[i]!, sim.copyMessage(msg));
        sim.send(outputs[0]!, msg);
        copiesOut += outputs.length;
      },
      stats: () => ({ kind: 'topic', received, copiesOut, denied }),
    };
  },
});
