import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { QueueConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { formatBytes, formatDuration } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

function summary(config: QueueConfig, deadLetter: string | undefined): string {
  const parts: string[] = [];
  if (config.maxLength !== undefined) parts.push(`max ${config.maxLength}`);
  if (config.maxBytes !== undefined) parts.push(`max ${formatBytes(config.maxBytes)}`);
  // The policy only matters once the queue can be full.
  if (parts.length > 0) parts.push(config.overflow);
  if (config.maxMessageBytes !== undefined) parts.push(`msg ≤${formatBytes(config.maxMessageBytes)}`);
  if (config.delayMs > 0) parts.push(`delay ${formatDuration(config.delayMs)}`);
  if (config.ackTimeoutMs !== undefined) parts.push(`timeout ${formatDuration(config.ackTimeoutMs)}`);
  if (config.maxDeliveries !== undefined) parts.push(`≤${config.maxDeliveries} deliveries`);
  if (config.messageTtlMs !== undefined) parts.push(`TTL ${formatDuration(config.messageTtlMs)}`);
  if (deadLetter !== undefined) parts.push(config.deadLetterRoutingKey === undefined ? deadLetter : `${deadLetter}, key ${config.deadLetterRoutingKey}`);
  if (config.retentionMs !== undefined) parts.push(`retention ${formatDuration(config.retentionMs)}`);
  if (config.durable) parts.push('durable');
  if (config.maxPriority !== undefined) parts.push(`priority ≤${config.maxPriority}`);
  if (config.deduplication !== 'none') {
    parts.push(`dedup ${config.deduplication === 'content' ? 'content' : 'id'} ${formatDuration(config.dedupWindowMs)}`);
  }
  if (parts.length === 0) return `${config.ordering === 'fifo' ? 'FIFO' : config.ordering} · unbounded`;
  // FIFO is the default: only another ordering is worth the room.
  return (config.ordering === 'fifo' ? parts : [config.ordering, ...parts]).join(' · ');
}

/**
 * Where dead letters go, as the summary says it: "DLX → name" for an exchange (RabbitMQ's
 * dead-letter exchange), "DLQ → name" for a queue or topic; the name is the target's
 * label, else its id. A string, so the selector compares by value.
 */
function useDeadLetterRoute(id: string | undefined): string | undefined {
  return useTopologyStore((s) => {
    if (id === undefined) return undefined;
    const node = s.nodes.find((n) => n.id === id);
    return `${node?.data.kind === 'exchange' ? 'DLX' : 'DLQ'} → ${node?.data.label || id}`;
  });
}

function QueueCounters({ id }: { id: string }) {
  const stats = useNodeStats(id, 'queue');
  return (
    <>
      <Stat label="depth" value={stats?.depth ?? 0} testId="stat-depth" />
      <Stat label="unacked" value={stats?.unacked ?? 0} testId="stat-unacked" />
      <MinorStats
        items={[
          { label: 'redelivered', value: stats?.redelivered ?? 0, testId: 'stat-redelivered', tone: 'warn' },
          { label: 'expired', value: stats?.expired ?? 0, testId: 'stat-expired', tone: 'warn' },
          { label: 'dead-lettered', value: stats?.deadLettered ?? 0, testId: 'stat-dead-lettered', tone: 'bad' },
          { label: 'dropped', value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'bad' },
          { label: 'refused', value: stats?.refused ?? 0, testId: 'stat-refused', tone: 'bad' },
          { label: 'too large', value: stats?.tooLarge ?? 0, testId: 'stat-too-large', tone: 'bad' },
          { label: 'blocked', value: stats?.blocked ?? 0, testId: 'stat-blocked', tone: 'warn' },
          { label: 'deduplicated', value: stats?.deduplicated ?? 0, testId: 'stat-deduplicated' },
          { label: 'denied', value: stats?.denied ?? 0, testId: 'stat-denied', tone: 'bad' },
          { label: 'empty receives', value: stats?.emptyReceives ?? 0, testId: 'stat-empty-receives' },
        ]}
      />
      {stats?.deleted && (
        <div className="mf-node__minor">
          <span
            className="mf-stat mf-stat--minor mf-stat--bad"
            title="RMQ-Q2: a transient queue is gone after its restart, with its bindings; what is sent to it is lost:unroutable"
            data-testid="stat-deleted"
          >
            <b>deleted</b>
            <span className="mf-stat__label">at restart</span>
          </span>
        </div>
      )}
    </>
  );
}

export const QueueNode = memo(function QueueNode({ id, data, selected }: NodeProps<FlowNodeOf<'queue'>>) {
  const deadLetter = useDeadLetterRoute(data.config.deadLetterTarget);
  return (
    <NodeShell id={id} kind="queue" label={data.label} selected={selected} input output summary={summary(data.config, deadLetter)}>
      <QueueCounters id={id} />
    </NodeShell>
  );
});
