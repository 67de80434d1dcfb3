import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ConsumerConfig } from '../../model/index.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { distributionSummary } from '../format.ts';
import { NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function summary(config: ConsumerConfig): string {
  return `${distributionSummary(config.processingMs)} · ×${config.concurrency} · prefetch ${config.prefetch === 0 ? '∞' : config.prefetch}`;
}

function ConsumerCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'consumer');
  const backlog = stats?.backlog ?? 0;
  const reorders = stats?.reorders ?? 0;
  return (
    <>
      <Stat label="processed" value={stats?.processed ?? 0} testId="stat-processed" />
      <Stat label="busy" value={stats?.busy ?? 0} testId="stat-busy" />
      <Stat label="backlog" value={backlog} testId="stat-backlog" tone={backlog > 0 ? 'warn' : undefined} />
      {reorders > 0 && <Stat label="reordered" value={reorders} testId="stat-reorders" tone="warn" />}
    </>
  );
}

export const ConsumerNode = memo(function ConsumerNode({ id, data, selected }: NodeProps<FlowNodeOf<'consumer'>>) {
  return (
    <NodeShell id={id} kind="consumer" label={data.label} selected={selected} input output={false} summary={summary(data.config)}>
      <ConsumerCounters id={id} />
    </NodeShell>
  );
});
