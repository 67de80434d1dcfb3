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
    inFlight: number;
    lost: Record<string, number>;
    deadLettered: Record<string, number>;
    rejected: number;
  };
  reordered: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  nodes: Record<string, NodeStats>;
  traceHash: string;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function runReport(sim: Simulation): RunReport {
  const { ledger } = sim;
  const stats = sim.nodeStats();
  const nodes: Record<string, NodeStats> = {};
  let reordered = 0;
  sim.topology.nodes.forEach((n, i) => {
    const s = stats[i]!;
    nodes[n.id] = s;
    if (s.kind === 'consumer') reordered += s.reorders;
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
      inFlight: ledger.inFlight,
      lost: Object.fromEntries(ledger.lost),
      deadLettered: Object.fromEntries(ledger.deadLettered),
      rejected: ledger.rejected,
    },
    reordered,
    latencyMs: {
      p50: round(ledger.latency.quantile(0.5)),
      p95: round(ledger.latency.quantile(0.95)),
      p99: round(ledger.latency.quantile(0.99)),
      max: round(ledger.latency.max),
      mean: round(ledger.latency.mean),
    },
    nodes,
    traceHash: sim.traceHash(),
  };
}
