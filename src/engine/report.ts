import type { LatencyHistogram } from './ledger/histogram.ts';
import type { Simulation } from './simulation.ts';
import type { NodeStats } from './session-types.ts';

/** The `run --json` report (DESIGN.md, Command line). */
export interface RunReport {
  seed: number;
  simTimeMs: number;
  events: number;
  ledger: {
    produced: number;
    created: number;
    delivered: number;
    duplicates: number;
    duplicatesSuppressed: number;
    inFlight: number;
    lost: Record<string, number>;
    deadLettered: Record<string, number>;
    rejected: number;
  };
  /** Reorders per producer, summed over consumers. */
  reordered: number;
  /** Reorders per key, summed over consumers. */
  reorderedByKey: number;
  latencyMs: Percentiles;
  /** How long publishes waited for room in blocking queues (producer-side latency). */
  publishWaitMs: Percentiles & { count: number };
  nodes: Record<string, NodeStats>;
  traceHash: string;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function percentiles(h: LatencyHistogram): Percentiles {
  return {
    p50: round(h.quantile(0.5)),
    p95: round(h.quantile(0.95)),
    p99: round(h.quantile(0.99)),
    max: round(h.max),
    mean: round(h.mean),
  };
}

export function runReport(sim: Simulation): RunReport {
  const { ledger } = sim;
  const stats = sim.nodeStats();
  const nodes: Record<string, NodeStats> = {};
  let reordered = 0;
  let reorderedByKey = 0;
  sim.topology.nodes.forEach((n, i) => {
    const s = stats[i]!;
    nodes[n.id] = s;
    if (s.kind === 'consumer') {
      reordered += s.reorders;
      reorderedByKey += s.keyReorders;
    }
  });
  return {
    seed: sim.seed,
    simTimeMs: sim.now,
    events: sim.events,
    ledger: {
      produced: ledger.produced,
      created: ledger.created,
      delivered: ledger.delivered,
      duplicates: ledger.duplicates,
      duplicatesSuppressed: ledger.duplicatesSuppressed,
      inFlight: ledger.inFlight,
      lost: Object.fromEntries(ledger.lost),
      deadLettered: Object.fromEntries(ledger.deadLettered),
      rejected: ledger.rejected,
    },
    reordered,
    reorderedByKey,
    latencyMs: percentiles(ledger.latency),
    publishWaitMs: { ...percentiles(ledger.publishWait), count: ledger.publishWait.count },
    nodes,
    traceHash: sim.traceHash(),
  };
}
