import type { LinkConfig, Topology } from '../model/index.ts';
import { sampleDuration } from './core/distributions.ts';
import { EventHeap, newPoppedEvent } from './core/heap.ts';
import { RandomStream } from './core/random.ts';
import { TraceHash } from './core/trace-hash.ts';
import { Ledger, type LostReason } from './ledger/ledger.ts';
import type { Message } from './message.ts';
import type { NodeRuntime, SimContext } from './nodes/node.ts';
import { NODE_DEFINITIONS } from './nodes/registry.ts';
import { DOT_COPY, DOT_NORMAL, DOT_STRIDE, type NodeStats } from './session-types.ts';

/** Event kinds in the heap. Timers carry the node's tag above TIMER. */
const ARRIVE = 1;
const TIMER = 8;

/**
 * More events than this at one instant means a zero-delay loop or a runaway fan-out;
 * the run stops with an error instead of hanging the worker.
 */
export const MAX_EVENTS_PER_INSTANT = 1_000_000;

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

  private readonly heap = new EventHeap();
  private readonly popped = newPoppedEvent();
  private readonly trace = new TraceHash();
  private readonly runtimes: NodeRuntime[];
  private readonly nodeRngs: RandomStream[];
  private readonly linkRngs: RandomStream[];
  private readonly links: LinkConfig[];
  private readonly edgeTarget: Int32Array;
  private readonly outputsByNode: number[][];
  /** Latest arrival time per edge, so ordered links never overtake. */
  private readonly lastArrival: Float64Array;
  /** Live messages by slot; freed slots are reused. */
  private readonly live: (Message | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Messages currently on a link, for drawing. */
  private readonly onLink: Message[] = [];
  private nextMessageId = 0;
  private instant = -1;
  private eventsThisInstant = 0;

  constructor(topology: Topology, seed: number = topology.seed) {
    this.topology = topology;
    this.seed = seed;
    const indexById = new Map(topology.nodes.map((n, i) => [n.id, i]));
    this.outputsByNode = topology.nodes.map(() => []);
    this.edgeTarget = new Int32Array(topology.edges.length);
    this.lastArrival = new Float64Array(topology.edges.length);
    topology.edges.forEach((e, i) => {
      const source = indexById.get(e.source);
      const target = indexById.get(e.target);
      if (source === undefined || target === undefined) {
        throw new SimulationError(`edge "${e.id}" connects a node that does not exist`);
      }
      this.outputsByNode[source]!.push(i);
      this.edgeTarget[i] = target;
    });
    this.links = topology.edges.map((e) => e.link);
    this.linkRngs = topology.edges.map((e) => new RandomStream(seed, `link:${e.id}`));
    this.nodeRngs = topology.nodes.map((n) => new RandomStream(seed, `node:${n.id}`));
    this.runtimes = topology.nodes.map((n, i) =>
      // Each definition is looked up by the node's own kind, so the pairing is sound.
      (NODE_DEFINITIONS[n.kind].create as (node: typeof n, index: number, sim: SimContext) => NodeRuntime)(n, i, this),
    );
    for (const runtime of this.runtimes) runtime.start?.();
  }

  // ---- SimContext ----

  outputs(node: number): readonly number[] {
    return this.outputsByNode[node]!;
  }

  targetOf(edge: number): number {
    return this.edgeTarget[edge]!;
  }

  rng(node: number): RandomStream {
    return this.nodeRngs[node]!;
  }

  runtime(node: number): NodeRuntime {
    return this.runtimes[node]!;
  }

  send(edge: number, msg: Message): void {
    const link = this.links[edge]!;
    const rng = this.linkRngs[edge]!;
    // Draw the loss before the latency, always, so a change of loss odds leaves the
    // latency draws of the same link where they were.
    const lossDraw = rng.next();
    let arriveAt = this.now + sampleDuration(link.latencyMs, rng);
    if (link.ordered) {
      if (arriveAt < this.lastArrival[edge]!) arriveAt = this.lastArrival[edge]!;
      this.lastArrival[edge] = arriveAt;
    }
    msg.edge = edge;
    msg.departAt = this.now;
    msg.arriveAt = arriveAt;
    msg.doomed = lossDraw < link.loss;
    msg.linkPos = this.onLink.length;
    this.onLink.push(msg);
    this.heap.push(arriveAt, ARRIVE, edge, msg.slot);
  }

  schedule(delayMs: number, node: number, msg: Message | undefined, tag = 0): void {
    this.heap.push(this.now + delayMs, TIMER + tag, node, msg ? msg.slot : -1);
  }

  newMessage(producer: number, seq: number, key: string | undefined, sizeBytes: number): Message {
    return this.register({
      slot: -1,
      id: this.nextMessageId++,
      copy: 0,
      producer,
      seq,
      key,
      sizeBytes,
      createdAt: this.now,
      attempts: 0,
      edge: -1,
      departAt: 0,
      arriveAt: 0,
      linkPos: -1,
      doomed: false,
      heldBy: -1,
      heldOutput: -1,
    });
  }

  copyMessage(msg: Message): Message {
    this.ledger.onCopied();
    return this.register({ ...msg, slot: -1, copy: msg.copy + 1, edge: -1, linkPos: -1, doomed: false, heldBy: -1, heldOutput: -1 });
  }

  delivered(msg: Message): void {
    this.ledger.onDelivered(this.now - msg.createdAt);
    this.release(msg);
  }

  lost(msg: Message, reason: LostReason): void {
    this.ledger.onLost(reason);
    this.release(msg);
  }

  ack(msg: Message): void {
    this.runtimes[msg.heldBy]!.acked?.(msg);
  }

  // ---- running ----

  /** Sim time of the next event; Infinity when nothing is scheduled. */
  get nextEventTime(): number {
    return this.heap.peekTime();
  }

  get finished(): boolean {
    return this.heap.size === 0;
  }

  /** Process one event. Returns false when there is none. */
  step(): boolean {
    const ev = this.popped;
    if (!this.heap.pop(ev)) return false;
    if (ev.time === this.instant) {
      if (++this.eventsThisInstant > MAX_EVENTS_PER_INSTANT) {
        throw new SimulationError(
          `more than ${MAX_EVENTS_PER_INSTANT.toLocaleString('en-US')} events at t = ${ev.time} ms: ` +
            'a loop or fan-out with zero delay never lets time advance',
        );
      }
    } else {
      this.instant = ev.time;
      this.eventsThisInstant = 1;
    }
    this.now = ev.time;
    this.events++;
    this.trace.add(ev.time, ev.kind, ev.a, ev.b);
    const msg = ev.b >= 0 ? this.live[ev.b] : undefined;
    if (ev.kind === ARRIVE) {
      this.arrive(ev.a, msg!);
    } else {
      this.runtimes[ev.a]!.timer?.(msg, ev.kind - TIMER);
    }
    return true;
  }

  /**
   * Process events up to and including sim time `untilMs`, at most `maxEvents` of them.
   * When every event up to `untilMs` is done the clock moves to `untilMs`.
   * Returns the number of events processed.
   */
  runUntil(untilMs: number, maxEvents = Infinity): number {
    let n = 0;
    while (n < maxEvents && this.heap.peekTime() <= untilMs) {
      this.step();
      n++;
    }
    if (this.heap.peekTime() > untilMs && untilMs > this.now) this.now = untilMs;
    return n;
  }

  traceHash(): string {
    return this.trace.digest();
  }

  nodeStats(): NodeStats[] {
    return this.runtimes.map((r) => r.stats());
  }

  /** Messages on links as DOT_STRIDE floats each: edge index, progress 0..1, colour class. */
  dots(): Float32Array {
    const out = new Float32Array(this.onLink.length * DOT_STRIDE);
    for (let i = 0; i < this.onLink.length; i++) {
      const m = this.onLink[i]!;
      const span = m.arriveAt - m.departAt;
      const progress = span > 0 ? (this.now - m.departAt) / span : 1;
      out[i * DOT_STRIDE] = m.edge;
      out[i * DOT_STRIDE + 1] = progress < 0 ? 0 : progress > 1 ? 1 : progress;
      out[i * DOT_STRIDE + 2] = m.copy > 0 ? DOT_COPY : DOT_NORMAL;
    }
    return out;
  }

  // ---- internals ----

  private arrive(edge: number, msg: Message): void {
    this.takeOffLink(msg);
    if (msg.doomed) {
      msg.doomed = false;
      // A queue waiting for this message's ack would otherwise hold the slot forever.
      if (msg.heldBy >= 0) this.ack(msg);
      this.lost(msg, 'link-loss');
      return;
    }
    this.runtimes[this.edgeTarget[edge]!]!.receive(msg, edge);
  }

  private takeOffLink(msg: Message): void {
    const last = this.onLink.pop()!;
    if (last !== msg) {
      this.onLink[msg.linkPos] = last;
      last.linkPos = msg.linkPos;
    }
    msg.edge = -1;
    msg.linkPos = -1;
  }

  private register(msg: Message): Message {
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.live.length;
    msg.slot = slot;
    this.live[slot] = msg;
    return msg;
  }

  private release(msg: Message): void {
    this.live[msg.slot] = undefined;
    this.freeSlots.push(msg.slot);
    msg.slot = -1;
  }
}
