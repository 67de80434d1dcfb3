import { natsSubjectMatches } from '../core/topic-match.ts';
import type { Message } from '../message.ts';
import { defineNode } from './node.ts';

/** One subscription: the link it lives on, its subject, and its queue group if it has one. */
interface NatsSub {
  edge: number;
  subject: string;
  queueGroup: string | undefined;
}

/**
 * A NATS server, core NATS (SEMANTICS.md §11). Subscriptions live on its links to consumers.
 * A publish is routed by its subject (the producer's key, N-2) to every plain subscription
 * that matches, and to one member of each queue group with a matching member (N-3) — a
 * queue group is its name: members whose different subjects both match form one group, as
 * nats-server groups queue subscriptions by name across the subjects that matched. The
 * member is drawn at random per message from the server's own stream (nats-server starts
 * at a random member each time). A subscriber counts while its link is open and it is up:
 * a crashed client's connection, and with it its subscription, is gone.
 *
 * At most once (N-1): the server keeps nothing — no acks, no redelivery, no queue for an
 * absent subscriber — so a publish with no matching subscription is discarded
 * (`lost:unroutable`) and a copy lost on its way is gone.
 */
export const natsServer = defineNode({
  kind: 'nats-server',
  create(_node, index, sim) {
    const rng = sim.rng(index);
    const s = { received: 0, copiesOut: 0, toQueueGroups: 0, unroutable: 0, denied: 0 };
    let subs: NatsSub[] = [];

    const subscribed = (sub: NatsSub, subject: string): boolean =>
      sim.isOpen(sub.edge) && !sim.isDown(sim.targetOf(sub.edge)) && sim.mayConsume(index, sub.edge) && natsSubjectMatches(sub.subject, subject);

    /** The links a publish on `subject` goes out on: plain subscriptions first, then one member per queue group. */
    function recipients(subject: string): number[] {
      const plain: number[] = [];
      const groups = new Map<string, number[]>();
      for (const sub of subs) {
        if (!subscribed(sub, subject)) continue;
        if (sub.queueGroup === undefined) {
          plain.push(sub.edge);
          continue;
        }
        const members = groups.get(sub.queueGroup);
        if (members) members.push(sub.edge);
        else groups.set(sub.queueGroup, [sub.edge]);
      }
      for (const members of groups.values()) plain.push(members[Math.floor(rng.next() * members.length)]!);
      s.toQueueGroups += groups.size;
      return plain;
    }

    return {
      kind: 'nats-server',
      start() {
        subs = sim.outputs(index).flatMap((edge) => {
          const subscription = sim.topology.edges[edge]!.natsSubscription;
          return subscription ? [{ edge, subject: subscription.subject, queueGroup: subscription.queueGroup }] : [];
        });
      },
      receive(msg: Message, edge) {
        s.received++;
        if (!sim.admit(index, edge, msg)) {
          s.denied++;
          return;
        }
        const to = recipients(msg.key ?? '');
        if (to.length === 0) {
          s.unroutable++;
          sim.release(msg, 'lost:unroutable');
          return;
        }
        s.copiesOut += to.length;
        for (let i = 1; i < to.length; i++) sim.send(to[i]!, sim.copyMessage(msg));
        sim.send(to[0]!, msg);
      },
      stats: () => ({ kind: 'nats-server', ...s }),
    };
  },
});
