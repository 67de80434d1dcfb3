import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { averageSize, contentFilterSummary } from './translator-text.ts';
import { useNodeStats } from './use-node-stats.ts';

function ContentFilterCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'content-filter');
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.out ?? 0} testId="stat-out" />
      <Stat label="bytes/msg out" value={averageSize(stats)} testId="stat-size-out" />
      <MinorStats
        items={[
          { label: 'headers removed', value: stats?.headersRemoved ?? 0, testId: 'stat-headers-removed' },
          { label: 'unroutable', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const ContentFilterNode = memo(function ContentFilterNode({ id, data, selected }: NodeProps<FlowNodeOf<'content-filter'>>) {
  return (
    <NodeShell id={id} kind="content-filter" label={data.label} selected={selected} input output summary={contentFilterSummary(data.config)}>
      <ContentFilterCounters id={id} />
    </NodeShell>
  );
});
