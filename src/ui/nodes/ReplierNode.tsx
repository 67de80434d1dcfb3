import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ReplierConfig } from '../../model/index.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { distributionSummary, formatNumber } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function summary(config: ReplierConfig): string {
  const parts = [distributionSummary(config.processingMs), `×${config.concurrency}`];
  if (config.failureProbability > 0) parts.push(`${formatNumber(config.failureProbability * 100)}% no answer`);
  return parts.join(' · ');
}

function ReplierCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'replier');
  const backlog = stats?.backlog ?? 0;
  return (
    <>
      <Stat label="requests" value={stats?.requests ?? 0} testId="stat-requests" />
      <Stat label="replies" value={stats?.replies ?? 0} testId="stat-replies" />
      <Stat label="backlog" value={backlog} testId="stat-backlog" tone={backlog > 0 ? 'warn' : undefined} />
      <MinorStats
        items={[
          { label: 'duplicates', value: stats?.duplicates ?? 0, testId: 'stat-duplicates', tone: 'warn' },
          { label: 'busy', value: stats?.busy ?? 0, testId: 'stat-busy' },
          { label: 'failed', value: stats?.failed ?? 0, testId: 'stat-failed', tone: 'bad' },
          { label: 'unroutable', value: stats?.unroutable ?? 0, testId: 'stat-unroutable', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const ReplierNode = memo(function ReplierNode({ id, data, selected }: NodeProps<FlowNodeOf<'replier'>>) {
  return (
    <NodeShell id={id} kind="replier" label={data.label} selected={selected} input output summary={summary(data.config)}>
      <ReplierCounters id={id} />
    </NodeShell>
  );
});
