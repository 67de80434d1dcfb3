import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { formatDuration } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function ResequencerCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'resequencer');
  const held = stats?.held ?? 0;
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.out ?? 0} testId="stat-out" />
      <Stat label="held" value={held} testId="stat-held" tone={held > 0 ? 'warn' : undefined} />
      <MinorStats
        items={[
          { label: 'skipped', value: stats?.skipped ?? 0, testId: 'stat-skipped', tone: 'warn' },
          { label: 'late', value: stats?.late ?? 0, testId: 'stat-late', tone: 'warn' },
          { label: 'unroutable', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const ResequencerNode = memo(function ResequencerNode({ id, data, selected }: NodeProps<FlowNodeOf<'resequencer'>>) {
  const { sequence, gapTimeoutMs, bufferSize } = data.config;
  const summary = `${sequence === 'key' ? 'per key' : 'per producer'} · wait ${formatDuration(gapTimeoutMs)} · buffer ${bufferSize}`;
  return (
    <NodeShell id={id} kind="resequencer" label={data.label} selected={selected} input output summary={summary}>
      <ResequencerCounters id={id} />
    </NodeShell>
  );
});
