import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function QueueCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'queue');
  return (
    <>
      <Stat label="depth" value={stats?.depth ?? 0} testId="stat-depth" />
      <Stat label="unacked" value={stats?.unacked ?? 0} testId="stat-unacked" />
    </>
  );
}

export const QueueNode = memo(function QueueNode({ id, data, selected }: NodeProps<FlowNodeOf<'queue'>>) {
  return (
    <NodeShell id={id} kind="queue" label={data.label} selected={selected} input output summary={data.config.ordering.toUpperCase()}>
      <QueueCounters id={id} />
    </NodeShell>
  );
});
