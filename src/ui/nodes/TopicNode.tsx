import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function TopicCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'topic');
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.copiesOut ?? 0} testId="stat-out" />
      <MinorStats
        items={[
          { label: 'denied', value: stats?.denied ?? 0, testId: 'stat-denied', tone: 'bad' },
          { label: 'filtered', value: stats?.filtered ?? 0, testId: 'stat-filtered' },
          { label: 'kept', value: stats?.kept ?? 0, testId: 'stat-kept', tone: 'warn' },
          { label: 'missed offline', value: stats?.missed ?? 0, testId: 'stat-missed', tone: 'bad' },
          { label: 'kept, dropped', value: stats?.overflowed ?? 0, testId: 'stat-kept-dropped', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const TopicNode = memo(function TopicNode({ id, data, selected }: NodeProps<FlowNodeOf<'topic'>>) {
  return (
    <NodeShell id={id} kind="topic" label={data.label} selected={selected} input output summary="copy to every subscriber">
      <TopicCounters id={id} />
    </NodeShell>
  );
});
