import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { MAX_HELD_LISTED, runReport, Simulation, SimulationError, type NodeMessages, type RunReport } from '../engine/index.ts';
import { describeLoadError, lintTopology, loadTopology, type Topology } from '../model/index.ts';
import { bench, BenchOptionError } from './bench.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `usage:
  msgflow run FILE [--seed N] [--until MS] [--json] [--series] [--held NODE]...
                                                     headless run, report; --held lists
                                                     the messages NODE holds at the end
  msgflow validate FILE                              exit 0, or 1 with path-named errors
  msgflow bench [--json] [--events N] [--runs N] [--messages N]   engine benchmark`;

const DEFAULT_UNTIL_MS = 60_000;
/** Rows of a --held table in the human report (the JSON report lists up to MAX_HELD_LISTED). */
const HELD_ROWS_SHOWN = 50;
const MAX_UNTIL_MS = 365 * 24 * 3600 * 1000;

class CliError extends Error {}

async function readTopology(file: string | undefined): Promise<Topology> {
  if (!file) throw new CliError(`missing FILE\n${USAGE}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const result = loadTopology(text);
  if (!result.ok) throw new CliError(`${file}: ${describeLoadError(result.error)}`);
  return result.topology;
}

function parseNumberOption(name: string, raw: string | undefined, min: number, max: number, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new CliError(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function humanReport(file: string, r: RunReport, wallMs: number): string {
  const byReason = (counts: Record<string, number>): string =>
    Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  return [
    `${file}: ${r.simTimeMs} ms simulated, ${r.events} events in ${wallMs.toFixed(0)} ms (seed ${r.seed})`,
    `  produced ${r.ledger.produced}, copies ${r.ledger.created}, delivered ${r.ledger.delivered}, in flight ${r.ledger.inFlight}`,
    `  duplicates ${r.ledger.duplicates} (suppressed ${r.ledger.duplicatesSuppressed}), rejected ${r.ledger.rejected}`,
    `  lost: ${byReason(r.ledger.lost)}; dead-lettered: ${byReason(r.ledger.deadLettered)}`,
    `  reordered ${r.reordered} (per key ${r.reorderedByKey})`,
    `  latency ms: p50 ${r.latencyMs.p50}, p95 ${r.latencyMs.p95}, p99 ${r.latencyMs.p99}, max ${r.latencyMs.max}`,
    `  trace ${r.traceHash}`,
  ].join('\n');
}

/** The messages a node holds, one row each: where it stands, its attempts and redelivered flag. */
function heldTable(h: NodeMessages): string {
  const counts = Object.entries(h.counts).map(([state, n]) => `${state} ${n}`).join(', ') || 'nothing';
  const rows = h.messages.map((m) => [
    `${m.id}${m.copy ? ' (copy)' : ''}`,
    `${m.producer}#${m.seq}`,
    m.key ?? '-',
    m.state + (m.consumer ? ` -> ${m.consumer}` : ''),
    String(m.attempts),
    m.redelivered ? 'yes' : 'no',
    m.deadLetterReason ?? '-',
    m.expiresAtMs === null ? '-' : String(m.expiresAtMs),
  ]);
  const header = ['id', 'producer#seq', 'key', 'state', 'attempts', 'redelivered', 'dead-letter', 'expires at ms'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `    ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  const lines = [`  held by ${h.node} at ${h.simTimeMs} ms: ${counts}`];
  if (rows.length > 0) lines.push(line(header), ...rows.map(line));
  if (h.truncated) lines.push(`    ... first ${rows.length} shown`);
  return lines.join('\n');
}

async function run(args: string[], io: CliIo, clock: () => number): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      until: { type: 'string' },
      json: { type: 'boolean', default: false },
      series: { type: 'boolean', default: false },
      held: { type: 'string', multiple: true, default: [] },
    },
  });
  const file = positionals[0];
  const topology = await readTopology(file);
  const seed = parseNumberOption('seed', values.seed, 0, 0xffffffff, true) ?? topology.seed;
  const until = parseNumberOption('until', values.until, 0, MAX_UNTIL_MS, false) ?? DEFAULT_UNTIL_MS;
  for (const id of values.held) {
    if (!topology.nodes.some((n) => n.id === id)) throw new CliError(`--held: ${file} has no node "${id}"`);
  }
  const started = clock();
  const sim = new Simulation(topology, seed);
  sim.runUntil(until);
  const wallMs = clock() - started;
  const report = runReport(sim);
  const series = values.series ? { series: sim.series.since(0) } : {};
  const held = values.held.map((id) => sim.heldMessages(id, values.json ? MAX_HELD_LISTED : HELD_ROWS_SHOWN)!);
  if (values.json) {
    const heldReport = held.length > 0 ? { held: Object.fromEntries(held.map((h) => [h.node, h])) } : {};
    io.out(JSON.stringify({ ...report, wallMs: Math.round(wallMs * 1000) / 1000, ...series, ...heldReport }));
  } else {
    io.out([humanReport(file!, report, wallMs), ...held.map(heldTable)].join('\n'));
  }
  return 0;
}

async function validate(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const topology = await readTopology(positionals[0]);
  io.out(`${positionals[0]}: valid msgflow/1 topology, ${topology.nodes.length} nodes, ${topology.edges.length} edges`);
  // The design review: advice, not errors, so the exit code stays 0.
  for (const w of lintTopology(topology)) {
    const where = w.edgeId === undefined ? `node "${w.nodeId}"` : `link "${w.edgeId}"`;
    io.out(`${w.severity} ${w.rule} (${where}): ${w.why} Fix: ${w.fix}`);
  }
  return 0;
}

/** Runs one command; returns the exit code. Failures print their reason on stderr. */
export async function runCli(argv: string[], io: CliIo, clock: () => number = () => performance.now()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await run(rest, io, clock);
      case 'validate':
        return await validate(rest, io);
      case 'bench':
        return bench(rest, io, clock);
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? 1 : 0;
      default:
        io.err(`unknown command "${command}"\n${USAGE}`);
        return 1;
    }
  } catch (e) {
    if (e instanceof CliError || e instanceof SimulationError || e instanceof BenchOptionError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`msgflow ${command}: ${(e as Error).message}`);
      return 1;
    }
    io.err(`msgflow ${command}: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}
