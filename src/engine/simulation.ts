import type { Fault, LinkConfig, Qos, Topology } from '../model/index.ts';
import { Fifo } from './core/fifo.ts';
import { sampleDuration } from './core/distributions.ts';
import { EventHeap, newPoppedEvent } from './core/heap.ts';
import { RandomStream } from './core/random.ts';
import { TraceHash } from './core/trace-hash.ts';
import { EventLog } from './ledger/event-log.ts';
import { Ledger, type DeadLetterReason, type Fate } from './ledger/ledger.ts';
import { SeriesRecorder } from './ledger/series.ts';
import type { Death, Envelope, Message, Receipt } from './message.ts';
import { CONFIRM_ACK, CONFIRM_NACK, settingNeedingReset, type HeldMessage, type NodeRuntime, type SendOptions, type SimContext, type SimulationObserver } from './nodes/node.ts';
import { NODE_DEFINITIONS } from './nodes/registry.ts';
import {
  DOT_COPY,
  DOT_NORMAL,
  DOT_REDELIVERED,
  DOT_STRIDE,
  type EventPage,
  type EventQuery,
  type MessageTrace,
  type MessageView,
  type NodeMessages,
  type NodeStats,
} from './session-types.ts';

/** Event kinds in the heap: an envelope arriving, or a node's timer (its tag above TIMER). */
const ARRIVE = 1;
/** A fault of the schedule (traced as a = action, b = node or edge index). */
const FAULT = 2;
/** A cut ordered link's partition hold ran out for some parked envelopes (a = edge). */
const PARTITION_TIMEOUT = 3;
/** A link reaches its `activeFromMs` (a = edge). */
const LINK_OPEN = 4;
/** A QoS 1/2 sender goes again (a = edge, b = its slot in the QoS exchanges table). */
const RESEND = 5;
const TIMER = 8;

/** QoS 1 and 2 resend rounds before a sender gives up on a link that loses everything (msgflow). */
export const MAX_QOS_ROUNDS = 100;

/**
 * More events than this at one instant means a zero-delay loop or a runaway fan-out;
 * the run stops with an error instead of hanging the worker.
 */
export const MAX_EVENTS_PER_INSTANT = 1_000_000;

/** A node kind with no `reconfigure` hook applies no setting mid-run. */
const NO_LIVE_SETTINGS: ReadonlySet<string> = new Set();

export class SimulationError extends Error {
  override name = 'SimulationError';
}

/**
 * One run of a topology: the clock, the event heap and the wiring between node
 * behaviours. Everything a run does is a function of the topology and the seed.
 */
export class Simulation implements SimContext {
  now = 0;
  /** Events processed so far. */
  events = 0;
  readonly seed: number;
  readonly ledger = new Ledger();
  readonly topology: Topology;
  /** Set by a harness that watches deliveries and returns (the fidelity tests); the app leaves it unset. */
  observer: SimulationObserver | undefined = undefined;

  private readonly heap = new EventHeap();
  private readonly popped = newPoppedEvent();
  private readonly trace = new TraceHash();
  private readonly runtimes: NodeRuntime[];
  private readonly nodeRngs: RandomStream[];
  private readonly linkRngs: RandomStream[];
  private readonly links: LinkConfig[];
  private readonly edgeTarget: Int32Array;
  private readonly edgeSource: Int32Array;
  private readonly outputsByNode: number[][];
  /** 1 for a producer that marks its messages persistent. */
  private readonly persistentProducer: Uint8Array;
  /** Latest arrival time per edge, so ordered links never overtake. */
  private readonly lastArrival: Float64Array;
  /**
   * Envelopes by slot. A freed slot's envelope object is reused by the next traversal, so
   * moving a message allocates nothing once the pool has grown to the peak in flight; a
   * live envelope has exactly one arrival event.
   */
  private readonly live: Envelope[] = [];
  private readonly freeSlots: number[] = [];
  /** Envelopes currently on a link, for drawing. */
  private readonly onLink: Envelope[] = [];
  private nextMessageId = 0;
  /** The publisher confirm that the arrival being handled answers to, if any. */
  private receipt: Receipt | undefined;
  /** True while an exchange handles that arrival: what it sends on carries the receipt. */
  private forwarding = false;
  /** The arrival being handled was not accepted yet (a blocked publish): its receipt waits. */
  private deferred = false;
  /** Receipts waiting for a blocked publish to be accepted, by message uid, oldest first. */
  private readonly waitingReceipts = new Map<number, Receipt[]>();
  private nextUid = 0;
  /** The schedule as given: the file's faults and those injected live (not derived restarts). */
  private readonly givenFaults: Fault[] = [];
  /**
   * Faults not yet applied, in the order they will apply (see scheduleFault). Faults are
   * not heap events: one applies after every heap event at its instant, so a fault
   * injected live (after the events at the current instant ran) replays identically
   * from a file. Applied ones are let go, so memory stays bounded however many crashes
   * a run has.
   */
  private readonly pendingFaults: PendingFault[] = [];
  private faultsScheduled = 0;
  private readonly down: Uint8Array;
  private readonly cut: Uint8Array;
  /** Envelopes parked on cut ordered links, per edge, oldest first. */
  private readonly parked = new Map<number, Fifo<Envelope>>();
  /** When the edge's pending partition-hold timer fires; Infinity: none pending. */
  private readonly partitionTimerAt: Float64Array;
  /** When each edge opens (`activeFromMs`, else 0). */
  private readonly openFrom: Float64Array;
  /** QoS 1/2 exchanges waiting to resend, by slot (freed slots are reused). */
  private readonly qosExchanges: (QosExchange | undefined)[] = [];
  private readonly freeQosExchanges: number[] = [];
  /** Per node with an ACL: who may publish to it and who may receive from it (undefined: anyone). */
  private readonly publishers: (Set<number> | undefined)[];
  private readonly receivers: (Set<number> | undefined)[];
  /** Nodes seen in events at an instant that nears the per-instant cap, to name them. */
  private readonly runawayNodes = new Set<number>();
  private instant = -1;
  private eventsThisInstant = 0;
  /** The event log, when someone watches (see recordEvents); unset, recording costs one check. */
  private log: EventLog | undefined = undefined;
  /** Where the event being handled happens, for the log: a node index and the link it came by (-1: none). */
  private atNode = -1;
  private atEdge = -1;

  /** Time series for the charts, one sample per second of sim time. */
  readonly series: SeriesRecorder;

  constructor(topology: Topology, seed: number = topology.seed, sampleIntervalMs = 1_000) {
    this.topology = topology;
    this.seed = seed;
    const indexById = new Map(topology.nodes.map((n, i) => [n.id, i]));
    this.outputsByNode = topology.nodes.map(() => []);
    this.edgeTarget = new Int32Array(topology.edges.length);
    this.edgeSource = new Int32Array(topology.edges.length);
    this.lastArrival = new Float64Array(topology.edges.length);
    this.down = new Uint8Array(topology.nodes.length);
    this.cut = new Uint8Array(topology.edges.length);
    this.partitionTimerAt = new Float64Array(topology.edges.length).fill(Infinity);
    this.openFrom = Float64Array.from(topology.edges, (e) => e.activeFromMs ?? 0);
    const aclOf = (n: Topology['nodes'][number]) => ('acl' in n.config ? n.config.acl : undefined);
    const indices = (ids: readonly string[] | undefined) => (ids === undefined ? undefined : new Set(ids.map((id) => indexById.get(id)!)));
    this.publishers = topology.nodes.map((n) => indices(aclOf(n)?.publishers));
    this.receivers = topology.nodes.map((n) => indices(aclOf(n)?.consumers));
    topology.edges.forEach((e, i) => {
      const source = indexById.get(e.source);
      const target = indexById.get(e.target);
      if (source === undefined || target === undefined) {
        throw new SimulationError(`edge "${e.id}" connects a node that does not exist`);
      }
      this.outputsByNode[source]!.push(i);
      this.edgeTarget[i] = target;
      this.edgeSource[i] = source;
    });
    this.links = topology.edges.map((e) => e.link);
    this.persistentProducer = Uint8Array.from(topology.nodes, (n) => (n.kind === 'producer' && n.config.persistent ? 1 : 0));
    this.linkRngs = topology.edges.map((e) => new RandomStream(seed, `link:${e.id}`));
    this.nodeRngs = topology.nodes.map((n) => new RandomStream(seed, `node:${n.id}`));
    this.runtimes = topology.nodes.map((n, i) =>
      // Each definition is looked up by the node's own kind, so the pairing is sound.
      (NODE_DEFINITIONS[n.kind].create as (node: typeof n, index: number, sim: SimContext) => NodeRuntime)(n, i, this),
    );
    this.series = new SeriesRecorder(
      sampleIntervalMs,
      this.ledger,
      topology.nodes.map((n) => n.id),
      () => this.nodeStats(),
    );
    for (const runtime of this.runtimes) runtime.start?.();
    this.openFrom.forEach((at, edge) => at > 0 && this.heap.push(at, LINK_OPEN, edge, -1));
    for (const fault of topology.faults) this.scheduleFault(fault, true);
  }

  // ---- SimContext ----

  outputs(node: number): readonly number[] {
    return this.outputsByNode[node]!;
  }

  targetOf(edge: number): number {
    return this.edgeTarget[edge]!;
  }

  sourceOf(edge: number): number {
    return this.edgeSource[edge]!;
  }

  rng(node: number): RandomStream {
    return this.nodeRngs[node]!;
  }

  runtime(node: number): NodeRuntime {
    return this.runtimes[node]!;
  }

  isDown(node: number): boolean {
    return this.down[node] === 1;
  }

  isOpen(edge: number): boolean {
    return this.now >= this.openFrom[edge]!;
  }

  admit(node: number, edge: number, msg: Message): boolean {
    const allowed = this.publishers[node];
    if (allowed === undefined || edge < 0 || allowed.has(this.edgeSource[edge]!)) return true;
    const config = this.topology.nodes[node]!.config;
    if ('acl' in config && config.acl?.onDenied === 'reject') {
      this.refused(msg);
      this.release(msg, 'rejected');
    } else {
      this.release(msg, 'lost:denied');
    }
    return false;
  }

  mayConsume(node: number, edge: number): boolean {
    const allowed = this.receivers[node];
    return allowed === undefined || allowed.has(this.edgeTarget[edge]!);
  }

  crash(node: number, restartAfterMs: number): void {
    this.scheduleFault({ atMs: this.now, action: 'crash', node: this.topology.nodes[node]!.id, restartAfterMs }, false);
  }

  send(edge: number, msg: Message, options?: SendOptions): void {
    const link = this.links[edge]!;
    if (this.cut[edge] && !link.ordered) {
      // A partition: an unordered link drops at once. An ordered one (below) carries it as
      // usual and holds it at the far end until the heal, so order is kept.
      this.release(msg, 'lost:partition');
      this.runtimes[this.edgeSource[edge]!]!.lostOnLink?.(edge, options?.deliveryTag ?? -1);
      return;
    }
    const rng = this.linkRngs[edge]!;
    // Draw loss and duplication before the latency, always, so a change of their odds
    // leaves the latency draws of the same link where they were.
    const lossDraw = rng.next();
    const duplicateDraw = rng.next();
    this.traverse(edge, msg, lossDraw < link.loss, options);
    if (duplicateDraw < link.duplication) {
      // The second copy is the same message (same id): whoever processes it again
      // processes a duplicate. It is dropped, or not, on its own.
      this.hold(msg);
      this.traverse(edge, msg, rng.next() < link.loss, options);
    }
  }

  sendQos(edge: number, msg: Message, qos: Qos, resendAfterMs: number): void {
    if (qos === 0) {
      this.send(edge, msg);
      return;
    }
    this.qosRound({ edge, msg, qos, resendAfterMs, round: 0, arrivals: 0 });
  }

  /**
   * One round of an MQ-1 exchange, at the time it really happens: the publish crosses the
   * link (lost with the link's odds, or while an unordered link is cut) and, if it arrived,
   * its acknowledgement comes back (lost with the same odds). Without an acknowledgement
   * the sender goes again after `resendAfterMs`; every traversal that arrives is a
   * delivery, and at QoS 2 the receiver keeps only the first. The sender holds the message
   * until it is acknowledged or it gives up.
   */
  private qosRound(r: QosExchange): void {
    const link = this.links[r.edge]!;
    const rng = this.linkRngs[r.edge]!;
    r.round++;
    const lostThere = rng.next() < link.loss || (this.cut[r.edge] === 1 && !link.ordered);
    if (!lostThere) {
      this.hold(r.msg);
      const env = this.traverseAt(r.edge, r.msg, undefined);
      env.protocolRepeat = r.arrivals > 0 && r.qos === 2;
      r.arrivals++;
      if (rng.next() >= link.loss) {
        this.release(r.msg);
        return;
      }
    }
    if (r.round >= MAX_QOS_ROUNDS) {
      this.release(r.msg, r.arrivals === 0 ? 'lost:link-loss' : undefined);
      return;
    }
    const slot = this.freeQosExchanges.length > 0 ? this.freeQosExchanges.pop()! : this.qosExchanges.length;
    this.qosExchanges[slot] = r;
    this.heap.push(this.now + r.resendAfterMs, RESEND, r.edge, slot);
  }

  private traverse(edge: number, msg: Message, lost: boolean, options?: SendOptions): void {
    const env = this.traverseAt(edge, msg, options);
    env.doomedBy = lost ? 'link-loss' : undefined;
  }

  /** One traversal of `edge`, leaving now. */
  private traverseAt(edge: number, msg: Message, options: SendOptions | undefined): Envelope {
    const link = this.links[edge]!;
    const rng = this.linkRngs[edge]!;
    let arriveAt = this.now + sampleDuration(link.latencyMs, rng) + (link.jitterMs > 0 ? rng.next() * link.jitterMs : 0);
    if (link.ordered) {
      if (arriveAt < this.lastArrival[edge]!) arriveAt = this.lastArrival[edge]!;
      this.lastArrival[edge] = arriveAt;
    }
    const env = this.envelope(msg, edge, this.edgeTarget[edge]!, arriveAt, true, options);
    if (this.log) {
      const kind = options?.redelivery ? 'redelivered' : (options?.deliveryTag ?? -1) >= 0 ? 'dispatched' : 'sent';
      this.log.record(this.now, kind, this.edgeSource[edge]!, edge, msg, options?.attempt ?? 0);
    }
    env.linkPos = this.onLink.length;
    this.onLink.push(env);
    return env;
  }

  schedule(delayMs: number, node: number, payload: number, tag: number): void {
    this.heap.push(this.now + delayMs, TIMER + tag, node, payload);
  }

  newMessage(producer: number, seq: number, key: string | undefined, keySeq: number, sizeBytes: number, expiresAt: number): Message {
    const msg: Message = {
      uid: this.nextUid++,
      id: this.nextMessageId++,
      producer,
      seq,
      key,
      keySeq,
      headers: undefined,
      sizeBytes,
      createdAt: this.now,
      expiresAt,
      ttlMs: Infinity,
      attempts: 0,
      redelivered: false,
      deadLetterReason: undefined,
      deaths: undefined,
      correlationId: undefined,
      replyTo: -1,
      partIndex: 0,
      partCount: 0,
      partial: false,
      carried: undefined,
      envelopes: undefined,
      priority: 0,
      qos: 0,
      retain: false,
      isCopy: false,
      persistent: this.persistentProducer[producer] === 1,
      expiryIsRetention: false,
      holders: 1,
      settled: false,
      pendingFate: undefined,
    };
    this.log?.record(this.now, 'created', producer, -1, msg, 0);
    return msg;
  }

  copyMessage(msg: Message): Message {
    this.ledger.onCopied();
    const copy: Message = {
      ...msg,
      uid: this.nextUid++,
      isCopy: true,
      attempts: 0,
      redelivered: false,
      // The parts follow the original only.
      carried: undefined,
      holders: 1,
      settled: false,
      pendingFate: undefined,
    };
    this.log?.record(this.now, 'copied', this.atNode, this.atEdge, copy, 0);
    return copy;
  }

  deriveMessage(node: number, seq: number, base: Message): Message {
    this.ledger.onCopied();
    const derived: Message = {
      ...base,
      uid: this.nextUid++,
      id: this.nextMessageId++,
      producer: node,
      seq,
      keySeq: seq,
      attempts: 0,
      redelivered: false,
      deadLetterReason: undefined,
      deaths: undefined,
      partial: false,
      carried: undefined,
      isCopy: false,
      holders: 1,
      settled: false,
      pendingFate: undefined,
    };
    this.log?.record(this.now, 'derived', node, -1, derived, 0, undefined, base.id);
    return derived;
  }

  carry(vehicle: Message, parts: readonly Message[]): void {
    if (parts.length === 0) return;
    vehicle.carried = vehicle.carried === undefined ? [...parts] : [...vehicle.carried, ...parts];
  }

  hold(msg: Message): void {
    msg.holders++;
  }

  release(msg: Message, fate?: Fate): void {
    if (fate !== undefined) msg.pendingFate = fate;
    if (--msg.holders > 0 || msg.settled) return;
    if (msg.pendingFate === undefined) {
      throw new SimulationError(`message ${msg.id} was let go by every holder with no fate (engine bug)`);
    }
    const settledAs = msg.pendingFate;
    msg.settled = true;
    this.ledger.onFate(settledAs);
    if (this.log) this.logFate(msg, settledAs);
    const carried = msg.carried;
    if (carried !== undefined) {
      msg.carried = undefined;
      for (const part of carried) this.release(part, settledAs);
    }
  }

  processed(msg: Message): boolean {
    if (msg.settled) {
      this.ledger.duplicates++;
      this.log?.record(this.now, 'duplicate', this.atNode, this.atEdge, msg, msg.attempts);
      return false;
    }
    msg.settled = true;
    this.ledger.onDelivered(this.now - msg.createdAt);
    this.log?.record(this.now, 'delivered', this.atNode, this.atEdge, msg, msg.attempts);
    const carried = msg.carried;
    if (carried !== undefined) {
      msg.carried = undefined;
      for (const part of carried) {
        this.processed(part);
        this.release(part);
      }
    }
    return true;
  }

  deadLetter(msg: Message, reason: DeadLetterReason, target: number, from: number, routingKey?: string): void {
    const copy = this.copyMessage(msg);
    copy.deadLetterReason = reason;
    copy.deaths = recordDeath(msg.deaths, from, reason);
    if (routingKey !== undefined) copy.key = routingKey;
    // The per-message expiry does not follow a dead letter (it would expire again at once).
    copy.expiresAt = Infinity;
    copy.ttlMs = Infinity;
    copy.expiryIsRetention = false;
    this.release(msg, `dead-lettered:${reason}`);
    // Moved as an event at the same instant, so a dead-letter loop is caught by the
    // per-instant cap instead of recursing.
    this.envelope(copy, -1, target, this.now, true);
  }

  sendDirect(target: number, msg: Message): void {
    this.envelope(msg, -1, target, this.now, true);
  }

  returnToProducer(msg: Message): void {
    this.observer?.returned(msg);
    this.runtimes[msg.producer]!.returnedByExchange?.();
    this.release(msg, 'rejected');
  }

  ack(queue: number, deliveryTag: number, msg: Message): void {
    this.log?.record(this.now, 'acked', queue, -1, msg, msg.attempts);
    this.runtimes[queue]!.acked?.(deliveryTag);
  }

  nack(queue: number, deliveryTag: number, requeue: boolean, msg: Message): void {
    this.log?.record(this.now, 'nacked', queue, -1, msg, msg.attempts, requeue ? 'requeue' : 'reject');
    this.runtimes[queue]!.nacked?.(deliveryTag, requeue);
  }

  refused(msg: Message): void {
    this.runtimes[msg.producer]!.refusedByQueue?.();
    if (!this.receipt) return;
    // Refused by several queues it was routed to, the publish is still nacked once.
    if (!this.receipt.nack) this.observer?.nacked?.(msg);
    this.receipt.nack = true;
  }

  confirmLater(msg: Message): void {
    if (!this.receipt) return;
    this.deferred = true;
    const list = this.waitingReceipts.get(msg.uid);
    if (list) list.push(this.receipt);
    else this.waitingReceipts.set(msg.uid, [this.receipt]);
  }

  publishSettled(msg: Message, accepted: boolean): void {
    const list = this.waitingReceipts.get(msg.uid);
    const receipt = list?.shift();
    if (!receipt) return;
    if (list!.length === 0) this.waitingReceipts.delete(msg.uid);
    // A publish dropped by a crash before it was accepted is never confirmed.
    if (!accepted) receipt.silent = true;
    this.settleReceipt(receipt);
  }

  /** One part of a publish is done with; when every part is, the confirm goes back (a nack if any part was refused). */
  private settleReceipt(receipt: Receipt): void {
    if (--receipt.pending > 0 || receipt.silent) return;
    this.confirm(receipt.edge, receipt.producer, receipt.uid, receipt.nack);
  }

  // ---- running ----

  /** Sim time of the next event; Infinity when nothing is scheduled. */
  get nextEventTime(): number {
    return Math.min(this.heap.peekTime(), this.nextFaultTime());
  }

  get finished(): boolean {
    return this.heap.size === 0 && this.pendingFaults.length === 0;
  }

  private nextFaultTime(): number {
    return this.pendingFaults[0]?.fault.atMs ?? Infinity;
  }

  /** Process one event. Returns false when there is none. */
  step(): boolean {
    const ev = this.popped;
    let fault: Fault | undefined;
    if (this.nextFaultTime() < this.heap.peekTime()) {
      fault = this.pendingFaults.shift()!.fault;
      ev.time = fault.atMs;
      ev.kind = FAULT;
      [ev.a, ev.b] = this.faultTrace(fault);
    } else if (!this.heap.pop(ev)) return false;
    if (ev.time === this.instant) {
      if (++this.eventsThisInstant > MAX_EVENTS_PER_INSTANT) {
        const nodes = [...this.runawayNodes].map((i) => `"${this.topology.nodes[i]!.id}"`).join(', ');
        throw new SimulationError(
          `more than ${MAX_EVENTS_PER_INSTANT.toLocaleString('en-US')} events at t = ${ev.time} ms among ${nodes}: ` +
            'a loop or fan-out with zero delay never lets time advance',
        );
      }
    } else {
      this.instant = ev.time;
      this.eventsThisInstant = 1;
      // Only filled near the cap; clearing an empty set on every instant costs a tenth of a run.
      if (this.runawayNodes.size > 0) this.runawayNodes.clear();
    }
    this.series.catchUp(ev.time, false);
    this.now = ev.time;
    this.events++;
    this.trace.add(ev.time, ev.kind, ev.a, ev.b);
    if (this.eventsThisInstant > MAX_EVENTS_PER_INSTANT - 1000 && (ev.kind === ARRIVE || ev.kind >= TIMER)) {
      this.runawayNodes.add(ev.kind === ARRIVE ? this.live[ev.b]!.target : ev.a);
    }
    if (this.log) this.locate(ev.kind, ev.a, ev.b, fault !== undefined);
    if (ev.kind === ARRIVE) this.arrive(ev.b);
    else if (fault) this.applyFault(fault);
    else if (ev.kind === PARTITION_TIMEOUT) this.partitionTimeout(ev.a);
    else if (ev.kind === LINK_OPEN) this.runtimes[this.edgeSource[ev.a]!]!.outputUp?.(ev.a);
    else if (ev.kind === RESEND) {
      const exchange = this.qosExchanges[ev.b]!;
      this.qosExchanges[ev.b] = undefined;
      this.freeQosExchanges.push(ev.b);
      this.qosRound(exchange);
    }
    else this.runtimes[ev.a]!.timer?.(ev.b, ev.kind - TIMER);
    return true;
  }

  /**
   * Process events up to and including sim time `untilMs`, at most `maxEvents` of them.
   * When every event up to `untilMs` is done the clock moves to `untilMs`.
   * Returns the number of events processed.
   */
  runUntil(untilMs: number, maxEvents = Infinity): number {
    let n = 0;
    while (n < maxEvents && this.nextEventTime <= untilMs) {
      this.step();
      n++;
    }
    if (this.nextEventTime > untilMs) {
      // Every event up to untilMs has run: samples up to it are complete.
      this.series.catchUp(untilMs, true);
      if (untilMs > this.now) this.now = untilMs;
    }
    return n;
  }

  /**
   * Apply a fault now (a live action from the UI); it joins the run's schedule, so the
   * schedule it returns replays the same run.
   */
  injectFault(fault: Fault): void {
    this.scheduleFault({ ...fault, atMs: this.now }, true);
  }

  /** Every fault scheduled so far, the file's and those added live, in order of scheduling. */
  faultSchedule(): readonly Fault[] {
    return this.givenFaults;
  }

  /** Node indices currently crashed. */
  downNodes(): number[] {
    return indicesOf(this.down);
  }

  /** Edge indices currently cut. */
  cutEdges(): number[] {
    return indicesOf(this.cut);
  }

  traceHash(): string {
    return this.trace.digest();
  }

  nodeStats(): NodeStats[] {
    return this.runtimes.map((r) => r.stats());
  }

  /**
   * What node `nodeId` holds now, message by message (up to `limit`), with each one's
   * attempts and redelivered flag; undefined for a node id not in the topology.
   */
  heldMessages(nodeId: string, limit: number): NodeMessages | undefined {
    const index = this.topology.nodes.findIndex((n) => n.id === nodeId);
    if (index < 0) return undefined;
    const held = this.runtimes[index]!.held?.(limit) ?? { counts: {}, entries: [] };
    let total = 0;
    for (const n of Object.values(held.counts)) total += n;
    return {
      node: nodeId,
      simTimeMs: this.now,
      counts: held.counts,
      messages: held.entries.map((entry) => this.messageView(entry)),
      truncated: total > held.entries.length,
    };
  }

  private messageView({ msg, state, edge, ackDeadline, attempt, redelivered }: HeldMessage): MessageView {
    const view: MessageView = {
      id: msg.id,
      copy: msg.isCopy,
      producer: this.topology.nodes[msg.producer]!.id,
      seq: msg.seq,
      key: msg.key ?? null,
      headers: { ...msg.headers },
      sizeBytes: msg.sizeBytes,
      createdAtMs: msg.createdAt,
      expiresAtMs: Number.isFinite(msg.expiresAt) ? msg.expiresAt : null,
      attempts: attempt ?? msg.attempts,
      redelivered: redelivered ?? msg.redelivered,
      deadLetterReason: msg.deadLetterReason ?? null,
      priority: msg.priority,
      deaths: (msg.deaths ?? []).map((d) => ({ queue: this.topology.nodes[d.queue]!.id, reason: d.reason, count: d.count })),
      state,
    };
    if (edge !== undefined) view.consumer = this.topology.nodes[this.edgeTarget[edge]!]!.id;
    if (ackDeadline !== undefined) view.ackDeadlineMs = Number.isFinite(ackDeadline) ? ackDeadline : null;
    if (msg.correlationId !== undefined) view.correlationId = msg.correlationId;
    if (msg.partIndex > 0) view.part = `${msg.partIndex}/${msg.partCount}`;
    if (msg.partial) view.partial = true;
    return view;
  }

  /**
   * Start the event log (the app's log panel and message traces): the run's last
   * `capacity` events from now on. Runs without it (the CLI, the benchmark) pay one check
   * per event.
   */
  recordEvents(capacity: number): void {
    this.log ??= new EventLog(capacity);
  }

  /** A page of the logged events matching `query` (see EventLog.page); undefined without a log. */
  loggedEvents(query: EventQuery, offset: number, limit: number): EventPage | undefined {
    if (!this.log) return undefined;
    const node = query.node === undefined ? undefined : this.topology.nodes.findIndex((n) => n.id === query.node);
    return this.log.page({ node, fate: query.fate, reason: query.reason }, offset, limit, this.logNames());
  }

  /** Message `id`'s history as the log holds it; undefined without a log. */
  messageTrace(id: number): MessageTrace | undefined {
    return this.log?.trace(id, this.logNames());
  }

  /** Message id of each dot of `dots()`, in the same order. */
  dotMessages(): Float64Array {
    return Float64Array.from(this.onLink, (e) => e.msg.id);
  }

  /** Messages on links as DOT_STRIDE floats each: edge index, progress 0..1, colour class. */
  dots(): Float32Array {
    const out = new Float32Array(this.onLink.length * DOT_STRIDE);
    for (let i = 0; i < this.onLink.length; i++) {
      const e = this.onLink[i]!;
      const span = e.arriveAt - e.departAt;
      const progress = span > 0 ? (this.now - e.departAt) / span : 1;
      out[i * DOT_STRIDE] = e.edge;
      out[i * DOT_STRIDE + 1] = progress < 0 ? 0 : progress > 1 ? 1 : progress;
      out[i * DOT_STRIDE + 2] = e.redelivery ? DOT_REDELIVERED : e.msg.isCopy ? DOT_COPY : DOT_NORMAL;
    }
    return out;
  }

  // ---- internals ----

  /** A new envelope; `scheduled` puts its arrival in the heap (a parked one waits instead). */
  private envelope(
    msg: Message,
    edge: number,
    target: number,
    arriveAt: number,
    scheduled: boolean,
    options?: SendOptions,
  ): Envelope {
    const deliveryTag = options?.deliveryTag ?? -1;
    const redelivery = options?.redelivery ?? false;
    const attempt = options?.attempt ?? 0;
    const confirmTo = options?.confirm ? this.edgeSource[edge]! : -1;
    // An exchange passing a confirmed publish on: the confirm waits for this part too.
    const receipt = this.forwarding ? this.receipt : undefined;
    if (receipt) receipt.pending++;
    let env: Envelope;
    if (this.freeSlots.length > 0) {
      env = this.live[this.freeSlots.pop()!]!;
      env.msg = msg;
      env.edge = edge;
      env.target = target;
      env.departAt = this.now;
      env.arriveAt = arriveAt;
      env.linkPos = -1;
      env.doomedBy = undefined;
      env.holdUntil = Infinity;
      env.protocolRepeat = false;
      env.deliveryTag = deliveryTag;
      env.redelivery = redelivery;
      env.attempt = attempt;
      env.confirmTo = confirmTo;
      env.receipt = receipt;
    } else {
      env = {
        slot: this.live.length,
        msg,
        edge,
        target,
        departAt: this.now,
        arriveAt,
        linkPos: -1,
        doomedBy: undefined,
        holdUntil: Infinity,
        protocolRepeat: false,
        deliveryTag,
        redelivery,
        attempt,
        confirmTo,
        receipt,
      };
      this.live.push(env);
    }
    if (scheduled) this.heap.push(arriveAt, ARRIVE, edge, env.slot);
    return env;
  }

  /** Frees the envelope's slot: read nothing from it afterwards, the next traversal reuses it. */
  private freeEnvelope(env: Envelope): void {
    this.freeSlots.push(env.slot);
  }

  private arrive(slot: number): void {
    const env = this.live[slot]!;
    if (env.linkPos >= 0) this.takeOffLink(env);
    const { msg, edge, target, doomedBy, deliveryTag, redelivery, attempt, confirmTo, protocolRepeat } = env;
    if (edge >= 0 && this.cut[edge] && this.links[edge]!.ordered && !doomedBy) {
      // Cut while on its way: TCP does not give up at once; it waits for the heal.
      this.park(env);
      return;
    }
    this.freeEnvelope(env);
    this.atNode = target;
    this.atEdge = edge;
    // A publish from a producer that wants a confirm starts one; a part an exchange passed on carries its own.
    const receipt: Receipt | undefined =
      confirmTo >= 0 ? { edge, producer: confirmTo, uid: msg.uid, pending: 1, nack: false, silent: false } : env.receipt;
    if (edge >= 0 && this.down[target] && !doomedBy && !protocolRepeat && this.runtimes[this.edgeSource[edge]!]!.undeliverable?.(edge, msg)) {
      // The sender took it back (an MQTT broker keeping a persistent session's message).
      if (receipt && confirmTo < 0) this.settleReceipt(receipt);
      return;
    }
    if (doomedBy || this.down[target] || protocolRepeat) {
      if (doomedBy) {
        this.release(msg, `lost:${doomedBy}`);
        if (edge >= 0) this.runtimes[this.edgeSource[edge]!]!.lostOnLink?.(edge, deliveryTag);
      } else if (this.down[target]) this.release(msg, this.topology.nodes[target]!.kind === 'consumer' ? 'lost:consumer-crash' : 'lost:crash');
      else {
        // QoS 2: the receiver already has this packet id and does not take it again.
        this.ledger.duplicatesSuppressed++;
        this.release(msg);
      }
      // Lost on the way to its first hop: nothing comes back. A part lost beyond it is done with.
      if (receipt && confirmTo < 0) this.settleReceipt(receipt);
      return;
    }
    this.log?.record(this.now, 'arrived', target, edge, msg, attempt);
    this.receipt = receipt;
    this.deferred = false;
    this.forwarding = receipt !== undefined && this.runtimes[target]!.kind === 'exchange';
    try {
      this.runtimes[target]!.receive(msg, edge, deliveryTag, redelivery, attempt);
    } finally {
      this.receipt = undefined;
      this.forwarding = false;
    }
    if (receipt && !this.deferred) this.settleReceipt(receipt);
  }

  /**
   * A publisher confirm travels back over the same link, with the link's latency and its
   * loss: a lost confirm is what makes a retrying producer send a duplicate.
   */
  private confirm(edge: number, producer: number, uid: number, nack: boolean): void {
    const link = this.links[edge]!;
    const rng = this.linkRngs[edge]!;
    const lost = rng.next() < link.loss;
    const delay = sampleDuration(link.latencyMs, rng);
    if (!lost && !this.cut[edge]) this.schedule(delay, producer, uid, nack ? CONFIRM_NACK : CONFIRM_ACK);
  }

  private park(env: Envelope): void {
    let list = this.parked.get(env.edge);
    if (!list) this.parked.set(env.edge, (list = new Fifo<Envelope>()));
    env.holdUntil = this.now + this.links[env.edge]!.partitionHoldMs;
    // One pending partition timer per edge; one left from before a heal still serves.
    if (this.partitionTimerAt[env.edge] === Infinity) {
      this.partitionTimerAt[env.edge] = env.holdUntil;
      this.heap.push(env.holdUntil, PARTITION_TIMEOUT, env.edge, -1);
    }
    list.push(env);
  }

  private partitionTimeout(edge: number): void {
    const list = this.parked.get(edge)!;
    while (list.size > 0 && list.peek()!.holdUntil <= this.now) {
      const env = list.shift()!;
      this.release(env.msg, 'lost:partition');
      this.runtimes[this.edgeSource[edge]!]!.lostOnLink?.(edge, env.deliveryTag);
      if (env.receipt && env.confirmTo < 0) this.settleReceipt(env.receipt);
      this.freeEnvelope(env);
    }
    this.partitionTimerAt[edge] = Infinity;
    const next = list.peek();
    if (next) {
      this.partitionTimerAt[edge] = next.holdUntil;
      this.heap.push(next.holdUntil, PARTITION_TIMEOUT, edge, -1);
    }
  }

  /**
   * Pending faults run in order of (time, when they came to be, given after derived,
   * order added). A given fault counts as coming to be at its own time — as if injected
   * live then, after everything else at that instant — so a live injection and the same
   * fault replayed from the schedule land in the same place.
   */
  private scheduleFault(fault: Fault, given: boolean): void {
    if (given) this.givenFaults.push(fault);
    const atMs = Math.max(fault.atMs, this.now);
    const entry: PendingFault = { fault: { ...fault, atMs }, createdAt: given ? atMs : this.now, given, seq: this.faultsScheduled++ };
    const before = (a: PendingFault, b: PendingFault): boolean => {
      if (a.fault.atMs !== b.fault.atMs) return a.fault.atMs < b.fault.atMs;
      if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
      if (a.given !== b.given) return !a.given;
      return a.seq < b.seq;
    };
    let i = this.pendingFaults.length;
    while (i > 0 && before(entry, this.pendingFaults[i - 1]!)) i--;
    this.pendingFaults.splice(i, 0, entry);
  }

  /** A fault's identity for the trace: what it does to which node or edge (not its list position). */
  private faultTrace(fault: Fault): [number, number] {
    switch (fault.action) {
      case 'crash':
        return [0, this.nodeIndex(fault.node)];
      case 'restart':
        return [1, this.nodeIndex(fault.node)];
      case 'cut':
        return [2, this.edgeIndex(fault.edge)];
      case 'heal':
        return [3, this.edgeIndex(fault.edge)];
    }
  }

  private applyFault(fault: Fault): void {
    switch (fault.action) {
      case 'crash': {
        const node = this.nodeIndex(fault.node);
        if (fault.restartAfterMs !== undefined) this.scheduleFault({ atMs: this.now + fault.restartAfterMs, action: 'restart', node: fault.node }, false);
        if (this.down[node]) return;
        this.down[node] = 1;
        // Envelopes still on their way from it are already sent; what it held is its own business.
        this.runtimes[node]!.crash?.();
        for (const edge of this.inputsOf(node)) this.runtimes[this.edgeSource[edge]!]!.outputDown?.(edge);
        for (const edge of this.outputsByNode[node]!) this.runtimes[this.edgeTarget[edge]!]!.inputDown?.(edge);
        return;
      }
      case 'restart': {
        const node = this.nodeIndex(fault.node);
        if (!this.down[node]) return;
        this.down[node] = 0;
        this.runtimes[node]!.restart?.();
        for (const edge of this.inputsOf(node)) this.runtimes[this.edgeSource[edge]!]!.outputUp?.(edge);
        for (const edge of this.outputsByNode[node]!) this.runtimes[this.edgeTarget[edge]!]!.inputUp?.(edge);
        return;
      }
      case 'cut': {
        const edge = this.edgeIndex(fault.edge);
        if (fault.healAfterMs !== undefined) this.scheduleFault({ atMs: this.now + fault.healAfterMs, action: 'heal', edge: fault.edge }, false);
        if (this.cut[edge]) return;
        this.cut[edge] = 1;
        // What is on an unordered link when it is cut never arrives.
        if (!this.links[edge]!.ordered) for (const env of this.onLink) if (env.edge === edge) env.doomedBy ??= 'partition';
        this.runtimes[this.edgeTarget[edge]!]!.inputDown?.(edge);
        return;
      }
      case 'heal': {
        const edge = this.edgeIndex(fault.edge);
        if (!this.cut[edge]) return;
        this.cut[edge] = 0;
        const list = this.parked.get(edge);
        // Held messages already crossed the link: they arrive now, in the order they were
        // sent, ahead of anything still on its way.
        while (list && list.size > 0) {
          const env = list.shift()!;
          env.arriveAt = this.now;
          this.heap.push(this.now, ARRIVE, edge, env.slot);
        }
        this.runtimes[this.edgeTarget[edge]!]!.inputUp?.(edge);
        return;
      }
    }
  }

  /**
   * Node `nodeId` takes `config` (same kind, validated) from now on. Returns the name of a
   * changed setting that cannot apply mid-run (nothing changed then; a fresh run is needed),
   * or undefined when it applied. Not part of the fault schedule: a run started from t = 0
   * after this has the new config from its start.
   */
  reconfigure(nodeId: string, config: object): string | undefined {
    const i = this.nodeIndex(nodeId);
    const runtime = this.runtimes[i]!;
    if (runtime.reconfigure) return runtime.reconfigure(config);
    return settingNeedingReset(this.topology.nodes[i]!.config, config, NO_LIVE_SETTINGS);
  }

  /**
   * Edge `edgeId` takes link settings `link` from now on: latency, jitter, loss and
   * duplication are drawn per traversal, so what is already on the link keeps its draw.
   * Returns `ordered` when that changed (what is in flight was ordered by the old rule), else
   * undefined.
   */
  relink(edgeId: string, link: LinkConfig): string | undefined {
    const edge = this.edgeIndex(edgeId);
    if (link.ordered !== this.links[edge]!.ordered) return 'ordered';
    this.links[edge] = link;
    return undefined;
  }

  private nodeIndex(id: string): number {
    const i = this.topology.nodes.findIndex((n) => n.id === id);
    if (i < 0) throw new SimulationError(`fault names node "${id}", which does not exist`);
    return i;
  }

  private edgeIndex(id: string): number {
    const i = this.topology.edges.findIndex((e) => e.id === id);
    if (i < 0) throw new SimulationError(`fault names edge "${id}", which does not exist`);
    return i;
  }

  private inputsOf(node: number): number[] {
    const out: number[] = [];
    for (let e = 0; e < this.edgeTarget.length; e++) if (this.edgeTarget[e] === node) out.push(e);
    return out;
  }

  private logNames(): { nodes: string[]; edges: string[] } {
    return { nodes: this.topology.nodes.map((n) => n.id), edges: this.topology.edges.map((e) => e.id) };
  }

  /** Where an event of the heap (or a fault) happens, for the log; an arrival sets its own in `arrive`. */
  private locate(kind: number, a: number, b: number, fault: boolean): void {
    this.atEdge = -1;
    if (fault) this.atNode = a <= 1 ? b : this.edgeSource[b]!;
    else if (kind >= TIMER) this.atNode = a;
    else if (kind === PARTITION_TIMEOUT || kind === RESEND || kind === LINK_OPEN) this.atNode = this.edgeSource[a]!;
    else this.atNode = -1;
  }

  private logFate(msg: Message, fate: Fate): void {
    const log = this.log!;
    if (fate === 'rejected') log.record(this.now, 'rejected', this.atNode, this.atEdge, msg, msg.attempts);
    else if (fate.startsWith('lost:')) log.record(this.now, 'lost', this.atNode, this.atEdge, msg, msg.attempts, fate.slice(5));
    else log.record(this.now, 'dead-lettered', this.atNode, this.atEdge, msg, msg.attempts, fate.slice(14));
  }

  private takeOffLink(env: Envelope): void {
    const last = this.onLink.pop()!;
    if (last !== env) {
      this.onLink[env.linkPos] = last;
      last.linkPos = env.linkPos;
    }
    env.linkPos = -1;
  }
}

/** A QoS 1 or 2 publish in progress between a sender and a receiver (MQ-1). */
interface QosExchange {
  edge: number;
  msg: Message;
  qos: Qos;
  resendAfterMs: number;
  /** Rounds done so far. */
  round: number;
  /** Traversals that arrived (the first is the delivery; at QoS 2 the others are dropped). */
  arrivals: number;
}

interface PendingFault {
  fault: Fault;
  /** When it came to be: now for a live or derived fault, its own time for a given one. */
  createdAt: number;
  given: boolean;
  seq: number;
}

/** The x-death records after one more dead-lettering at `queue`: its record counted up and moved to the front. */
function recordDeath(deaths: readonly Death[] | undefined, queue: number, reason: DeadLetterReason): Death[] {
  const previous = deaths?.find((d) => d.queue === queue && d.reason === reason);
  const others = deaths?.filter((d) => d !== previous) ?? [];
  return [{ queue, reason, count: (previous?.count ?? 0) + 1 }, ...others];
}

function indicesOf(flags: Uint8Array): number[] {
  const out: number[] = [];
  flags.forEach((flag, i) => flag && out.push(i));
  return out;
}
