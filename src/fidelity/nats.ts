/**
 * The NATS side of the fidelity suite: runs a case's topology against a real nats-server
 * (core NATS, SEMANTICS.md §11) on 127.0.0.1:4222 and returns what its consumers observed.
 *
 * API:
 * - `runOnNats(topology, options)`: one NATS connection per consumer (its subscription from
 *   its link, with its queue group) and per producer; publishes the case's publish plan
 *   (case.ts) in order, with its subjects (the producers' keys) and headers; waits until
 *   the server has handed every message out, and returns the Observation.
 * - `mergeQueueGroups(observation, topology)`: the members of each queue group as one
 *   receiver, `queue group <name>`, its deliveries in message order. N-3 draws the member at
 *   random on both sides, so a case compares what the group as a whole received.
 *
 * Supported topologies: producers linked to one `nats-server`, linked to consumers. A link
 * that opens late (`activeFromMs`) subscribes just before the first publish that reaches
 * the server at or after that time (the producer's link needs a fixed latency for that).
 *
 * Isolation: every subject and queue group gets a random run prefix token, so runs never
 * see each other's messages; a prefix token in front of every subject leaves N-2 matching
 * unchanged. Connections are drained and closed at the end, whatever happened.
 */
import { randomBytes } from 'node:crypto';
import { connect, headers, StringCodec, type NatsConnection } from 'nats';
import type { Topology } from '../model/index.ts';
import { publishPlan } from './case.ts';
import { ObservationRecorder, type Delivery, type Observation } from './observation.ts';

export interface NatsRunOptions {
  /** Default `127.0.0.1:4222`. */
  server?: string;
}

/** The header that carries a message's name (`<producer>:<seq>`) to the subscriber. */
const NAME_HEADER = 'msgflow-message';

interface PlannedSubscription {
  consumer: string;
  subject: string;
  queueGroup: string | undefined;
  /** Sim time its link opens (0: from the start). */
  opensAtMs: number;
}

export async function runOnNats(topology: Topology, options: NatsRunOptions = {}): Promise<Observation> {
  const shape = natsShape(topology);
  const prefix = `fidelity${randomBytes(6).toString('hex')}`;
  const codec = StringCodec();
  const consumers = topology.nodes.filter((n) => n.kind === 'consumer').map((n) => n.id);
  const recorder = new ObservationRecorder(consumers);
  const plan = publishPlan(topology);
  const server = options.server ?? '127.0.0.1:4222';
  const connections: NatsConnection[] = [];
  /** What went wrong inside a subscription callback, reported once the run is over. */
  const failures: string[] = [];
  const open = async (name: string): Promise<NatsConnection> => {
    const nc = await connect({ servers: server, name: `${prefix}-${name}`, reconnect: false });
    connections.push(nc);
    return nc;
  };

  try {
    const subscriberConnections = new Map<string, NatsConnection>();
    for (const consumer of consumers) subscriberConnections.set(consumer, await open(consumer));
    const publishers = new Map<string, NatsConnection>();
    for (const producer of new Set(plan.map((p) => p.producer))) publishers.set(producer, await open(producer));

    /** Subscribes and waits for the server to have the subscription (a flush is answered after the SUB is processed). */
    const subscribe = async (s: PlannedSubscription): Promise<void> => {
      const nc = subscriberConnections.get(s.consumer)!;
      nc.subscribe(`${prefix}.${s.subject}`, {
        ...(s.queueGroup === undefined ? {} : { queue: `${prefix}-${s.queueGroup}` }),
        callback: (error, msg) => {
          const message = msg.headers?.get(NAME_HEADER) ?? '';
          if (error || message === '') failures.push(`${s.consumer}: ${error ? error.message : `a message without its ${NAME_HEADER} header`}`);
          else recorder.delivered(s.consumer, { message, redelivered: false });
        },
      });
      await nc.flush();
    };

    const waiting = [...shape.subscriptions].sort((a, b) => a.opensAtMs - b.opensAtMs);
    let lastPublisher: NatsConnection | undefined;
    for (const publish of plan) {
      const arrivesAtMs = publish.atMs + shape.latencyMs(publish.producer);
      if (waiting.length > 0 && waiting[0]!.opensAtMs <= arrivesAtMs) {
        // What was published before is at the server first, as it is in the engine.
        await lastPublisher?.flush();
        while (waiting.length > 0 && waiting[0]!.opensAtMs <= arrivesAtMs) await subscribe(waiting.shift()!);
      }
      const nc = publishers.get(publish.producer)!;
      // Publishes from different connections reach the server in plan order only if each is flushed before the next connection's.
      if (lastPublisher && lastPublisher !== nc) await lastPublisher.flush();
      lastPublisher = nc;
      if (publish.key === undefined || publish.key === '') throw new Error(`${publish.message}: a NATS publish needs a subject (the producer's key)`);
      const h = headers();
      for (const [name, value] of Object.entries(publish.headers)) h.set(name, value);
      h.set(NAME_HEADER, publish.message);
      recorder.published(publish.message);
      nc.publish(`${prefix}.${publish.key}`, codec.encode(publish.message), { headers: h });
    }
    // Subscriptions whose links open after the last publish receive nothing, but exist.
    for (const s of waiting) await subscribe(s);
    // The server has routed every publish once their connections' flushes are answered; a
    // subscriber's flush is answered after everything the server queued for it before.
    for (const nc of publishers.values()) await nc.flush();
    for (const nc of subscriberConnections.values()) await nc.flush();
    if (failures.length > 0) throw new Error(`NATS subscriptions failed: ${failures.join('; ')}`);
    return recorder.result();
  } finally {
    await Promise.allSettled(connections.map((nc) => nc.close()));
  }
}

/** What the driver needs of a topology: each consumer's subscription, and each producer's latency to the server. */
function natsShape(topology: Topology): { subscriptions: PlannedSubscription[]; latencyMs(producer: string): number } {
  const servers = topology.nodes.filter((n) => n.kind === 'nats-server');
  if (servers.length !== 1) throw new Error(`a NATS case has one nats-server node, this one has ${servers.length}`);
  const serverId = servers[0]!.id;
  const kinds = new Map(topology.nodes.map((n) => [n.id, n.kind]));
  for (const n of topology.nodes) {
    if (n.kind !== 'producer' && n.kind !== 'consumer' && n.kind !== 'nats-server') throw new Error(`a NATS case has producers, one NATS server and consumers, not a ${n.kind} ("${n.id}")`);
  }
  const latency = new Map<string, number | undefined>();
  const subscriptions: PlannedSubscription[] = [];
  for (const e of topology.edges) {
    const fixed = e.link.latencyMs.dist === 'fixed' && e.link.jitterMs === 0 ? e.link.latencyMs.value : undefined;
    if (kinds.get(e.source) === 'producer' && e.target === serverId) latency.set(e.source, fixed);
    else if (e.source === serverId && e.natsSubscription) {
      subscriptions.push({ consumer: e.target, subject: e.natsSubscription.subject, queueGroup: e.natsSubscription.queueGroup, opensAtMs: e.activeFromMs ?? 0 });
    } else if (e.source !== serverId) throw new Error(`link "${e.id}": a NATS case links producers to the NATS server and the server to consumers`);
    if (e.link.loss > 0 || e.link.duplication > 0) throw new Error(`link "${e.id}": a fidelity case has no random loss or duplication`);
  }
  const late = subscriptions.some((s) => s.opensAtMs > 0);
  return {
    subscriptions,
    latencyMs(producer) {
      const ms = latency.get(producer);
      if (!latency.has(producer)) throw new Error(`producer "${producer}" is not linked to the NATS server`);
      if (ms === undefined) {
        if (late) throw new Error(`producer "${producer}": a case with a late subscription needs a fixed latency (no jitter) on the producer's link`);
        return 0;
      }
      return ms;
    },
  };
}

export function mergeQueueGroups(observation: Observation, topology: Topology): Observation {
  const groupOf = new Map<string, string>();
  for (const e of topology.edges) if (e.natsSubscription?.queueGroup !== undefined) groupOf.set(e.target, e.natsSubscription.queueGroup);
  const deliveries: Record<string, Delivery[]> = {};
  for (const [consumer, list] of Object.entries(observation.deliveries)) {
    const group = groupOf.get(consumer);
    const key = group === undefined ? consumer : `queue group ${group}`;
    deliveries[key] = [...(deliveries[key] ?? []), ...list];
  }
  for (const group of new Set(groupOf.values())) deliveries[`queue group ${group}`]!.sort(byMessage);
  return { ...observation, deliveries };
}

/** Message order: by producer id, then by sequence number (names are `<producer>:<seq>`). */
function byMessage(a: Delivery, b: Delivery): number {
  const [pa = '', sa = '0'] = a.message.split(/:(?=\d+$)/);
  const [pb = '', sb = '0'] = b.message.split(/:(?=\d+$)/);
  return pa === pb ? Number(sa) - Number(sb) : pa < pb ? -1 : 1;
}
