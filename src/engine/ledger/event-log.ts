import type { Message } from '../message.ts';
import type { EventPage, MessageTrace, TraceEvent, TraceEventKind, TraceFate, TraceHop } from '../session-types.ts';

/** Event kinds by code (the ring stores the code). */
const KINDS: readonly TraceEventKind[] = [
  'created',
  'copied',
  'derived',
  'sent',
  'dispatched',
  'redelivered',
  'arrived',
  'acked',
  'nacked',
  'delivered',
  'duplicate',
  'lost',
  'dead-lettered',
  'rejected',
];
/** A plain object, not a Map: recording looks a kind up on every event. */
const KIND_CODE = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<TraceEventKind, number>;
const FATE_KINDS: ReadonlySet<TraceEventKind> = new Set<TraceEventKind>(['delivered', 'lost', 'dead-lettered', 'rejected']);

/** Names of nodes and links by index, to turn the ring's numbers into rows. */
export interface EventLogNames {
  nodes: readonly string[];
  edges: readonly string[];
}

/** What a page asks for, in the log's own terms (indices, codes); undefined: any. */
export interface EventFilter {
  node?: number;
  fate?: TraceFate;
  reason?: string;
}

const NO_REASON = 0;
const EMPTY_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The run's recent events, in a ring of fixed size: memory stays bounded however long the
 * run, and recording an event is a few typed-array writes. When the ring is full the
 * oldest event is overwritten. A message's trace is answered from the ring, so a message
 * whose first events were overwritten gets a trace that says it starts part way.
 *
 * Each event keeps the headers the copy carried then (a translator may replace them
 * later), by reference, let go when the slot is overwritten; it keeps no reference to the
 * message itself, which would keep every logged message alive past its young-generation
 * collection (a tenth of the engine's speed in the benchmark).
 */
export class EventLog {
  readonly capacity: number;
  /** Events recorded in the run, including those overwritten since. */
  recorded = 0;
  /** The slot the next event goes to. */
  private next = 0;
  private readonly time: Float64Array;
  private readonly kind: Uint8Array;
  private readonly node: Int32Array;
  private readonly edge: Int32Array;
  private readonly attempt: Int32Array;
  private readonly reason: Uint16Array;
  /** `derived`: the id of the message it was made from; else -1. */
  private readonly from: Float64Array;
  /** The message id and the copy's uid. */
  private readonly ids: Float64Array;
  private readonly uids: Float64Array;
  /** `created` and `derived` only: the message's key (what its trace starts with). */
  private readonly keys: (string | undefined)[];
  private readonly headers: (Readonly<Record<string, string>> | undefined)[];
  /** Reason strings by code; code 0 is "none". */
  private readonly reasons: string[] = [''];
  private readonly reasonCode = new Map<string, number>();

  constructor(capacity: number) {
    this.capacity = capacity;
    this.time = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.node = new Int32Array(capacity);
    this.edge = new Int32Array(capacity);
    this.attempt = new Int32Array(capacity);
    this.reason = new Uint16Array(capacity);
    this.from = new Float64Array(capacity);
    this.ids = new Float64Array(capacity);
    this.uids = new Float64Array(capacity);
    this.keys = new Array<string | undefined>(capacity);
    this.headers = new Array<Readonly<Record<string, string>> | undefined>(capacity);
  }

  record(t: number, kind: TraceEventKind, node: number, edge: number, msg: Message, attempt: number, reason?: string, from = -1): void {
    const i = this.next;
    this.next = i + 1 === this.capacity ? 0 : i + 1;
    this.recorded++;
    this.time[i] = t;
    this.kind[i] = KIND_CODE[kind];
    this.node[i] = node;
    this.edge[i] = edge;
    // A trace starts at `created` or `derived`, which have no attempt: the slot keeps the producer's sequence number.
    const start = kind === 'created' || kind === 'derived';
    this.attempt[i] = start ? msg.seq : attempt;
    this.keys[i] = start ? msg.key : undefined;
    this.reason[i] = reason === undefined ? NO_REASON : this.codeOf(reason);
    this.from[i] = from;
    this.ids[i] = msg.id;
    this.uids[i] = msg.uid;
    this.headers[i] = msg.headers;
  }

  /** Events the ring holds now. */
  get size(): number {
    return Math.min(this.recorded, this.capacity);
  }

  /**
   * The matches of `filter`, oldest first, from `offset` among them (a negative offset
   * counts from the end: -limit is the last page), at most `limit`.
   */
  page(filter: EventFilter, offset: number, limit: number, names: EventLogNames): EventPage {
    const reasonCode = filter.reason === undefined ? undefined : (this.reasonCode.get(filter.reason) ?? -1);
    const fateCode = filter.fate === undefined ? undefined : KIND_CODE[filter.fate];
    const matches: number[] = [];
    this.forEach((slot) => {
      if (filter.node !== undefined && this.node[slot] !== filter.node) return;
      if (fateCode !== undefined && this.kind[slot] !== fateCode) return;
      if (reasonCode !== undefined && this.reason[slot] !== reasonCode) return;
      matches.push(slot);
    });
    const start = Math.max(0, offset < 0 ? matches.length + offset : Math.min(offset, matches.length));
    const slots = matches.slice(start, start + limit);
    return {
      total: matches.length,
      offset: start,
      events: slots.map((slot) => this.row(slot, names)),
      reasons: this.reasons.slice(1).sort(),
      forgotten: this.recorded - this.size,
    };
  }

  /** Every event of message `id` and its copies that the ring holds, oldest first. */
  trace(id: number, names: EventLogNames): MessageTrace {
    const hops: TraceHop[] = [];
    // The slot it starts at, when the ring still holds it: made by a producer, or from another message.
    let start = -1;
    this.forEach((slot) => {
      if (this.ids[slot] !== id) return;
      if (hops.length === 0) {
        const kind = KINDS[this.kind[slot]!];
        if (kind === 'created' || kind === 'derived') start = slot;
      }
      hops.push({ ...this.row(slot, names), headers: { ...(this.headers[slot] ?? EMPTY_HEADERS) } });
    });
    const fates = hops.filter((hop) => FATE_KINDS.has(hop.kind));
    const complete = start >= 0;
    return {
      id,
      producer: complete ? (names.nodes[this.node[start]!] ?? null) : null,
      seq: complete ? this.attempt[start]! : null,
      key: complete ? (this.keys[start] ?? null) : null,
      createdAtMs: complete ? this.time[start]! : null,
      hops,
      complete,
      fates,
    };
  }

  /** Slots from oldest to newest. */
  private forEach(visit: (slot: number) => void): void {
    const size = this.size;
    const start = this.recorded > this.capacity ? this.recorded % this.capacity : 0;
    for (let i = 0; i < size; i++) visit((start + i) % this.capacity);
  }

  private row(slot: number, names: EventLogNames): TraceEvent {
    const oldestSeq = this.recorded - this.size;
    const start = this.recorded > this.capacity ? this.recorded % this.capacity : 0;
    const node = this.node[slot]!;
    const kind = KINDS[this.kind[slot]!]!;
    const edge = this.edge[slot]!;
    const reason = this.reason[slot]!;
    const event: TraceEvent = {
      seq: oldestSeq + ((slot - start + this.capacity) % this.capacity),
      t: this.time[slot]!,
      kind,
      node: node >= 0 ? (names.nodes[node] ?? null) : null,
      edge: edge >= 0 ? (names.edges[edge] ?? null) : null,
      message: this.ids[slot]!,
      copy: this.uids[slot]!,
      attempt: kind === 'created' || kind === 'derived' ? 0 : this.attempt[slot]!,
      reason: reason === NO_REASON ? null : this.reasons[reason]!,
    };
    const from = this.from[slot]!;
    if (from >= 0) event.from = from;
    return event;
  }

  private codeOf(reason: string): number {
    let code = this.reasonCode.get(reason);
    if (code === undefined) {
      code = this.reasons.length;
      this.reasons.push(reason);
      this.reasonCode.set(reason, code);
    }
    return code;
  }
}
