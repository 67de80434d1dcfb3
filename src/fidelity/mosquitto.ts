/**
 * The Mosquitto side of the MQTT fidelity cases: plays an MQTT topology (producers -> one
 * mqtt-broker -> subscribing consumers) against a real Mosquitto on 127.0.0.1 and returns
 * what each subscriber received, as the engine side does (engine-side.ts).
 *
 * API:
 * - `runOnMosquitto(topology, options)`: connects one MQTT client per producer and per
 *   consumer, replays the topology's timeline (publishes from the publish plan, links
 *   opening at `activeFromMs`, faults) in sim-time order, and returns the Observation.
 * - `MOSQUITTO_URL`: where it connects by default.
 *
 * How the topology maps onto Mosquitto:
 * - A producer is a client publishing its plan with its QoS and retain flag; its Last Will
 *   (MQ-5) is set at CONNECT. A crash of a producer, or a cut of its link, ends its socket
 *   without DISCONNECT: Mosquitto sees the connection drop and publishes the will at once
 *   (the engine waits 1.5 x keep-alive; only the order of events is compared, not times).
 * - A consumer is a client whose link's subscription gives its filters and session: a
 *   clean session (MQ-4) or a persistent one. It connects and subscribes when its link
 *   opens; a crash ends its socket, a restart connects again (a clean session subscribes
 *   again; a persistent one finds its subscriptions and queued messages).
 * - Clients speak MQTT 3.1.1, the protocol the engine models: with 5.0 Mosquitto sends one
 *   copy per matching subscription where 3.1.1 sends one per client (MQ-6, MQ-2).
 * - A message carries `<run>|<producer>:<seq>` as its payload, so deliveries of other runs
 *   (a `#` subscriber sees every topic on the broker) are left out. An empty publish (the
 *   one that deletes a retained message, MQ-3) cannot carry it: it is named by its topic,
 *   which the driver requires to have one empty publish at most.
 * - Nothing is renamed: topics and filters are used as the case gives them, so `$` topics
 *   and leading wildcards behave as on any broker. Client ids carry the run id; at the end
 *   every persistent session is ended and every retained topic this run set is cleared.
 */
import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import type { Fault, Topology } from '../model/index.ts';
import { publishPlan, type PlannedPublish } from './case.ts';
import { messageName, ObservationRecorder, type Observation } from './observation.ts';
import { BROKERS } from './reachable.ts';

export const MOSQUITTO_URL = 'mqtt://127.0.0.1:1883';

export interface MosquittoRunOptions {
  url?: string;
  /** Quiet time that counts as "everything in flight has arrived" (loopback: milliseconds suffice). */
  settleMs?: number;
}

/** One thing that happens on the case's timeline, at its sim time. */
type Step =
  | { atMs: number; kind: 'connect' | 'crash' | 'restart'; consumer: string }
  | { atMs: number; kind: 'vanish'; producer: string }
  | { atMs: number; kind: 'publish'; publish: PlannedPublish };

/**
 * Same sim time: the engine applies a link opening or a fault at once, while a publish sent
 * then reaches the broker a link latency later, so the state change comes first.
 */
const STEP_RANK: Record<Step['kind'], number> = { connect: 0, restart: 1, crash: 2, vanish: 3, publish: 4 };

interface Subscriber {
  id: string;
  filters: { filter: string; qos: 0 | 1 | 2 }[];
  cleanSession: boolean;
  client: MqttClient | undefined;
  /** It has connected once: a persistent session exists on the broker from then on. */
  connected: boolean;
}

export async function runOnMosquitto(topology: Topology, options: MosquittoRunOptions = {}): Promise<Observation> {
  const url = options.url ?? MOSQUITTO_URL;
  const settleMs = options.settleMs ?? 150;
  const run = `msgflow-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const broker = onlyBroker(topology);
  const consumerIds = topology.nodes.filter((n) => n.kind === 'consumer').map((n) => n.id);
  const recorder = new ObservationRecorder(consumerIds);
  const plan = publishPlan(topology);

  const emptyPublishByTopic = new Map<string, string>();
  for (const p of plan) {
    if (sizeOf(topology, p.producer) !== 0) continue;
    const topic = p.key ?? '';
    if (emptyPublishByTopic.has(topic)) throw new Error(`topic "${topic}" has two empty publishes: the driver could not tell them apart`);
    emptyPublishByTopic.set(topic, p.message);
  }

  const subscribers = new Map<string, Subscriber>();
  for (const edge of topology.edges) {
    if (edge.source !== broker.id) continue;
    if (!edge.subscription) throw new Error(`link ${edge.id} from the broker has no subscription`);
    subscribers.set(edge.target, { id: edge.target, filters: edge.subscription.filters, cleanSession: edge.subscription.cleanSession, client: undefined, connected: false });
  }

  const steps = timeline(topology, broker.id, plan, subscribers);
  const wills = willNames(topology, broker.id, steps);
  const retainedTopics = new Set<string>();
  const publishers = new Map<string, MqttClient>();
  let everyClient: MqttClient[] = [];

  const onMessage = (consumer: string) => (topic: string, payload: Buffer, packet: IPublishPacket) => {
    const message = payload.length === 0 ? emptyPublishByTopic.get(topic) : ownMessage(payload.toString(), run);
    // Another run's message (or the broker's own `$SYS`): not part of this case.
    if (message === undefined) return;
    recorder.delivered(consumer, { message, redelivered: packet.dup, qos: packet.qos, retained: packet.retain });
  };

  const connectSubscriber = async (sub: Subscriber, clean: boolean): Promise<void> => {
    const client = await connectClient(url, { clientId: `${run}-${sub.id}`, clean }, onMessage(sub.id));
    everyClient.push(client);
    sub.client = client;
    const sessionPresent = sub.connected && !sub.cleanSession;
    sub.connected = true;
    // A persistent session keeps its subscriptions (MQ-4); a clean one subscribes again.
    if (!sessionPresent) await client.subscribeAsync(Object.fromEntries(sub.filters.map((f) => [f.filter, { qos: f.qos }])));
  };

  try {
    for (const node of topology.nodes) {
      if (node.kind !== 'producer') continue;
      const c = node.config;
      const will = c.will;
      const willName = wills.get(node.id);
      const client = await connectClient(url, {
        clientId: `${run}-${node.id}`,
        clean: true,
        keepalive: Math.min(65_535, Math.ceil(c.keepAliveMs / 1000)),
        ...(will && willName ? { will: { topic: will.topic, payload: Buffer.from(`${run}|${willName}`), qos: will.qos, retain: will.retain } } : {}),
      });
      if (will?.retain) retainedTopics.add(will.topic);
      everyClient.push(client);
      publishers.set(node.id, client);
    }

    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      switch (step.kind) {
        case 'connect':
          await connectSubscriber(subscribers.get(step.consumer)!, subscribers.get(step.consumer)!.cleanSession);
          break;
        case 'restart': {
          const sub = subscribers.get(step.consumer)!;
          if (!sub.client) await connectSubscriber(sub, sub.cleanSession);
          break;
        }
        case 'crash': {
          const sub = subscribers.get(step.consumer)!;
          sub.client?.stream.destroy();
          sub.client = undefined;
          break;
        }
        case 'vanish':
          // No DISCONNECT: the broker sees the connection drop (MQ-5).
          publishers.get(step.producer)!.stream.destroy();
          break;
        case 'publish': {
          const p = step.publish;
          const topic = p.key ?? '';
          const empty = emptyPublishByTopic.get(topic) === p.message;
          if (p.retain) retainedTopics.add(topic);
          recorder.published(p.message);
          await publishers.get(p.producer)!.publishAsync(topic, empty ? Buffer.alloc(0) : `${run}|${p.message}`, { qos: p.qos, retain: p.retain });
          break;
        }
      }
      // Publishes from one client arrive in order; anything else waits until what is in flight has arrived.
      const next = steps[i + 1];
      if (next && !(step.kind === 'publish' && next.kind === 'publish' && next.publish.producer === step.publish.producer)) {
        await settle(recorder, settleMs);
      }
    }
    await settle(recorder, settleMs * 2);
    return recorder.result();
  } finally {
    await Promise.allSettled(everyClient.map((c) => c.endAsync(true)));
    everyClient = [];
    await cleanUp(url, run, [...subscribers.values()].filter((s) => s.connected && !s.cleanSession).map((s) => s.id), [...retainedTopics]);
  }
}

/** The case's one MQTT broker (the driver plays a single Mosquitto). */
function onlyBroker(topology: Topology): Topology['nodes'][number] {
  const brokers = topology.nodes.filter((n) => n.kind === 'mqtt-broker');
  const others = topology.nodes.filter((n) => !['mqtt-broker', 'producer', 'consumer'].includes(n.kind));
  if (brokers.length !== 1 || others.length > 0) {
    throw new Error('an MQTT fidelity case has producers, one mqtt-broker and consumers, nothing else');
  }
  return brokers[0]!;
}

function sizeOf(topology: Topology, producer: string): number {
  const node = topology.nodes.find((n) => n.id === producer);
  if (node?.kind !== 'producer' || typeof node.config.sizeBytes !== 'number') {
    throw new Error(`producer "${producer}": a fidelity case needs a fixed message size`);
  }
  return node.config.sizeBytes;
}

/** The case's events in the order the engine has them. */
function timeline(topology: Topology, brokerId: string, plan: readonly PlannedPublish[], subscribers: ReadonlyMap<string, Subscriber>): Step[] {
  const steps: Step[] = plan.map((publish) => ({ atMs: publish.atMs, kind: 'publish', publish }));
  for (const edge of topology.edges) {
    if (edge.source === brokerId) steps.push({ atMs: edge.activeFromMs ?? 0, kind: 'connect', consumer: edge.target });
  }
  const producerOfEdge = new Map(topology.edges.filter((e) => e.target === brokerId).map((e) => [e.id, e.source]));
  for (const fault of topology.faults) steps.push(...faultSteps(fault, subscribers, producerOfEdge, topology));
  steps.sort((a, b) => a.atMs - b.atMs || STEP_RANK[a.kind] - STEP_RANK[b.kind]);
  const gone = new Map<string, number>();
  for (const step of steps) {
    if (step.kind === 'vanish' && !gone.has(step.producer)) gone.set(step.producer, step.atMs);
    if (step.kind === 'publish' && (gone.get(step.publish.producer) ?? Infinity) <= step.atMs) {
      throw new Error(`producer "${step.publish.producer}" publishes after it vanished: the driver does not bring a client back`);
    }
  }
  return steps;
}

function faultSteps(fault: Fault, subscribers: ReadonlyMap<string, Subscriber>, producerOfEdge: ReadonlyMap<string, string>, topology: Topology): Step[] {
  if (fault.action === 'crash' || fault.action === 'restart') {
    const node = topology.nodes.find((n) => n.id === fault.node);
    if (subscribers.has(fault.node)) {
      if (fault.action === 'restart') return [{ atMs: fault.atMs, kind: 'restart', consumer: fault.node }];
      const crash: Step = { atMs: fault.atMs, kind: 'crash', consumer: fault.node };
      return fault.restartAfterMs === undefined ? [crash] : [crash, { atMs: fault.atMs + fault.restartAfterMs, kind: 'restart', consumer: fault.node }];
    }
    if (node?.kind === 'producer' && fault.action === 'crash' && fault.restartAfterMs === undefined) {
      return [{ atMs: fault.atMs, kind: 'vanish', producer: fault.node }];
    }
  }
  if (fault.action === 'cut' && producerOfEdge.has(fault.edge) && fault.healAfterMs === undefined) {
    return [{ atMs: fault.atMs, kind: 'vanish', producer: producerOfEdge.get(fault.edge)! }];
  }
  throw new Error(`fault ${JSON.stringify(fault)}: the driver plays subscriber crashes and restarts, and producers that vanish for good`);
}

/**
 * The engine names a will after the broker that publishes it, numbered in the order the
 * wills fire: the order the producers vanish.
 */
function willNames(topology: Topology, brokerId: string, steps: readonly Step[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const step of steps) {
    if (step.kind !== 'vanish' || names.has(step.producer)) continue;
    const node = topology.nodes.find((n) => n.id === step.producer);
    if (node?.kind === 'producer' && node.config.will) names.set(step.producer, messageName(brokerId, names.size));
  }
  return names;
}

function ownMessage(payload: string, run: string): string | undefined {
  const bar = payload.indexOf('|');
  return bar >= 0 && payload.slice(0, bar) === run ? payload.slice(bar + 1) : undefined;
}

function connectClient(url: string, options: IClientOptions, onMessage?: (topic: string, payload: Buffer, packet: IPublishPacket) => void): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(url, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5_000, ...options });
    // Before the CONNACK: a persistent session's queued messages follow it at once.
    if (onMessage) client.on('message', onMessage);
    client.once('connect', () => resolve(client));
    // Once connected these settle nothing; a failing publish or subscribe rejects on its own.
    client.on('error', (error) => reject(new Error(`Mosquitto at ${url} refused ${options.clientId ?? 'a client'}: ${error.message}`)));
    client.once('close', () => reject(new Error(`Mosquitto at ${url} closed the connection of ${options.clientId ?? 'a client'}. If it is not running: ${BROKERS.mosquitto.howToStart}`)));
  });
}

/** Waits until no delivery has come for `quietMs`. */
async function settle(recorder: ObservationRecorder, quietMs: number): Promise<void> {
  let seen = -1;
  while (seen !== recorder.deliveryCount()) {
    seen = recorder.deliveryCount();
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/** Ends this run's persistent sessions and clears the retained messages it left. */
async function cleanUp(url: string, run: string, persistent: readonly string[], retainedTopics: readonly string[]): Promise<void> {
  for (const id of persistent) {
    const client = await connectClient(url, { clientId: `${run}-${id}`, clean: true });
    await client.endAsync();
  }
  if (retainedTopics.length === 0) return;
  const client = await connectClient(url, { clientId: `${run}-cleanup`, clean: true });
  for (const topic of retainedTopics) await client.publishAsync(topic, Buffer.alloc(0), { qos: 1, retain: true });
  await client.endAsync();
}
