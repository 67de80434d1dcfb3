import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { contentEnricherSummary } from './translator-text.ts';
import { useNodeStats } from './use-node-stats.ts';

function ContentEnricherCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'content-enricher');
  const waiting = stats?.waiting ?? 0;
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.out ?? 0} testId="stat-out" />
      <Stat label="looking up" value={stats?.busy ?? 0} testId="stat-busy" />
      <Stat label="waiting" value={waiting} testId="stat-waiting" tone={waiting > 0 ? 'warn' : undefined} />
      <MinorStats
        items={[
          { label: 'failed', value: stats?.failed ?? 0, testId: 'stat-failed', tone: 'bad' },
          { label: 'unroutable', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const ContentEnricherNode = memo(function ContentEnricherNode({ id, data, selected }: NodeProps<FlowNodeOf<'content-enricher'>>) {
  return (
    <NodeShell id={id} kind="content-enricher" label={data.label} selected={selected} input output summary={contentEnricherSummary(data.config)}>
      <ContentEnricherCounters id={id} />
    </NodeShell>
  );
});
