import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function BrokerCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'mqtt-broker');
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.copiesOut ?? 0} testId="stat-out" />
      <MinorStats
        items={[
          { label: 'queued', value: stats?.queued ?? 0, testId: 'stat-queued' },
          { label: 'retained', value: stats?.retained ?? 0, testId: 'stat-retained' },
          { label: 'wills', value: stats?.wills ?? 0, testId: 'stat-wills', tone: 'warn' },
          { label: 'dropped', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' },
          { label: 'unroutable', value: stats?.unroutable ?? 0, testId: 'stat-unroutable', tone: 'bad' },
          { label: 'denied', value: stats?.denied ?? 0, testId: 'stat-denied', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const MqttBrokerNode = memo(function MqttBrokerNode({ id, data, selected }: NodeProps<FlowNodeOf<'mqtt-broker'>>) {
  const summary = `max queued ${data.config.maxQueuedMessages}${data.config.queueQos0 ? ' · queues QoS 0' : ''}`;
  return (
    <NodeShell id={id} kind="mqtt-broker" label={data.label} selected={selected} input output summary={summary}>
      <BrokerCounters id={id} />
    </NodeShell>
  );
});
