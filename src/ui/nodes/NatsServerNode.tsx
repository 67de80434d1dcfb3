import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function ServerCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'nats-server');
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.copiesOut ?? 0} testId="stat-out" />
      <MinorStats
        items={[
          { label: 'to groups', value: stats?.toQueueGroups ?? 0, testId: 'stat-to-groups' },
          { label: 'no subscriber', value: stats?.unroutable ?? 0, testId: 'stat-unroutable', tone: 'bad' },
          { label: 'denied', value: stats?.denied ?? 0, testId: 'stat-denied', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const NatsServerNode = memo(function NatsServerNode({ id, data, selected }: NodeProps<FlowNodeOf<'nats-server'>>) {
  return (
    <NodeShell id={id} kind="nats-server" label={data.label} selected={selected} input output summary="core NATS · at most once">
      <ServerCounters id={id} />
    </NodeShell>
  );
});
