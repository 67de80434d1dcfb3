/**
 * The RabbitMQ side of a fidelity case: turns the case's topology into real exchanges,
 * queues, bindings and consumers on 127.0.0.1:5672 (amqplib), publishes the case's
 * messages, records what each consumer receives, and returns the same Observation as the
 * engine (observation.ts). Node only: nothing in the app imports it.
 *
 * API:
 * - `runOnRabbitMQ(c, options)`: runs case `c` (case.ts) and resolves with its Observation.
 * - `RabbitScript`: what the topology alone does not say — per-consumer actions on given
 *   deliveries, extra queue arguments, how long to wait. Its fields are all optional.
 *
 * How the topology maps (anything else throws, naming the node and the setting):
 * - exchange `direct|fanout|topic|headers` -> an exchange of that type (durable as set,
 *   `alternate-exchange` from `alternateExchange`); `default` -> the default exchange `""`.
 * - queue -> a classic queue with `x-max-length`, `x-max-length-bytes`, `x-overflow`,
 *   `x-message-ttl`, `x-dead-letter-exchange` (+ `x-dead-letter-routing-key`; a queue as
 *   dead-letter target is reached through the default exchange), `x-max-priority`;
 *   `maxDeliveries` N makes it a quorum queue with `x-delivery-limit` N - 1 (RabbitMQ counts
 *   returns, the engine deliveries).
 * - exchange -> queue link: one binding per key (direct, topic), one with key "" (fanout),
 *   one with the arguments and `x-match` (headers).
 * - producer: publishes the plan (case.ts) on one confirm channel, at the plan's times
 *   (wall ms = sim ms): routing key, headers, `priority`, `expiration` (ttlMs),
 *   `persistent`, `mandatory`; the message id property is `<producer>:<seq>`. A producer
 *   linked to a queue publishes to the default exchange with the queue's name.
 * - consumer: its own channel, `prefetch` (0: unlimited), auto or manual ack; manual acks
 *   go after its fixed `processingMs`, `concurrency` at a time. `failureProbability` 1
 *   makes every delivery fail its `onFailure` way (nack with or without requeue, or close
 *   the channel and reopen after `crashRestartMs`); the script can decide per delivery.
 * - a queue -> consumer link with `activeFromMs` after the last publish: that consumer
 *   starts once everything is published, `activeFromMs` after the first publish (a late
 *   consumer, e.g. to read what a length limit or a TTL left).
 * - faults: a consumer `crash` closes its channel at `atMs` after the first publish (its
 *   unacked deliveries go back to their queues, RMQ-C2) and, with `restartAfterMs`, it
 *   consumes again that much later; other faults throw.
 * - publisher confirms: a nack (RMQ-P1: a queue refused the message, reject-publish) is
 *   recorded as `nacked` for a producer with `confirms` on, as the engine does.
 * Names get a random per-run prefix; everything is deleted at the end.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { ConsumerConfig, Topology } from '../model/index.ts';
import { caseTopology, publishPlan, type FidelityCase } from './case.ts';
import { deadLetterReason, ObservationRecorder, type Death, type Delivery, type Observation } from './observation.ts';

export const RABBITMQ_URL = 'amqp://guest:guest@127.0.0.1:5672';

/** What a consumer does with one delivery (manual ack only; auto-ack takes everything). */
export type DeliveryAction =
  /** Ack it after the processing time. */
  | 'ack'
  /** basic.nack with requeue (RMQ-C3): back to its place in the queue, redelivered. */
  | 'nack-requeue'
  /** basic.nack without requeue: dead-lettered `rejected` if the queue has a DLX, else dropped. */
  | 'nack-drop'
  /** Keep it unacked for the rest of the run. */
  | 'hold'
  /** Close the consumer's channel (a crash, RMQ-C2): its unacked deliveries return to their queues. */
  | 'close';

export interface ConsumerScript {
  /**
   * Decides per delivery; `index` counts this consumer's deliveries from 0, redeliveries
   * included. Absent: the consumer's own config decides (ack, or its onFailure when
   * failureProbability is 1).
   */
  onDelivery?: (delivery: Delivery, index: number) => DeliveryAction;
  /** After a `close`, consume again this long later; absent: `crashRestartMs` if its action came from onFailure crash, else never. */
  reopenAfterMs?: number;
}

export interface RabbitScript {
  /** Consumer node id -> its script. */
  consumers?: Record<string, ConsumerScript>;
  /** Queue node id -> extra queue arguments (they win over those from the topology). */
  queueArguments?: Record<string, Record<string, unknown>>;
  /** The run is over once nothing happened for this long (default 400 ms). */
  quietMs?: number;
  /** Wait at least this long after the last publish before calling it quiet (default: the longest TTL in the case, + 200 ms). */
  settleMs?: number;
  /** Publish everything at once instead of at the plan's times. */
  burst?: boolean;
}

export interface RabbitRunOptions {
  url?: string;
  /** Give up waiting for the run to go quiet after this long (default 30 s). */
  timeoutMs?: number;
}

/** A run's real names: the random prefix and node id -> broker name. */
interface Names {
  prefix: string;
  of(nodeId: string): string;
  /** A broker queue name back to its node id (x-death names queues by their broker names). */
  nodeOf(brokerName: string): string;
}

function namesFor(topology: Topology): Names {
  const prefix = `msgflow-fidelity-${randomUUID().slice(0, 8)}-`;
  const defaultExchanges = new Set(topology.nodes.filter((n) => n.kind === 'exchange' && n.config.type === 'default').map((n) => n.id));
  return {
    prefix,
    of: (id) => (defaultExchanges.has(id) ? '' : prefix + id),
    nodeOf: (name) => (name.startsWith(prefix) ? name.slice(prefix.length) : name),
  };
}

function unsupported(what: string): never {
  throw new Error(`the RabbitMQ fidelity driver does not support ${what}`);
}

export async function runOnRabbitMQ(c: FidelityCase<RabbitScript>, options: RabbitRunOptions = {}): Promise<Observation> {
  const topology = caseTopology(c);
  const script = c.script ?? {};
  const names = namesFor(topology);
  const connection = await connect(options.url ?? RABBITMQ_URL);
  // A channel error (a refused argument, say) closes the channel; remember the first to report it.
  let channelError: Error | undefined;
  const onChannelError = (error: Error) => (channelError ??= error);
  connection.on('error', onChannelError);
  const admin = await connection.createChannel();
  admin.on('error', onChannelError);
  let observation: Observation;
  try {
    await declare(admin, topology, names, script);
    observation = await exercise(connection, topology, names, script, options.timeoutMs ?? 30_000, onChannelError);
    if (channelError) throw channelError;
  } catch (error) {
    // The case's own failure says more than a clean-up failing after it (a closed connection).
    await cleanUp(connection, topology, names).catch(() => undefined);
    throw error;
  }
  await cleanUp(connection, topology, names);
  return observation;
}

async function declare(channel: Channel, topology: Topology, names: Names, script: RabbitScript): Promise<void> {
  const nodeById = new Map(topology.nodes.map((n) => [n.id, n]));
  for (const node of topology.nodes) {
    if (node.kind !== 'exchange' || node.config.type === 'default') continue;
    const { type, durable, alternateExchange, acl } = node.config;
    if (acl) unsupported(`an ACL (exchange "${node.id}")`);
    await channel.assertExchange(names.of(node.id), type, {
      durable,
      autoDelete: false,
      ...(alternateExchange !== undefined ? { alternateExchange: names.of(alternateExchange) } : {}),
    });
  }
  for (const node of topology.nodes) {
    if (node.kind !== 'queue') continue;
    const q = node.config;
    const where = `queue "${node.id}"`;
    if (q.ordering !== 'fifo') unsupported(`ordering ${q.ordering} (${where})`);
    if (q.overflow === 'block') unsupported(`overflow block (${where})`);
    if (q.ackTimeoutMs !== undefined || q.retentionMs !== undefined || q.delayMs > 0 || q.deduplication !== 'none' || q.maxMessageBytes !== undefined || q.acl) {
      unsupported(`ack timeouts, retention, delays, deduplication, message size limits or ACLs (${where})`);
    }
    const args: Record<string, unknown> = {};
    if (q.maxLength !== undefined) args['x-max-length'] = q.maxLength;
    if (q.maxBytes !== undefined) args['x-max-length-bytes'] = q.maxBytes;
    if (q.overflow !== 'drop-head') args['x-overflow'] = q.overflow;
    if (q.messageTtlMs !== undefined) args['x-message-ttl'] = q.messageTtlMs;
    if (q.maxPriority !== undefined) args['x-max-priority'] = q.maxPriority;
    if (q.deadLetterTarget !== undefined) {
      const target = nodeById.get(q.deadLetterTarget)!;
      if (target.kind === 'queue') {
        // The engine moves the dead letter straight into the queue: the default exchange does that.
        args['x-dead-letter-exchange'] = '';
        args['x-dead-letter-routing-key'] = names.of(target.id);
      } else if (target.kind === 'exchange') {
        const isDefault = target.config.type === 'default';
        args['x-dead-letter-exchange'] = names.of(target.id);
        if (q.deadLetterRoutingKey !== undefined) args['x-dead-letter-routing-key'] = isDefault ? names.of(q.deadLetterRoutingKey) : q.deadLetterRoutingKey;
      } else unsupported(`a dead-letter target of kind ${target.kind} (${where})`);
    }
    let durable = q.durable;
    if (q.maxDeliveries !== undefined) {
      args['x-queue-type'] = 'quorum';
      args['x-delivery-limit'] = q.maxDeliveries - 1;
      durable = true;
    }
    Object.assign(args, script.queueArguments?.[node.id]);
    if (args['x-queue-type'] === 'quorum') durable = true;
    await channel.assertQueue(names.of(node.id), { durable, exclusive: false, autoDelete: false, arguments: args });
  }
  for (const edge of topology.edges) {
    const source = nodeById.get(edge.source)!;
    const target = nodeById.get(edge.target)!;
    if (source.kind !== 'exchange') continue;
    if (target.kind !== 'queue') unsupported(`a link from an exchange to a ${target.kind} (edge "${edge.id}")`);
    if (edge.activeFromMs !== undefined) unsupported(`a binding made later (activeFromMs on edge "${edge.id}")`);
    const queue = names.of(target.id);
    const exchange = names.of(source.id);
    const binding = edge.binding ?? { keys: [], arguments: {}, match: 'all' as const };
    switch (source.config.type) {
      case 'default':
        break;
      case 'fanout':
        await channel.bindQueue(queue, exchange, '');
        break;
      case 'headers':
        await channel.bindQueue(queue, exchange, '', { ...binding.arguments, 'x-match': binding.match });
        break;
      case 'direct':
      case 'topic':
        for (const key of binding.keys) await channel.bindQueue(queue, exchange, key);
        break;
    }
  }
}

/** One consumer's real side: its channel, its work in hand, and what it does next. */
interface LiveConsumer {
  id: string;
  config: ConsumerConfig;
  queues: string[];
  script: ConsumerScript;
  channel: Channel | undefined;
  /** Deliveries received so far (redeliveries included): the script's index. */
  received: number;
  /** Deliveries waiting for a processing slot, oldest first. */
  backlog: { msg: ConsumeMessage; action: DeliveryAction }[];
  busy: number;
}

async function exercise(
  connection: ChannelModel,
  topology: Topology,
  names: Names,
  script: RabbitScript,
  timeoutMs: number,
  onChannelError: (error: Error) => void,
): Promise<Observation> {
  const consumerNodes = topology.nodes.filter((n) => n.kind === 'consumer');
  const recorder = new ObservationRecorder(consumerNodes.map((n) => n.id));
  const plan = publishPlan(topology);
  const lastPublishAt = plan.at(-1)?.atMs ?? 0;
  let lastActivity: number;
  /** Timers and processing still to come: the run is not quiet while any is pending. */
  let pending = 0;
  /** The connection closed (the run is over): a processing timer still running then has nothing to settle. */
  let closed = false;
  connection.once('close', () => (closed = true));

  const consumers: LiveConsumer[] = consumerNodes.map((node) => {
    if (node.kind !== 'consumer') throw new Error('unreachable: filtered to consumers');
    const config = node.config;
    if (config.receive !== 'push' || config.idempotent || config.invalidMessage !== undefined) {
      unsupported(`polling, idempotent or invalid-message consumers (consumer "${node.id}")`);
    }
    if (config.failureProbability !== 0 && config.failureProbability !== 1) unsupported(`a failure probability other than 0 or 1 (consumer "${node.id}")`);
    if (config.ack === 'after-processing' && config.processingMs.dist !== 'fixed') unsupported(`a random processing time (consumer "${node.id}")`);
    const queues = topology.edges.filter((e) => e.target === node.id).map((e) => e.source);
    for (const q of queues) if (topology.nodes.find((n) => n.id === q)?.kind !== 'queue') unsupported(`a consumer fed by anything but queues (consumer "${node.id}")`);
    return { id: node.id, config, queues, script: script.consumers?.[node.id] ?? {}, channel: undefined, received: 0, backlog: [], busy: 0 };
  });

  const defaultAction = (consumer: LiveConsumer): DeliveryAction => {
    if (consumer.config.failureProbability === 0) return 'ack';
    return consumer.config.onFailure === 'requeue' ? 'nack-requeue' : consumer.config.onFailure === 'reject' ? 'nack-drop' : 'close';
  };

  const processNext = (consumer: LiveConsumer): void => {
    while (consumer.busy < consumer.config.concurrency && consumer.backlog.length > 0) {
      const { msg, action } = consumer.backlog.shift()!;
      const channel = consumer.channel;
      consumer.busy++;
      pending++;
      const processingMs = consumer.config.processingMs.dist === 'fixed' ? consumer.config.processingMs.value : 0;
      setTimeout(() => {
        pending--;
        lastActivity = Date.now();
        // A delivery of a channel since closed went back to its queue with the channel (its slot went with it).
        if (closed || channel !== consumer.channel || !channel) return;
        consumer.busy--;
        settle(consumer, channel, msg, action);
        processNext(consumer);
      }, processingMs);
    }
  };

  const settle = (consumer: LiveConsumer, channel: Channel, msg: ConsumeMessage, action: DeliveryAction): void => {
    switch (action) {
      case 'ack':
        channel.ack(msg);
        return;
      case 'nack-requeue':
        channel.nack(msg, false, true);
        return;
      case 'nack-drop':
        channel.nack(msg, false, false);
        return;
      case 'hold':
        return;
      case 'close':
        closeChannel(consumer, channel, consumer.script.reopenAfterMs ?? (consumer.script.onDelivery ? undefined : consumer.config.crashRestartMs));
        return;
    }
  };

  /** A consumer crash (RMQ-C2): its channel closes, its unacked deliveries go back to their queues; it may consume again later. */
  const closeChannel = (consumer: LiveConsumer, channel: Channel, reopenAfterMs: number | undefined): void => {
    consumer.channel = undefined;
    consumer.backlog = [];
    consumer.busy = 0;
    pending++;
    void channel
      .close()
      .then(async () => {
        if (reopenAfterMs !== undefined) {
          await sleep(reopenAfterMs);
          await startConsumer(consumer);
        }
      })
      .catch(onChannelError)
      .finally(() => {
        pending--;
        lastActivity = Date.now();
      });
  };

  const startConsumer = async (consumer: LiveConsumer): Promise<void> => {
    const channel = await connection.createChannel();
    channel.on('error', onChannelError);
    consumer.channel = channel;
    const autoAck = consumer.config.ack === 'auto';
    if (!autoAck) await channel.prefetch(consumer.config.prefetch);
    for (const queue of consumer.queues) {
      await channel.consume(
        names.of(queue),
        (msg) => {
          // null: the broker cancelled the consumer (its queue was deleted).
          if (msg === null || channel !== consumer.channel) return;
          lastActivity = Date.now();
          const delivery = deliveryOf(msg, names);
          recorder.delivered(consumer.id, delivery);
          const index = consumer.received++;
          if (autoAck) return;
          const action = consumer.script.onDelivery?.(delivery, index) ?? defaultAction(consumer);
          consumer.backlog.push({ msg, action });
          processNext(consumer);
        },
        { noAck: autoAck },
      );
    }
  };

  const lateStart = new Map<string, number>();
  for (const edge of topology.edges) {
    if (edge.activeFromMs !== undefined && consumers.some((c) => c.id === edge.target)) {
      if (edge.activeFromMs <= lastPublishAt) unsupported(`a consumer link opening before the last publish (edge "${edge.id}")`);
      lateStart.set(edge.target, Math.max(lateStart.get(edge.target) ?? 0, edge.activeFromMs));
    }
  }
  for (const consumer of consumers) if (!lateStart.has(consumer.id)) await startConsumer(consumer);

  // Faults at defined points: a consumer crash closes its channel at that sim time (wall ms
  // from the first publish), and a restart after it consumes again.
  const crashes = topology.faults.map((fault) => {
    const consumer = fault.action === 'crash' ? consumers.find((c) => c.id === fault.node) : undefined;
    if (fault.action !== 'crash' || !consumer) unsupported(`a fault other than a consumer crash (${fault.action} at ${fault.atMs} ms)`);
    return { consumer, atMs: fault.atMs, restartAfterMs: fault.restartAfterMs };
  });

  // Publish the plan on one confirm channel, so publishes keep their order (RMQ-C6).
  const publisher = await connection.createConfirmChannel();
  publisher.on('error', onChannelError);
  publisher.on('return', (msg) => {
    lastActivity = Date.now();
    recorder.returned(String(msg.properties.messageId));
  });
  const nodeById = new Map(topology.nodes.map((n) => [n.id, n]));
  const startedAt = Date.now();
  for (const crash of crashes) {
    pending++;
    setTimeout(() => {
      pending--;
      if (crash.consumer.channel) closeChannel(crash.consumer, crash.consumer.channel, crash.restartAfterMs);
    }, crash.atMs);
  }
  /** Each publish's confirm; a nack is an answer too (RMQ-P1: a queue refused it), recorded, not an error. */
  const confirms: Promise<void>[] = [];
  for (const p of plan) {
    recorder.published(p.message);
    const producer = nodeById.get(p.producer)!;
    if (producer.kind !== 'producer') throw new Error('unreachable: plans come from producers');
    if (typeof producer.config.sizeBytes !== 'number') unsupported(`a random message size (producer "${p.producer}")`);
    if (p.target === undefined) continue;
    const target = nodeById.get(p.target)!;
    if (!script.burst) {
      const wait = startedAt + p.atMs - Date.now();
      if (wait > 0) await sleep(wait);
    }
    const key = p.key ?? '';
    let exchange: string;
    let routingKey: string;
    if (target.kind === 'queue') [exchange, routingKey] = ['', names.of(target.id)];
    else if (target.kind === 'exchange') [exchange, routingKey] = target.config.type === 'default' ? ['', names.prefix + key] : [names.of(target.id), key];
    else unsupported(`a producer linked to a ${target.kind} (producer "${p.producer}")`);
    const confirmsAsked = producer.config.confirms;
    const body = Buffer.alloc(producer.config.sizeBytes);
    const properties = {
      messageId: p.message,
      headers: p.headers,
      persistent: p.persistent,
      mandatory: p.mandatory,
      ...(p.priority > 0 ? { priority: p.priority } : {}),
      ...(p.ttlMs !== undefined ? { expiration: String(p.ttlMs) } : {}),
    };
    confirms.push(
      new Promise((resolve) => {
        publisher.publish(exchange, routingKey, body, properties, (error: unknown) => {
          // Only a producer with confirms on learns of a nack, in the engine as in a real client.
          if (error && confirmsAsked) recorder.nacked(p.message);
          resolve();
        });
      }),
    );
  }
  await Promise.all(confirms);
  lastActivity = Date.now();

  for (const [id, activeFromMs] of [...lateStart].sort((a, b) => a[1] - b[1])) {
    const wait = startedAt + activeFromMs - Date.now();
    if (wait > 0) await sleep(wait);
    await startConsumer(consumers.find((c) => c.id === id)!);
    lastActivity = Date.now();
  }

  const quietMs = script.quietMs ?? 400;
  const settleUntil = Date.now() + (script.settleMs ?? longestTtl(topology) + 200);
  const giveUpAt = Date.now() + timeoutMs;
  while (Date.now() < giveUpAt && (pending > 0 || Date.now() < settleUntil || Date.now() - lastActivity < quietMs)) await sleep(50);

  for (const node of topology.nodes) {
    if (node.kind === 'queue') recorder.queued(node.id, (await publisher.checkQueue(names.of(node.id))).messageCount);
  }
  return recorder.result();
}

function longestTtl(topology: Topology): number {
  let longest = 0;
  for (const node of topology.nodes) {
    if (node.kind === 'queue' && node.config.messageTtlMs !== undefined) longest = Math.max(longest, node.config.messageTtlMs);
    if (node.kind === 'producer' && node.config.ttlMs !== undefined) longest = Math.max(longest, node.config.ttlMs);
  }
  return longest;
}

function deliveryOf(msg: ConsumeMessage, names: Names): Delivery {
  const delivery: Delivery = { message: String(msg.properties.messageId), redelivered: msg.fields.redelivered };
  const xDeath: unknown = msg.properties.headers?.['x-death'];
  if (Array.isArray(xDeath) && xDeath.length > 0) {
    delivery.deaths = xDeath.map((entry: Record<string, unknown>): Death => ({
      queue: names.nodeOf(String(entry['queue'])),
      reason: deadLetterReason(String(entry['reason'])),
      count: Number(entry['count']),
    }));
  }
  return delivery;
}

async function cleanUp(connection: ChannelModel, topology: Topology, names: Names): Promise<void> {
  try {
    // A fresh channel: the others may have been closed by an error.
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    for (const node of topology.nodes) {
      if (node.kind === 'queue') await channel.deleteQueue(names.of(node.id));
      if (node.kind === 'exchange' && node.config.type !== 'default') await channel.deleteExchange(names.of(node.id));
    }
  } finally {
    await connection.close();
  }
}
