import os from 'node:os';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Simulation } from '../engine/index.ts';
import { describeLoadError, loadTopology, type Topology } from '../model/index.ts';

/**
 * `msgflow bench`: the engine benchmark of DESIGN.md ("Performance budgets").
 *
 * Throughput: the engine runs the benchmark topology for a fixed number of events, and a
 * bare typed-array heap loop doing the same core work per event runs the same number of
 * events in the same process, alternating, after a warm-up of each; the medians are
 * compared. Memory: the engine runs a long stream of messages and the heap is sampled
 * after a full GC at checkpoints; it must stay flat, bounded by messages in flight.
 */

export const BENCH_PRODUCERS = 20;
export const BENCH_CONSUMERS = 20;
export const BENCH_RATE_PER_SECOND = 500;
export const BENCH_SEED = 1;
const LINK_LOSS = 0.01;
const LATENCY_MIN_MS = 0.5;
const LATENCY_MAX_MS = 2;
/** The queue's ack (visibility) timeout: 20x a typical dispatch-to-ack time here. */
const ACK_TIMEOUT_MS = 100;

export const DEFAULT_EVENTS = 2_000_000;
export const DEFAULT_RUNS = 5;
export const DEFAULT_MESSAGES = 10_000_000;

/** DESIGN.md budgets; a benchmark reports against them, it does not fail on them. */
export const TARGET_EVENTS_PER_SEC = 2_000_000;
export const TARGET_RATIO = 0.5;
const FLAT_FACTOR = 1.5;
const FLAT_SLACK_MB = 20;

/** Heap checkpoints over the memory run (plus the start). */
const MEMORY_CHECKPOINTS = 20;
/**
 * Sim time per `runUntil` call. The topology makes about 50 events per sim ms, so a call
 * does a few hundred events and the loop around it costs nothing measurable.
 */
const CHUNK_MS = 5;
/** A second of sim time with no progress means the topology went quiet: stop, do not spin. */
const STALL_MS = 1000;
const STALLED = 'the bench topology stopped making progress';

export const BENCH_DESCRIPTION =
  `${BENCH_PRODUCERS} Poisson producers x ${BENCH_RATE_PER_SECOND}/s -> one queue -> ` +
  `${BENCH_CONSUMERS} consumers (exponential 1.5 ms, prefetch 10); queue ack timeout ${ACK_TIMEOUT_MS} ms; ` +
  `links ${LINK_LOSS * 100}% loss, ${LATENCY_MIN_MS}-${LATENCY_MAX_MS} ms uniform`;

export class BenchOptionError extends Error {}

export interface BenchOptions {
  /** Events per timed run. */
  events: number;
  /** Timed runs of each side after the warm-up. */
  runs: number;
  /** Messages in the memory run; 0 skips it. */
  messages: number;
}

export interface BenchReport {
  /** Engine events per second, median of the runs. */
  eventsPerSec: number;
  /** The bare typed-array heap loop, same process, same number of events; median. */
  baselineEventsPerSec: number;
  /** eventsPerSec / baselineEventsPerSec. */
  ratio: number;
  /** Events per timed run (the engine stops at the first chunk boundary past --events). */
  events: number;
  runs: number;
  /** Each timed run's events/s, in run order. */
  samples: { engine: number[]; baseline: number[] };
  /** Messages produced in the memory run (0: skipped). */
  messages: number;
  heapStartMB: number | null;
  heapEndMB: number | null;
  heapMaxMB: number | null;
  /** Whether heap samples were taken right after a full GC; without one they include garbage. */
  heapAfterGc: boolean;
  targets: { eventsPerSec: boolean; ratio: boolean; memoryFlat: boolean | null };
  machine: { cpu: string; cores: number; node: string; platform: string };
  wallMs: number;
}

/** The benchmark topology, built in code and put through the one load pipeline. */
export function benchTopology(): Topology {
  const link = { latencyMs: { dist: 'uniform', min: LATENCY_MIN_MS, max: LATENCY_MAX_MS }, loss: LINK_LOSS };
  const pad = (i: number): string => String(i + 1).padStart(2, '0');
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  // A delivery lost on its way to a consumer stays unacked until the ack timeout
  // redelivers it; with no timeout, lost deliveries would fill every consumer's prefetch
  // window within seconds and the run would stall into an ever-growing queue.
  nodes.push({ id: 'q', kind: 'queue', position: { x: 300, y: 0 }, config: { ackTimeoutMs: ACK_TIMEOUT_MS } });
  for (let i = 0; i < BENCH_PRODUCERS; i++) {
    const id = `p${pad(i)}`;
    nodes.push({
      id,
      kind: 'producer',
      position: { x: 0, y: i * 60 },
      config: { rate: { dist: 'poisson', perSecond: BENCH_RATE_PER_SECOND } },
    });
    edges.push({ id: `${id}-q`, source: id, target: 'q', link });
  }
  for (let i = 0; i < BENCH_CONSUMERS; i++) {
    const id = `c${pad(i)}`;
    nodes.push({
      id,
      kind: 'consumer',
      position: { x: 600, y: i * 60 },
      config: { processingMs: { dist: 'exponential', mean: 1.5 }, concurrency: 1, prefetch: 10 },
    });
    edges.push({ id: `q-${id}`, source: 'q', target: id, link });
  }
  const result = loadTopology({ format: 'msgflow/1', name: 'msgflow bench', seed: BENCH_SEED, nodes, edges });
  if (!result.ok) throw new Error(`the bench topology does not validate: ${describeLoadError(result.error)}`);
  return result.topology;
}

interface Timed {
  events: number;
  ms: number;
}

/** One timed engine run from t = 0 until at least `minEvents` events; construction is not timed. */
function timeEngine(topology: Topology, minEvents: number, clock: () => number): Timed {
  const sim = new Simulation(topology, BENCH_SEED);
  let until = 0;
  const started = clock();
  let progressAt = 0;
  while (sim.events < minEvents) {
    const before = sim.events;
    until += CHUNK_MS;
    sim.runUntil(until);
    if (sim.events > before) progressAt = until;
    else if (until - progressAt > STALL_MS) throw new Error(STALLED);
  }
  return { events: sim.events, ms: clock() - started };
}

// Baseline stages mirror the engine's four events per message: producer timer, arrival at
// the queue (which dispatches), arrival at a consumer, end of processing. (The engine's
// ack timeout is one timer per queue, not per message, so it adds next to nothing.)
const STAGE_SOURCE = 0;
const STAGE_QUEUE = 1;
const STAGE_CONSUMER = 2;
const STAGE_DONE = 3;
const STAGE_BITS = 3;
const STAGE_MASK = (1 << STAGE_BITS) - 1;
const TWO_POW_32 = 4294967296;

/**
 * The baseline: a bare binary min-heap over (time, seq) in parallel typed arrays, popping
 * the earliest event and pushing its follow-ups (two for a source: its next send and the
 * message's first hop; one at the queue stage and one at the consumer stage; none for the
 * last), with times from an inline xorshift32.
 * 20 sources at 500/s with the bench topology's latencies keep about as many
 * events pending as the engine's heap holds, so sift depths are comparable.
 * Everything popped is folded into the returned checksum so the JIT cannot drop the work.
 */
export function baselineLoop(events: number, clock: () => number): Timed & { checksum: number } {
  let cap = 4096;
  let time = new Float64Array(cap);
  let seq = new Float64Array(cap);
  let tag = new Int32Array(cap);
  let n = 0;
  let nextSeq = 0;
  let x = 0x9e3779b9 | 0;
  let checksum = 0;
  const started = clock();

  for (let s = 0; s < BENCH_PRODUCERS; s++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    heapPush(time, seq, tag, n++, ((x >>> 0) / TWO_POW_32) * 4, nextSeq++, (s << STAGE_BITS) | STAGE_SOURCE);
  }

  for (let done = 0; done < events; done++) {
    // Pop the earliest (time, seq).
    const now = time[0]!;
    const t = tag[0]!;
    n--;
    if (n > 0) heapSiftDown(time, seq, tag, n, time[n]!, seq[n]!, tag[n]!);
    checksum = (Math.imul(checksum, 31) + t + ((now * 1024) | 0)) | 0;

    const stage = t & STAGE_MASK;
    if (stage >= STAGE_DONE) continue;
    if (n + 2 > cap) {
      cap *= 2;
      const grownTime = new Float64Array(cap);
      const grownSeq = new Float64Array(cap);
      const grownTag = new Int32Array(cap);
      grownTime.set(time);
      grownSeq.set(seq);
      grownTag.set(tag);
      time = grownTime;
      seq = grownSeq;
      tag = grownTag;
    }
    const source = t & ~STAGE_MASK;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const u = (x >>> 0) / TWO_POW_32;
    if (stage === STAGE_SOURCE) {
      // Next send: uniform gap with mean 2 ms (500/s); then the message's first hop.
      heapPush(time, seq, tag, n++, now + u * 4, nextSeq++, t);
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const v = (x >>> 0) / TWO_POW_32;
      heapPush(time, seq, tag, n++, now + LATENCY_MIN_MS + v * (LATENCY_MAX_MS - LATENCY_MIN_MS), nextSeq++, source | STAGE_QUEUE);
    } else if (stage === STAGE_QUEUE) {
      heapPush(time, seq, tag, n++, now + LATENCY_MIN_MS + u * (LATENCY_MAX_MS - LATENCY_MIN_MS), nextSeq++, source | STAGE_CONSUMER);
    } else {
      // Processing: uniform with mean 1.5 ms.
      heapPush(time, seq, tag, n++, now + u * 3, nextSeq++, source | STAGE_DONE);
    }
  }
  return { events, ms: clock() - started, checksum };
}

function heapPush(time: Float64Array, seq: Float64Array, tag: Int32Array, n: number, t: number, s: number, k: number): void {
  let i = n;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pt = time[parent]!;
    if (pt < t || (pt === t && seq[parent]! < s)) break;
    time[i] = pt;
    seq[i] = seq[parent]!;
    tag[i] = tag[parent]!;
    i = parent;
  }
  time[i] = t;
  seq[i] = s;
  tag[i] = k;
}

/** Fills the hole at the root with (t, s, k), the entry taken from the end; `n` is the new size. */
function heapSiftDown(time: Float64Array, seq: Float64Array, tag: Int32Array, n: number, t: number, s: number, k: number): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    const right = child + 1;
    if (right < n) {
      const tr = time[right]!;
      const tc = time[child]!;
      if (tr < tc || (tr === tc && seq[right]! < seq[child]!)) child = right;
    }
    const ct = time[child]!;
    if (t < ct || (t === ct && s < seq[child]!)) break;
    time[i] = ct;
    seq[i] = seq[child]!;
    tag[i] = tag[child]!;
    i = child;
  }
  time[i] = t;
  seq[i] = s;
  tag[i] = k;
}

/**
 * A full-GC function: the global one under `node --expose-gc`, otherwise one enabled at
 * run time (the flag only reaches contexts created after it is set, hence the new
 * context). Undefined if neither works; heap samples then include garbage.
 */
function findGc(): (() => void) | undefined {
  const global = (globalThis as { gc?: () => void }).gc;
  if (typeof global === 'function') return global;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const MB = 1024 * 1024;

interface MemoryResult {
  messages: number;
  heapStart: number;
  heapEnd: number;
  heapMax: number;
}

/** Runs the engine until `messages` are produced, sampling the heap at checkpoints. */
function memoryRun(topology: Topology, messages: number, gc: (() => void) | undefined): MemoryResult {
  const sample = (): number => {
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  const sim = new Simulation(topology, BENCH_SEED);
  const heapStart = sample();
  let heapMax = heapStart;
  let heapEnd = heapStart;
  const step = messages / MEMORY_CHECKPOINTS;
  let checkpoint = step;
  let produced = 0;
  let until = 0;
  let progressAt = 0;
  while (produced < messages) {
    // 100 sim ms is about 1,000 messages: ledger totals are read rarely enough to be free.
    until += CHUNK_MS * 20;
    sim.runUntil(until);
    const total = sim.ledger.totals().produced;
    if (total > produced) progressAt = until;
    else if (until - progressAt > STALL_MS) throw new Error(STALLED);
    produced = total;
    if (produced >= checkpoint || produced >= messages) {
      heapEnd = sample();
      if (heapEnd > heapMax) heapMax = heapEnd;
      while (checkpoint <= produced) checkpoint += step;
    }
  }
  return { messages: produced, heapStart, heapEnd, heapMax };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const perSecond = (t: Timed): number => (t.events / t.ms) * 1000;
const roundMB = (bytes: number): number => Math.round((bytes / MB) * 100) / 100;

/** Runs the benchmark. Timed runs alternate engine and baseline after one warm-up of each. */
export function runBenchmark(options: BenchOptions, clock: () => number = () => performance.now()): BenchReport {
  const began = clock();
  const topology = benchTopology();
  const gc = findGc();

  // Warm-up: both loops get compiled and optimised before anything is recorded.
  const warm = timeEngine(topology, options.events, clock);
  const checksum = baselineLoop(warm.events, clock).checksum;

  const engine: number[] = [];
  const baseline: number[] = [];
  let events = warm.events;
  for (let r = 0; r < options.runs; r++) {
    gc?.();
    const e = timeEngine(topology, options.events, clock);
    events = e.events;
    engine.push(perSecond(e));
    gc?.();
    const b = baselineLoop(e.events, clock);
    // The baseline is deterministic: the same events give the same checksum. Checking it
    // keeps every pop's result in use, so no run can be optimised into less work.
    if (b.checksum !== checksum || e.events !== warm.events) {
      throw new Error('the benchmark is not deterministic: a run did different work than the warm-up');
    }
    baseline.push(perSecond(b));
  }

  const eventsPerSec = Math.round(median(engine));
  const baselineEventsPerSec = Math.round(median(baseline));
  const ratio = eventsPerSec / baselineEventsPerSec;

  const memory = options.messages > 0 ? memoryRun(topology, options.messages, gc) : undefined;
  const heapStartMB = memory ? roundMB(memory.heapStart) : null;
  const heapEndMB = memory ? roundMB(memory.heapEnd) : null;
  const cpus = os.cpus();

  return {
    eventsPerSec,
    baselineEventsPerSec,
    ratio,
    events,
    runs: options.runs,
    samples: { engine: engine.map(Math.round), baseline: baseline.map(Math.round) },
    messages: memory?.messages ?? 0,
    heapStartMB,
    heapEndMB,
    heapMaxMB: memory ? roundMB(memory.heapMax) : null,
    heapAfterGc: gc !== undefined,
    targets: {
      eventsPerSec: eventsPerSec >= TARGET_EVENTS_PER_SEC,
      ratio: ratio >= TARGET_RATIO,
      memoryFlat: heapStartMB !== null && heapEndMB !== null ? heapEndMB <= FLAT_FACTOR * heapStartMB + FLAT_SLACK_MB : null,
    },
    machine: { cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, node: process.version, platform: `${process.platform}-${process.arch}` },
    wallMs: Math.round(clock() - began),
  };
}

function parseCount(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new BenchOptionError(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function parseBenchArgs(args: string[]): BenchOptions & { json: boolean } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      events: { type: 'string' },
      messages: { type: 'string' },
      runs: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new BenchOptionError(`unexpected argument "${positionals[0]}" (bench takes no FILE)`);
  return {
    json: values.json,
    events: parseCount('events', values.events, 1000, 1e9, DEFAULT_EVENTS),
    runs: parseCount('runs', values.runs, 1, 100, DEFAULT_RUNS),
    messages: parseCount('messages', values.messages, 0, 1e9, DEFAULT_MESSAGES),
  };
}

const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const mb = (x: number | null): string => (x === null ? '-' : `${x.toFixed(1)} MB`);

export function benchTable(r: BenchReport): string {
  const verdict = (met: boolean | null): string => (met === null ? 'not measured' : met ? 'met' : 'NOT MET');
  const lines = [
    `msgflow bench: ${BENCH_DESCRIPTION}`,
    `machine: ${r.machine.cpu}, ${r.machine.cores} cores, node ${r.machine.node} (${r.machine.platform})`,
    '',
    `throughput, median of ${r.runs} run${r.runs === 1 ? '' : 's'} of ${int(r.events)} events (after a warm-up):`,
    `  engine      ${int(r.eventsPerSec).padStart(13)} events/s`,
    `  baseline    ${int(r.baselineEventsPerSec).padStart(13)} events/s   (bare typed-array heap loop, same process)`,
    `  ratio       ${r.ratio.toFixed(3).padStart(13)}`,
    '',
  ];
  if (r.messages > 0) {
    lines.push(
      `memory, ${int(r.messages)} messages, heap used ${r.heapAfterGc ? 'after a full GC' : 'WITHOUT a forced GC (includes garbage)'}:`,
      `  start ${mb(r.heapStartMB)}, end ${mb(r.heapEndMB)}, max ${mb(r.heapMaxMB)}`,
      '',
    );
  } else {
    lines.push('memory: skipped (--messages 0)', '');
  }
  const target = (label: string, met: boolean | null): string => `  ${label.padEnd(44)}${verdict(met)}`;
  lines.push(
    'DESIGN.md targets:',
    target(`engine >= ${int(TARGET_EVENTS_PER_SEC)} events/s`, r.targets.eventsPerSec),
    target(`engine >= ${TARGET_RATIO} x baseline`, r.targets.ratio),
    target(`memory flat (end <= ${FLAT_FACTOR} x start + ${FLAT_SLACK_MB} MB)`, r.targets.memoryFlat),
  );
  const missed = [
    r.targets.eventsPerSec ? undefined : `${int(r.eventsPerSec)} events/s is below ${int(TARGET_EVENTS_PER_SEC)}`,
    r.targets.ratio ? undefined : `the engine runs at ${r.ratio.toFixed(3)} of the baseline, below ${TARGET_RATIO}`,
    r.targets.memoryFlat === false ? `the heap grew from ${mb(r.heapStartMB)} to ${mb(r.heapEndMB)}` : undefined,
  ].filter((m): m is string => m !== undefined);
  lines.push('', missed.length === 0 ? 'All measured targets are met.' : `Targets not met: ${missed.join('; ')}.`);
  return lines.join('\n');
}

/** `msgflow bench [--json] [--events N] [--runs N] [--messages N]`; always exits 0 once it has run. */
export function bench(args: string[], io: { out(text: string): void }, clock?: () => number): number {
  const options = parseBenchArgs(args);
  const report = runBenchmark(options, clock);
  io.out(options.json ? JSON.stringify(report) : benchTable(report));
  return 0;
}
