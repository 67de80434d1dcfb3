import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { AggregatorConfig } from '../../model/index.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { formatBytes, formatDuration } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function summary(config: AggregatorConfig): string {
  const parts = [config.completionSize === undefined ? 'all N parts' : `${config.completionSize} parts`, `timeout ${formatDuration(config.completionTimeoutMs)}`];
  if (config.aggregateSizeBytes !== undefined) parts.push(formatBytes(config.aggregateSizeBytes));
  return parts.join(' · ');
}

function AggregatorCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'aggregator');
  const open = stats?.open ?? 0;
  return (
    <>
      <Stat label="completed" value={stats?.completed ?? 0} testId="stat-completed" />
      <Stat label="partial" value={stats?.partial ?? 0} testId="stat-partial" tone={(stats?.partial ?? 0) > 0 ? 'warn' : undefined} />
      <Stat label="open" value={open} testId="stat-open" />
      <MinorStats
        items={[
          { label: 'parts held', value: stats?.held ?? 0, testId: 'stat-held' },
          { label: 'late', value: stats?.late ?? 0, testId: 'stat-late', tone: 'bad' },
          { label: 'duplicates', value: stats?.duplicates ?? 0, testId: 'stat-duplicates', tone: 'warn' },
          { label: 'out of order', value: stats?.outOfOrder ?? 0, testId: 'stat-out-of-order', tone: 'warn' },
          { label: 'unroutable', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const AggregatorNode = memo(function AggregatorNode({ id, data, selected }: NodeProps<FlowNodeOf<'aggregator'>>) {
  return (
    <NodeShell id={id} kind="aggregator" label={data.label} selected={selected} input output summary={summary(data.config)}>
      <AggregatorCounters id={id} />
    </NodeShell>
  );
});
