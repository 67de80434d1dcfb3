import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { SplitterConfig } from '../../model/index.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { formatBytes } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function summary(config: SplitterConfig): string {
  const parts = [config.partsHeader === undefined ? `${config.parts} parts` : `parts from ${config.partsHeader}, else ${config.parts}`];
  parts.push(config.partSizeBytes === undefined ? 'even share' : `${formatBytes(config.partSizeBytes)} each`);
  return parts.join(' · ');
}

function SplitterCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'splitter');
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="parts out" value={stats?.out ?? 0} testId="stat-out" />
      <MinorStats items={[{ label: 'unroutable', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' }]} />
    </>
  );
}

export const SplitterNode = memo(function SplitterNode({ id, data, selected }: NodeProps<FlowNodeOf<'splitter'>>) {
  return (
    <NodeShell id={id} kind="splitter" label={data.label} selected={selected} input output summary={summary(data.config)}>
      <SplitterCounters id={id} />
    </NodeShell>
  );
});
