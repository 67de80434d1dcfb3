import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ExchangeConfig } from '../../model/index.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function summary(config: ExchangeConfig): string {
  const type = config.type === 'default' ? 'default exchange' : `${config.durable ? '' : 'transient '}${config.type} exchange`;
  return config.alternateExchange === undefined ? type : `${type} · AE → ${config.alternateExchange}`;
}

function ExchangeCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'exchange');
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.copiesOut ?? 0} testId="stat-out" />
      <MinorStats
        items={[
          { label: 'to AE', value: stats?.toAlternate ?? 0, testId: 'stat-to-alternate' },
          { label: 'unroutable', value: stats?.unroutable ?? 0, testId: 'stat-unroutable', tone: 'bad' },
          { label: 'denied', value: stats?.denied ?? 0, testId: 'stat-denied', tone: 'bad' },
          { label: 'bindings lost', value: stats?.bindingsLost ?? 0, testId: 'stat-bindings-lost', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const ExchangeNode = memo(function ExchangeNode({ id, data, selected }: NodeProps<FlowNodeOf<'exchange'>>) {
  return (
    <NodeShell id={id} kind="exchange" label={data.label} selected={selected} input output summary={summary(data.config)}>
      <ExchangeCounters id={id} />
    </NodeShell>
  );
});
