import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { formatDuration } from '../format.ts';
import { useNodeNames } from './linked-targets.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function ScatterGatherCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'scatter-gather');
  const late = stats?.late ?? 0;
  return (
    <>
      <Stat label="surveys" value={stats?.surveys ?? 0} testId="stat-surveys" />
      <Stat label="answers" value={stats?.answers ?? 0} testId="stat-answers" />
      <Stat label="late" value={late} testId="stat-late" tone={late > 0 ? 'warn' : undefined} />
      <MinorStats
        items={[
          { label: 'missing', value: stats?.missing ?? 0, testId: 'stat-missing', tone: 'warn' },
          { label: 'at deadline', value: stats?.completedAtDeadline ?? 0, testId: 'stat-at-deadline' },
          { label: 'open', value: stats?.open ?? 0, testId: 'stat-open' },
          { label: 'unroutable', value: stats?.unroutable ?? 0, testId: 'stat-unroutable', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const ScatterGatherNode = memo(function ScatterGatherNode({ id, data, selected }: NodeProps<FlowNodeOf<'scatter-gather'>>) {
  const { deadlineMs, resultTo } = data.config;
  const [resultName] = useNodeNames(resultTo === undefined ? [] : [resultTo]);
  const summary = `deadline ${formatDuration(deadlineMs)} · result → ${resultName ?? 'the requester'}`;
  return (
    <NodeShell id={id} kind="scatter-gather" label={data.label} selected={selected} input output summary={summary}>
      <ScatterGatherCounters id={id} />
    </NodeShell>
  );
});
