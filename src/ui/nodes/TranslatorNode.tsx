import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { averageSize, translatorSummary } from './translator-text.ts';
import { useNodeStats } from './use-node-stats.ts';

function TranslatorCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'translator');
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.out ?? 0} testId="stat-out" />
      <Stat label="bytes/msg out" value={averageSize(stats)} testId="stat-size-out" />
      <MinorStats items={[{ label: 'unroutable', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' }]} />
    </>
  );
}

export const TranslatorNode = memo(function TranslatorNode({ id, data, selected }: NodeProps<FlowNodeOf<'translator'>>) {
  return (
    <NodeShell id={id} kind="translator" label={data.label} selected={selected} input output summary={translatorSummary(data.config)}>
      <TranslatorCounters id={id} />
    </NodeShell>
  );
});
