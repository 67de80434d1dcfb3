import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ClaimCheckConfig } from '../../model/index.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { claimCheckSummary } from './translator-text.ts';
import { useNodeStats } from './use-node-stats.ts';

function ClaimCheckCounters({ id, mode }: { id: string; mode: ClaimCheckConfig['mode'] }) {
  const stats = useNodeStats(id, 'claim-check');
  const unroutable = { label: 'unroutable', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' } as const;
  if (mode === 'check-in') {
    return (
      <>
        <Stat label="in" value={stats?.checkedIn ?? 0} testId="stat-checked-in" />
        <Stat label="parked" value={stats?.parked ?? 0} testId="stat-parked" />
        <Stat label="bytes saved" value={stats?.bytesSaved ?? 0} testId="stat-bytes-saved" />
        <MinorStats
          items={[
            { label: 'expired', value: stats?.expired ?? 0, testId: 'stat-expired', tone: 'warn' },
            { label: 'lost in crash', value: stats?.crashed ?? 0, testId: 'stat-crashed', tone: 'bad' },
            unroutable,
          ]}
        />
      </>
    );
  }
  return (
    <>
      <Stat label="out" value={stats?.checkedOut ?? 0} testId="stat-checked-out" />
      <Stat label="parked" value={stats?.parked ?? 0} testId="stat-parked" />
      <MinorStats items={[{ label: 'missing', value: stats?.missing ?? 0, testId: 'stat-missing', tone: 'bad' }, unroutable]} />
    </>
  );
}

export const ClaimCheckNode = memo(function ClaimCheckNode({ id, data, selected }: NodeProps<FlowNodeOf<'claim-check'>>) {
  return (
    <NodeShell id={id} kind="claim-check" label={data.label} selected={selected} input output summary={claimCheckSummary(data.config)}>
      <ClaimCheckCounters id={id} mode={data.config.mode} />
    </NodeShell>
  );
});
