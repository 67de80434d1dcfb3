import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { RequesterConfig } from '../../model/index.ts';
import { useSimStore } from '../../store/sim-store.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { formatDuration, formatNumber } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { requesterWait } from './requester-wait.ts';
import { useNodeStats } from './use-node-stats.ts';

function summary(config: RequesterConfig): string {
  const parts = [config.maxOutstanding === 1 ? 'lockstep (REQ)' : `≤${config.maxOutstanding} outstanding`];
  parts.push(config.timeoutMs ? `timeout ${formatDuration(config.timeoutMs)} ×${config.maxRetries} retries` : 'no timeout');
  if (config.rate) parts.push(`${formatNumber(config.rate.perSecond)}/s${config.rate.dist === 'poisson' ? ' Poisson' : ''}`);
  if (config.limit !== undefined) parts.push(`limit ${config.limit}`);
  return parts.join(' · ');
}

/**
 * How long the oldest request has waited; a child of its own, rendered only while one waits,
 * because it follows sim time (in tenths of a second, not every frame).
 */
function WaitLine({ waitingSinceMs, rttMaxMs, timeoutMs }: { waitingSinceMs: number; rttMaxMs: number; timeoutMs: number | undefined }) {
  const simTenths = useSimStore((s) => Math.floor(s.simTimeMs / 100));
  const runOver = useSimStore((s) => s.state === 'finished');
  const wait = requesterWait({ waitingSinceMs, rttMaxMs }, timeoutMs, simTenths * 100, runOver);
  if (!wait) return null;
  return (
    <div className={`mf-node__wait${wait.stalled ? ' is-stalled' : ''}`} data-testid="requester-wait" data-stalled={wait.stalled}>
      {wait.text}
    </div>
  );
}

function RequesterCounters({ id, timeoutMs }: { id: string; timeoutMs: number | undefined }) {
  const stats = useNodeStats(id, 'requester');
  const outstanding = stats?.outstanding ?? 0;
  return (
    <>
      <Stat label="sent" value={stats?.sent ?? 0} testId="stat-sent" />
      <Stat label="replies" value={stats?.replies ?? 0} testId="stat-replies" />
      <Stat label="outstanding" value={outstanding} testId="stat-outstanding" tone={outstanding > 0 ? 'warn' : undefined} />
      <MinorStats
        items={[
          { label: 'retries', value: stats?.retries ?? 0, testId: 'stat-retries', tone: 'warn' },
          { label: 'timeouts', value: stats?.timeouts ?? 0, testId: 'stat-timeouts', tone: 'warn' },
          { label: 'gave up', value: stats?.gaveUp ?? 0, testId: 'stat-gave-up', tone: 'bad' },
          { label: 'late', value: stats?.lateReplies ?? 0, testId: 'stat-late', tone: 'warn' },
          { label: 'ms round trip', value: Math.round(stats?.rttMeanMs ?? 0), testId: 'stat-rtt' },
        ]}
      />
      {stats && stats.waitingSinceMs !== null && <WaitLine waitingSinceMs={stats.waitingSinceMs} rttMaxMs={stats.rttMaxMs} timeoutMs={timeoutMs} />}
    </>
  );
}

export const RequesterNode = memo(function RequesterNode({ id, data, selected }: NodeProps<FlowNodeOf<'requester'>>) {
  return (
    <NodeShell id={id} kind="requester" label={data.label} selected={selected} input output summary={summary(data.config)}>
      <RequesterCounters id={id} timeoutMs={data.config.timeoutMs} />
    </NodeShell>
  );
});
