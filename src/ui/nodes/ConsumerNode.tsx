import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ConsumerConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { distributionSummary, formatDuration, formatNumber } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function summary(config: ConsumerConfig): string {
  const parts = [
    distributionSummary(config.processingMs),
    `×${config.concurrency}`,
    `prefetch ${config.prefetch === 0 ? '∞' : config.prefetch}`,
    config.ack === 'auto' ? 'auto ack' : 'manual ack',
  ];
  if (config.failureProbability > 0) {
    parts.push(`${formatNumber(config.failureProbability * 100)}% fail${config.onFailure === 'requeue' ? '' : ` → ${config.onFailure}`}`);
  }
  if (config.idempotent) parts.push(config.dedupWindowMs === undefined ? 'dedup' : `dedup ${formatDuration(config.dedupWindowMs)}`);
  if (config.receive === 'poll') {
    parts.push(`polls ${formatDuration(config.pollIntervalMs)} ×${config.batchSize}${config.waitTimeMs > 0 ? ` wait ${formatDuration(config.waitTimeMs)}` : ''}`);
  }
  if (config.invalidMessage) parts.push(`invalid → ${config.invalidMessage.target}`);
  return parts.join(' · ');
}

function ConsumerCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'consumer');
  const backlog = stats?.backlog ?? 0;
  return (
    <>
      <Stat label="processed" value={stats?.processed ?? 0} testId="stat-processed" />
      <Stat label="busy" value={stats?.busy ?? 0} testId="stat-busy" />
      <Stat label="backlog" value={backlog} testId="stat-backlog" tone={backlog > 0 ? 'warn' : undefined} />
      <MinorStats
        items={[
          { label: 'failed', value: stats?.failed ?? 0, testId: 'stat-failed', tone: 'bad' },
          { label: 'duplicates', value: stats?.duplicates ?? 0, testId: 'stat-duplicates', tone: 'warn' },
          { label: 'suppressed', value: stats?.suppressed ?? 0, testId: 'stat-suppressed' },
          { label: 'reordered', value: stats?.reorders ?? 0, testId: 'stat-reorders', tone: 'warn' },
          { label: 'key reordered', value: stats?.keyReorders ?? 0, testId: 'stat-key-reorders', tone: 'warn' },
          { label: 'invalid', value: stats?.invalid ?? 0, testId: 'stat-invalid', tone: 'warn' },
          { label: 'passed on', value: stats?.forwarded ?? 0, testId: 'stat-forwarded' },
        ]}
      />
    </>
  );
}

export const ConsumerNode = memo(function ConsumerNode({ id, data, selected }: NodeProps<FlowNodeOf<'consumer'>>) {
  // A boolean selector: re-renders only when the consumer gains or loses its output (a processing step).
  const passesOn = useTopologyStore((s) => s.edges.some((e) => e.source === id));
  return (
    <NodeShell id={id} kind="consumer" label={data.label} selected={selected} input output={passesOn || 'optional'} summary={summary(data.config)}>
      <ConsumerCounters id={id} />
    </NodeShell>
  );
});
