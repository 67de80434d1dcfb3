import { sharedFilterParts, type Qos } from '../../model/index.ts';
import { Fifo } from '../core/fifo.ts';
import { mqttTopicMatches } from '../core/topic-match.ts';
import type { Message } from '../message.ts';
import { defineNode, heldList, settingNeedingReset } from './node.ts';

/**
 * Settings a running broker reads when it uses them (see `reconfigure`); the ACL is the
 * simulation's, set up at the start, so it needs a reset.
 */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['maxQueuedMessages', 'queueQos0', 'resendAfterMs']);

/** Timer tag: a client's Last Will is due (payload: its input edge). */
const WILL = 0;

/**
 * MQ-6: `$` topics are the broker's. Mosquitto lets no client publish under `$SYS` (its own
 * statistics; only bridges write their state there) or `$share` (subscriptions only), with
 * any ACL or none; a will on such a topic is dropped the same way. Other `$` topics are
 * open to clients, and filters starting with a wildcard still do not match them.
 */
const BROKER_OWNED_TOPIC = /^\$(SYS|share)/;

interface Subscriber {
  edge: number;
  /** Plain filters with their granted QoS. */
  filters: { filter: string; qos: Qos }[];
  cleanSession: boolean;
  /** Persistent session: what arrived for it while it was offline, in order. */
  offline: Fifo<{ msg: Message; qos: Qos }>;
  /** It has subscribed (its link opened): a retained message goes to a new subscription only. */
  subscribed: boolean;
}

interface SharedGroup {
  filter: string;
  /** Output positions of the members, with the QoS each was granted. */
  members: { output: number; qos: Qos }[];
  next: number;
}

/**
 * An MQTT broker (SEMANTICS.md §7). A publish is routed by its topic (the producer's key)
 * to every subscriber with a matching filter (MQ-6), once per subscriber at the highest
 * QoS among its matching filters, and to one member of each matching shared group in turn
 * (MQ-8; an offline member with a persistent session keeps its turn, as on Mosquitto); a
 * publish to a `$SYS` or `$share` topic is denied;
 * each delivery goes at the lower of the publish and subscription QoS (MQ-2), with QoS 1
 * and 2 resent over lossy links (MQ-1). The last retained message per topic goes to each
 * new subscription (MQ-3). An offline subscriber with a persistent session has its QoS 1
 * and 2 messages queued, up to `maxQueuedMessages`, and sent when it is back; a clean
 * session gets nothing of that time (MQ-4). A client gone without DISCONNECT (crashed, or
 * its link cut) has its Last Will published 1.5 x its keep-alive later (MQ-5).
 */
export const mqttBroker = defineNode({
  kind: 'mqtt-broker',
  create(node, index, sim) {
    let c = node.config;
    const s = { received: 0, copiesOut: 0, queued: 0, dropped: 0, expired: 0, wills: 0, unroutable: 0, denied: 0 };
    let subscribers: Subscriber[] = [];
    let groups: SharedGroup[] = [];
    let outputOfEdge = new Int32Array(0);
    /**
     * Retained messages by topic: templates that a new subscription receives a copy of, with
     * the QoS they were published with (the template itself also went out as a delivery,
     * which carries its delivered QoS).
     */
    let retained = new Map<string, { template: Message; qos: Qos }>();
    /** Per input edge: when its client's Last Will is due (Infinity: not pending). */
    let willDueAt = new Float64Array(0);
    let willSeq = 0;

    const online = (o: number): boolean => sim.isOpen(subscribers[o]!.edge) && !sim.isDown(sim.targetOf(subscribers[o]!.edge));

    function deliver(o: number, msg: Message, qos: Qos): void {
      const sub = subscribers[o]!;
      s.copiesOut++;
      // MQ-2: the PUBLISH the subscriber gets carries the effective QoS, not the publisher's.
      msg.qos = qos;
      if (online(o)) {
        sim.sendQos(sub.edge, msg, qos, c.resendAfterMs);
        return;
      }
      // Only a persistent session is routed to while offline (see recipients).
      if (sub.offline.size >= c.maxQueuedMessages) {
        s.dropped++;
        sim.release(msg, 'lost:overflow');
        return;
      }
      sub.offline.push({ msg, qos });
      s.queued++;
    }

    /** Who gets a publish, at which QoS: subscribers online, or offline with a session that queues it. */
    function recipients(topic: string, publishQos: Qos): { output: number; qos: Qos }[] {
      const out: { output: number; qos: Qos }[] = [];
      subscribers.forEach((sub, o) => {
        if (!sim.isOpen(sub.edge) || !sim.mayConsume(index, sub.edge)) return;
        const granted = grantedQos(sub, topic);
        if (granted < 0) return;
        const qos = Math.min(publishQos, granted) as Qos;
        if (online(o) || (!sub.cleanSession && (qos > 0 || c.queueQos0))) out.push({ output: o, qos });
      });
      for (const group of groups) {
        if (!mqttTopicMatches(group.filter, topic)) continue;
        const n = group.members.length;
        for (let k = 0; k < n; k++) {
          const member = group.members[(group.next + k) % n]!;
          const sub = subscribers[member.output]!;
          // A clean session's subscription ends with its connection; a persistent one stays a
          // member while offline and keeps its turn, as on Mosquitto, which takes members in
          // turn whether connected or not (MQ-8 leaves the choice to the broker).
          const subscribed = online(member.output) || (sim.isOpen(sub.edge) && !sub.cleanSession);
          if (!subscribed || !sim.mayConsume(index, sub.edge)) continue;
          group.next = (group.next + k + 1) % n;
          const qos = Math.min(publishQos, member.qos) as Qos;
          // Its turn taken offline, a QoS 0 message is not queued for it (MQ-4): the group misses it.
          if (online(member.output) || qos > 0 || c.queueQos0) out.push({ output: member.output, qos });
          break;
        }
      }
      return out;
    }

    function publish(msg: Message): void {
      const topic = msg.key ?? '';
      if (BROKER_OWNED_TOPIC.test(topic)) {
        s.denied++;
        sim.release(msg, 'lost:denied');
        return;
      }
      if (msg.retain) {
        // An empty retained message deletes the topic's retained one.
        if (msg.sizeBytes === 0) retained.delete(topic);
        else retained.set(topic, { template: msg, qos: msg.qos });
      }
      const to = recipients(topic, msg.qos);
      if (to.length === 0) {
        s.unroutable++;
        sim.release(msg, 'lost:unroutable');
        return;
      }
      for (let i = 1; i < to.length; i++) {
        const copy = sim.copyMessage(msg);
        copy.retain = false;
        deliver(to[i]!.output, copy, to[i]!.qos);
      }
      // Forwarded on an established subscription: the retain flag is cleared.
      msg.retain = false;
      deliver(to[0]!.output, msg, to[0]!.qos);
    }

    function sendRetained(o: number): void {
      const sub = subscribers[o]!;
      for (const [topic, { template, qos }] of retained) {
        if (template.expiresAt <= sim.now) {
          retained.delete(topic);
          continue;
        }
        const granted = grantedQos(sub, topic);
        if (granted < 0) continue;
        const copy = sim.copyMessage(template);
        copy.retain = true;
        deliver(o, copy, Math.min(qos, granted) as Qos);
      }
    }

    function flushOffline(o: number): void {
      const sub = subscribers[o]!;
      for (let item = sub.offline.shift(); item; item = sub.offline.shift()) {
        s.queued--;
        if (item.msg.expiresAt <= sim.now) {
          // MQ-9: an undelivered copy past its expiry is deleted.
          s.expired++;
          sim.release(item.msg, 'lost:expired');
        } else {
          sim.sendQos(sub.edge, item.msg, item.qos, c.resendAfterMs);
        }
      }
    }

    function fireWill(edge: number): void {
      const client = sim.topology.nodes[sim.sourceOf(edge)];
      if (client?.kind !== 'producer' || !client.config.will) return;
      const will = client.config.will;
      s.wills++;
      const seq = willSeq++;
      const msg = sim.newMessage(index, seq, will.topic, seq, 0, Infinity);
      msg.qos = will.qos;
      msg.retain = will.retain;
      // A will is a message: an empty one would delete the retained topic, so it carries a byte.
      msg.sizeBytes = 1;
      sim.ledger.onProduced();
      publish(msg);
    }

    return {
      kind: 'mqtt-broker',
      start() {
        const outputs = sim.outputs(index);
        outputOfEdge = new Int32Array(sim.topology.edges.length).fill(-1);
        willDueAt = new Float64Array(sim.topology.edges.length).fill(Infinity);
        const byGroup = new Map<string, SharedGroup>();
        subscribers = outputs.map((edge, o) => {
          outputOfEdge[edge] = o;
          const subscription = sim.topology.edges[edge]!.subscription;
          const filters: Subscriber['filters'] = [];
          for (const f of subscription?.filters ?? []) {
            const shared = sharedFilterParts(f.filter);
            if (!shared) {
              filters.push({ filter: f.filter, qos: f.qos });
              continue;
            }
            const key = `${shared.group}\u0000${shared.filter}`;
            let group = byGroup.get(key);
            if (!group) byGroup.set(key, (group = { filter: shared.filter, members: [], next: 0 }));
            group.members.push({ output: o, qos: f.qos });
          }
          return { edge, filters, cleanSession: subscription?.cleanSession ?? true, offline: new Fifo(), subscribed: sim.isOpen(edge) };
        });
        groups = [...byGroup.values()];
      },
      receive(msg, edge) {
        s.received++;
        if (!sim.admit(index, edge, msg)) {
          s.denied++;
          return;
        }
        publish(msg);
      },
      timer(edge, tag) {
        if (tag !== WILL || willDueAt[edge] !== sim.now || sim.isDown(index)) return;
        willDueAt[edge] = Infinity;
        fireWill(edge);
      },
      undeliverable(edge, msg) {
        // MQ-1, MQ-4: a QoS 1/2 delivery to a persistent session that went offline on the
        // way is not lost: the broker sends it again when the session is back.
        const o = outputOfEdge[edge]!;
        const sub = subscribers[o];
        if (!sub || sub.cleanSession) return false;
        // Its QoS is the one it was delivered with (a shared member's too).
        const qos = msg.qos;
        if (qos === 0 || sub.offline.size >= c.maxQueuedMessages) return false;
        sub.offline.push({ msg, qos });
        s.queued++;
        return true;
      },
      inputDown(edge) {
        const client = sim.topology.nodes[sim.sourceOf(edge)];
        if (client?.kind !== 'producer' || !client.config.will || willDueAt[edge] !== Infinity) return;
        const delay = 1.5 * client.config.keepAliveMs;
        willDueAt[edge] = sim.now + delay;
        sim.schedule(delay, index, edge, WILL);
      },
      inputUp(edge) {
        // Back before the broker gave up on it: no will.
        willDueAt[edge] = Infinity;
      },
      outputUp(edge) {
        const o = outputOfEdge[edge]!;
        const sub = subscribers[o]!;
        // Back, or its link opened, but it counts only once it is both connected and up.
        if (!online(o)) return;
        // A new subscription, or a clean session subscribing again, gets the retained messages.
        if (!sub.subscribed || sub.cleanSession) sendRetained(o);
        sub.subscribed = true;
        flushOffline(o);
      },
      crash() {
        // Mosquitto without persistence: sessions and retained messages are gone with it.
        for (const sub of subscribers) {
          for (let item = sub.offline.shift(); item; item = sub.offline.shift()) sim.release(item.msg, 'lost:crash');
        }
        s.queued = 0;
        retained = new Map();
        // The wills it was waiting to publish went with it.
        willDueAt.fill(Infinity);
      },
      held(limit) {
        const list = heldList(limit);
        for (const sub of subscribers) {
          list.add('queued', sub.offline.size, (n) => sub.offline.first(n), (item) => ({ msg: item.msg, state: 'queued', edge: sub.edge }));
        }
        return list.result;
      },
      /**
       * From now on: the queue limit applies to the next message queued for an offline
       * session (what is queued stays, even past a lowered limit), `queueQos0` to the next
       * publish, and the resend interval to deliveries sent from now (one in flight keeps its own).
       */
      reconfigure(update) {
        const nextConfig = update as typeof c;
        const blocked = settingNeedingReset(c, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        c = nextConfig;
        return undefined;
      },
      stats: () => ({ kind: 'mqtt-broker', ...s, retained: retained.size }),
    };
  },
});

/** The highest QoS among a subscriber's plain filters that match `topic` (MQ-2 caps a delivery at it); -1: none matches. */
function grantedQos(sub: Subscriber, topic: string): number {
  let granted = -1;
  for (const f of sub.filters) if (f.qos > granted && mqttTopicMatches(f.filter, topic)) granted = f.qos;
  return granted;
}
