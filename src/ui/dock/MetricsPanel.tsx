import { useMemo } from 'react';
import type { NodeKind } from '../../model/index.ts';
import type { MetricSample } from '../../sim-client/index.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { TimeChart, type ChartLines } from './TimeChart.tsx';
import './metrics.css';

function throughput(samples: readonly MetricSample[]): ChartLines {
  return {
    labels: ['in (produced/s)', 'out (delivered/s)'],
    columns: [samples.map((s) => s.producedPerSec), samples.map((s) => s.deliveredPerSec)],
  };
}

function latency(samples: readonly MetricSample[]): ChartLines {
  return {
    labels: ['p50', 'p95', 'p99'],
    columns: [samples.map((s) => s.latencyP50), samples.map((s) => s.latencyP95), samples.map((s) => s.latencyP99)],
  };
}

/** Keys seen in any sample's record, sorted, so a line keeps its colour while the run goes on. */
function keysOf(samples: readonly MetricSample[], pick: (s: MetricSample) => Record<string, unknown>): string[] {
  const keys = new Set<string>();
  for (const s of samples) for (const k of Object.keys(pick(s))) keys.add(k);
  return [...keys].sort();
}

function queueDepths(samples: readonly MetricSample[]): ChartLines {
  const queues = keysOf(samples, (s) => s.depths);
  return { labels: queues, columns: queues.map((q) => samples.map((s) => s.depths[q] ?? 0)) };
}

/** Counts so far: each loss and dead-letter reason that occurred, duplicates and reorders. */
function fates(samples: readonly MetricSample[]): ChartLines {
  const lost = keysOf(samples, (s) => s.lostByReason);
  const dead = keysOf(samples, (s) => s.deadLetteredByReason);
  return {
    labels: [...lost.map((r) => `lost: ${r}`), ...dead.map((r) => `dead-lettered: ${r}`), 'duplicates', 'reorders'],
    columns: [
      ...lost.map((r) => samples.map((s) => s.lostByReason[r] ?? 0)),
      ...dead.map((r) => samples.map((s) => s.deadLetteredByReason[r] ?? 0)),
      samples.map((s) => s.duplicates),
      samples.map((s) => s.reorders),
    ],
  };
}

/** What "in", "out" and "held" mean for a node kind; null: the kind has no such line. */
const NODE_LINES: Partial<Record<NodeKind, [string | null, string | null, string | null]>> = {
  producer: [null, 'produced/s', null],
  queue: ['received/s', 'dispatched/s', 'ready (depth)'],
  consumer: ['received/s', 'processed/s', 'busy + waiting'],
  topic: ['received/s', 'copies out/s', 'kept for subscribers'],
  'kafka-topic': ['received/s', 'fetched/s', 'records kept'],
  'mqtt-broker': ['received/s', 'copies out/s', 'queued'],
  'zmq-socket': ['received/s', 'sent/s', 'in pipes'],
  requester: ['replies/s', 'requests sent/s', 'outstanding'],
  replier: ['requests/s', 'replies/s', 'busy + waiting'],
  'scatter-gather': ['surveys/s', 'results/s', 'open surveys'],
  resequencer: ['received/s', 'out/s', 'held'],
  aggregator: ['received/s', 'out/s', 'parts held'],
  'claim-check': ['received/s', 'out/s', 'bodies parked'],
  'content-enricher': ['received/s', 'out/s', 'enriching'],
};
const PASS_THROUGH: [string, string, null] = ['received/s', 'out/s', null];

function nodeLines(id: string, kind: NodeKind): (samples: readonly MetricSample[]) => ChartLines {
  const [inLabel, outLabel, heldLabel] = NODE_LINES[kind] ?? PASS_THROUGH;
  return (samples) => {
    const labels: string[] = [];
    const columns: number[][] = [];
    const add = (label: string | null, value: (s: MetricSample) => number | undefined): void => {
      if (label === null) return;
      labels.push(label);
      columns.push(samples.map((s) => value(s) ?? 0));
    };
    add(inLabel, (s) => s.nodes[id]?.inPerSec);
    add(outLabel, (s) => s.nodes[id]?.outPerSec);
    add(heldLabel, (s) => s.nodes[id]?.held);
    return { labels, columns };
  };
}

/** "id" of the one selected node with its kind and label, or '' (a string, so the selector compares by value). */
function selectedNodeKey(s: ReturnType<typeof useTopologyStore.getState>): string {
  const selected = s.nodes.filter((n) => n.selected);
  if (selected.length !== 1) return '';
  const node = selected[0]!;
  return JSON.stringify([node.id, node.data.kind, node.data.label ?? node.id]);
}

function NodeChart() {
  const key = useTopologyStore(selectedNodeKey);
  const [id, kind, label] = key ? (JSON.parse(key) as [string, NodeKind, string]) : ['', 'producer' as const, ''];
  const lines = useMemo(() => nodeLines(id, kind), [id, kind]);
  if (!key) {
    return (
      <figure className="mf-chart mf-chart--hint" data-testid="chart-node">
        <figcaption className="mf-chart__title">Selected node</figcaption>
        <p className="mf-chart__hint">Select one node on the canvas to chart its own traffic here.</p>
      </figure>
    );
  }
  return <TimeChart key={id} title={`${label} (${kind})`} unit="msg, msg/s" lines={lines} testId="chart-node" />;
}

/** The run's time series: one sample per second of sim time, the last ten minutes of it. */
export function MetricsPanel() {
  const idle = useSimStore((s) => s.state === 'idle');
  return (
    <div className="mf-metrics" data-testid="metrics-panel">
      {idle && <p className="mf-metrics__note">Press Play: the charts fill with one point per second of sim time.</p>}
      <div className="mf-metrics__grid">
        <TimeChart title="Throughput" unit="msg/s" lines={throughput} testId="chart-throughput" />
        <TimeChart title="End-to-end latency" unit="ms" lines={latency} testId="chart-latency" />
        <TimeChart title="Queue depths" unit="messages" lines={queueDepths} testId="chart-depths" />
        <TimeChart title="Lost, dead-lettered, duplicates, reorders (so far)" unit="messages" lines={fates} testId="chart-fates" />
        <NodeChart />
      </div>
    </div>
  );
}
