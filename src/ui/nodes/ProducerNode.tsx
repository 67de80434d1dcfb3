import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import type { ProducerConfig } from '../../model/index.ts';
import { distributionSummary, formatDuration, formatNumber } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function rateSummary(rate: ProducerConfig['rate']): string {
  const perSecond = `${formatNumber(rate.perSecond)}/s`;
  return rate.dist === 'bursts'
    ? `${perSecond} bursts ${formatDuration(rate.onMs)} on/${formatDuration(rate.offMs)} off`
    : `${perSecond} ${rate.dist}`;
}

function summary(config: ProducerConfig): string {
  const parts = [rateSummary(config.rate)];
  if (config.limit !== undefined) parts.push(`limit ${config.limit}`);
  if (config.keys.length > 0) {
    parts.push(`${config.keys.length} key${config.keys.length === 1 ? '' : 's'}${config.keyWeights ? ' weighted' : ''}`);
  }
  const headers = Object.keys(config.headers).length;
  if (headers > 0) parts.push(`${headers} header${headers === 1 ? '' : 's'}`);
  if (typeof config.sizeBytes === 'object') parts.push(`size ${distributionSummary(config.sizeBytes, 'B')}`);
  if (config.ttlMs !== undefined) parts.push(`TTL ${formatDuration(config.ttlMs)}`);
  if (config.persistent) parts.push('persistent');
  if (config.confirms) {
    parts.push(config.retryAfterMs === undefined ? 'confirms' : `confirms, retry ${formatDuration(config.retryAfterMs)} ×${config.maxRetries}`);
  }
  if (config.mandatory) parts.push('mandatory');
  if (config.qos > 0) parts.push(`QoS ${config.qos}`);
  if (config.retain) parts.push('retain');
  if (config.will) parts.push('will');
  return parts.join(' · ');
}

function ProducerCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'producer');
  const refused = stats?.refused ?? 0;
  return (
    <>
      <Stat label="sent" value={stats?.produced ?? 0} testId="stat-sent" />
      {refused > 0 && <Stat label="refused" value={refused} testId="stat-refused" tone="bad" />}
      <MinorStats
        items={[
          { label: 'returned', value: stats?.returned ?? 0, testId: 'stat-returned', tone: 'warn' },
          { label: 'confirmed', value: stats?.confirmed ?? 0, testId: 'stat-confirmed' },
          { label: 'retries', value: stats?.retries ?? 0, testId: 'stat-retries', tone: 'warn' },
          { label: 'unconfirmed', value: stats?.unconfirmed ?? 0, testId: 'stat-unconfirmed', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const ProducerNode = memo(function ProducerNode({ id, data, selected }: NodeProps<FlowNodeOf<'producer'>>) {
  return (
    <NodeShell id={id} kind="producer" label={data.label} selected={selected} input={false} output summary={summary(data.config)}>
      <ProducerCounters id={id} />
    </NodeShell>
  );
});
