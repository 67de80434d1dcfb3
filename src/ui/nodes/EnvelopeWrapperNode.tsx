import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { EnvelopeWrapperConfig } from '../../model/index.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { averageSize, envelopeWrapperSummary } from './translator-text.ts';
import { useNodeStats } from './use-node-stats.ts';

function EnvelopeWrapperCounters({ id, mode }: { id: string; mode: EnvelopeWrapperConfig['mode'] }) {
  const stats = useNodeStats(id, 'envelope-wrapper');
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label={mode === 'wrap' ? 'wrapped' : 'unwrapped'} value={stats?.envelopes ?? 0} testId="stat-envelopes" />
      <Stat label="bytes/msg out" value={averageSize(stats)} testId="stat-size-out" />
      <MinorStats
        items={[
          { label: 'no envelope', value: stats?.notWrapped ?? 0, testId: 'stat-not-wrapped', tone: 'warn' },
          { label: 'unroutable', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const EnvelopeWrapperNode = memo(function EnvelopeWrapperNode({ id, data, selected }: NodeProps<FlowNodeOf<'envelope-wrapper'>>) {
  return (
    <NodeShell id={id} kind="envelope-wrapper" label={data.label} selected={selected} input output summary={envelopeWrapperSummary(data.config)}>
      <EnvelopeWrapperCounters id={id} mode={data.config.mode} />
    </NodeShell>
  );
});
