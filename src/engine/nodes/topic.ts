import type { FilterPolicy } from '../../model/index.ts';
import { Fifo } from '../core/fifo.ts';
import { filterPolicyMatches } from '../core/filter-policy.ts';
import type { Message } from '../message.ts';
import { defineNode, heldList, type NodeRuntime } from './node.ts';

/**
 * A publish-subscribe channel (SNS-1): every subscriber (output) gets its own copy, each
 * with its own fate — or, with a filter policy on its link (SNS-2), only the messages whose
 * headers the policy matches. With no subscriber taking it (none linked, none joined yet,
 * or no policy matching) the message is discarded as unroutable.
 *
 * EIP Durable Subscriber: a subscriber that is down misses what is published meanwhile
 * (`lost:subscriber-offline`), unless its link holds a durable subscription: then the topic
 * keeps its copies, up to a bound (the oldest dropped past it), and sends them in order when
 * it is back. A subscription starts when its link opens: nothing is kept from before.
 */
export const topic = defineNode({
  kind: 'topic',
  create(_node, index, sim) {
    let received = 0;
    let copiesOut = 0;
    let denied = 0;
    /** Copies a subscriber's filter policy kept from it. */
    let filtered = 0;
    let missed = 0;
    let overflowed = 0;
    let keptCount = 0;
    let policies: (FilterPolicy | undefined)[] = [];
    let outputs: readonly number[] = [];
    let subscribers: NodeRuntime[] = [];
    /** Per output: the most copies its durable subscription keeps (0: not durable). */
    let maxKept: number[] = [];
    /** Per output: its subscriber is a queue, whose own crash rules apply (it keeps its messages itself). */
    let toQueue: boolean[] = [];
    /** Per output: copies kept while its subscriber is down, oldest first. */
    let kept: Fifo<Message>[] = [];
    let outputOfEdge = new Int32Array(0);

    function keep(o: number, msg: Message): void {
      if (kept[o]!.size >= maxKept[o]!) {
        overflowed++;
        keptCount--;
        sim.release(kept[o]!.shift()!, 'lost:overflow');
      }
      kept[o]!.push(msg);
      keptCount++;
    }

    /** What was kept for output `o` goes out, in order, once the topic and its subscriber are both up. */
    function flush(o: number): void {
      const edge = outputs[o]!;
      if (sim.isDown(index) || sim.isDown(sim.targetOf(edge))) return;
      const list = kept[o]!;
      for (let msg = list.shift(); msg; msg = list.shift()) {
        keptCount--;
        copiesOut++;
        sim.send(edge, msg);
      }
    }

    /** One subscriber's copy: sent, or kept or missed while the subscriber is down. */
    function deliver(o: number, msg: Message): void {
      if (toQueue[o] || !sim.isDown(sim.targetOf(outputs[o]!))) {
        copiesOut++;
        sim.send(outputs[o]!, msg);
      } else if (maxKept[o]! > 0) {
        keep(o, msg);
      } else {
        missed++;
        sim.release(msg, 'lost:subscriber-offline');
      }
    }

    return {
      kind: 'topic',
      start() {
        policies = sim.topology.edges.map((e) => e.filterPolicy);
        outputs = sim.outputs(index);
        subscribers = outputs.map((edge) => sim.runtime(sim.targetOf(edge)));
        maxKept = outputs.map((edge) => sim.topology.edges[edge]!.durableSubscription?.maxQueued ?? 0);
        toQueue = outputs.map((edge) => sim.topology.nodes[sim.targetOf(edge)]!.kind === 'queue');
        kept = outputs.map(() => new Fifo<Message>());
        outputOfEdge = new Int32Array(sim.topology.edges.length).fill(-1);
        outputs.forEach((edge, o) => (outputOfEdge[edge] = o));
      },
      receive(msg, edge) {
        received++;
        if (!sim.admit(index, edge, msg)) {
          denied++;
          return;
        }
        // A subscriber that has not joined yet gets nothing of what comes before it joins;
        // a queue deleted at its restart (RMQ-Q2) is subscribed no more.
        const to: number[] = [];
        for (let o = 0; o < outputs.length; o++) {
          const out = outputs[o]!;
          if (!sim.isOpen(out) || !sim.mayConsume(index, out) || subscribers[o]!.deleted?.()) continue;
          if (filterPolicyMatches(policies[out], msg.headers)) to.push(o);
          else filtered++;
        }
        if (to.length === 0) {
          sim.release(msg, 'lost:unroutable');
          return;
        }
        for (let i = 1; i < to.length; i++) deliver(to[i]!, sim.copyMessage(msg));
        deliver(to[0]!, msg);
      },
      outputUp(edge) {
        // The subscriber is back (or its link just opened): what was kept for it goes first, in order.
        const o = outputOfEdge[edge]!;
        if (o >= 0) flush(o);
      },
      restart() {
        // Subscribers that came back while the topic was down get what it kept for them now.
        outputs.forEach((_edge, o) => flush(o));
      },
      undeliverable(edge, msg) {
        // A copy on its way when a durable subscriber went down is kept for it too.
        const o = outputOfEdge[edge]!;
        if (o < 0 || maxKept[o]! === 0) return false;
        copiesOut--;
        keep(o, msg);
        return true;
      },
      crash() {
        // Kept copies survive only if persistent (a durable subscription on a broker that persists them).
        kept.forEach((list, o) => {
          const survivors: Message[] = [];
          for (let msg = list.shift(); msg; msg = list.shift()) {
            if (msg.persistent) survivors.push(msg);
            else {
              keptCount--;
              sim.release(msg, 'lost:crash');
            }
          }
          for (const msg of survivors) kept[o]!.push(msg);
        });
      },
      held(limit) {
        const list = heldList(limit);
        kept.forEach((copies, o) => list.add('queued', copies.size, (n) => copies.first(n), (msg) => ({ msg, state: 'queued', edge: outputs[o]! })));
        return list.result;
      },
      stats: () => ({ kind: 'topic', received, copiesOut, denied, filtered, kept: keptCount, missed, overflowed }),
    };
  },
});
