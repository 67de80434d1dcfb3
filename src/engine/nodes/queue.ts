import { Fifo } from '../core/fifo.ts';
import type { Message } from '../message.ts';
import { defineNode } from './node.ts';

/**
 * A point-to-point channel: each message goes to exactly one consumer. Ready messages
 * leave in arrival order (FIFO) and are dispatched round-robin among the consumers that
 * have room under their prefetch limit; a consumer's ack frees its room.
 */
export const queue = defineNode({
  kind: 'queue',
  create(node, index, sim) {
    const ready = new Fifo<Message>();
    let received = 0;
    let unackedTotal = 0;
    let nextOutput = 0;
    let outputs: readonly number[] = [];
    let unacked: Int32Array = new Int32Array(0);

    function dispatch(): void {
      const n = outputs.length;
      while (ready.size > 0 && n > 0) {
        let chosen = -1;
        for (let k = 0; k < n; k++) {
          const o = (nextOutput + k) % n;
          const consumer = sim.runtime(sim.targetOf(outputs[o]!));
          if (unacked[o]! < (consumer.prefetchLimit ?? Infinity)) {
            chosen = o;
            break;
          }
        }
        if (chosen < 0) return;
        nextOutput = (chosen + 1) % n;
        const msg = ready.shift()!;
        msg.heldBy = index;
        msg.heldOutput = chosen;
        unacked[chosen]!++;
        unackedTotal++;
        sim.send(outputs[chosen]!, msg);
      }
    }

    return {
      kind: 'queue',
      start() {
        outputs = sim.outputs(index);
        unacked = new Int32Array(outputs.length);
      },
      receive(msg) {
        received++;
        ready.push(msg);
        dispatch();
      },
      acked(msg) {
        unacked[msg.heldOutput]!--;
        unackedTotal--;
        msg.heldBy = -1;
        dispatch();
      },
      stats: () => ({ kind: 'queue', received, depth: ready.size, unacked: unackedTotal }),
    };
  },
});
