import { memo, type CSSProperties } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { KafkaTopicConfig } from '../../model/index.ts';
import type { NodeStats } from '../../sim-client/index.ts';
import type { FlowNodeOf } from '../../store/topology-types.ts';
import { formatBytes, formatDuration } from '../format.ts';
import { MinorStats, NodeShell, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

type KafkaTopicStats = Extract<NodeStats, { kind: 'kafka-topic' }>;
type KafkaPartitionStats = KafkaTopicStats['partitions'][number];
type KafkaGroupStats = KafkaTopicStats['groups'][number];

/** Partitions drawn as bars; more would make the node grow, so the rest are counted in one line. */
const MAX_BARS = 6;
const DAY_MS = 86_400_000;

function retention(ms: number): string {
  return ms % DAY_MS === 0 ? `${ms / DAY_MS} d` : formatDuration(ms);
}

function summary(c: KafkaTopicConfig): string {
  const parts = [`${c.partitions} partition${c.partitions === 1 ? '' : 's'}`, `acks ${c.acks}`];
  if (!c.idempotence) parts.push('not idempotent');
  if (c.cleanupPolicy !== 'compact') parts.push(`keep ${retention(c.retentionMs)}`);
  if (c.retentionBytes !== undefined) parts.push(`≤${formatBytes(c.retentionBytes)}/partition`);
  if (c.cleanupPolicy !== 'delete') parts.push('compacted');
  return parts.join(' · ');
}

/** One bar per partition: how many records it keeps (against the fullest), and who reads it in the first group. */
function PartitionBars({ partitions, owners }: { partitions: readonly KafkaPartitionStats[]; owners: readonly (string | null)[] }) {
  const fullest = Math.max(1, ...partitions.map((p) => p.records));
  const shown = partitions.slice(0, MAX_BARS);
  return (
    <div className="mf-kafka__partitions" data-testid="kafka-partitions">
      {shown.map((p, i) => (
        <div className="mf-kafka__partition" key={i} title={`partition ${i}: offsets ${p.startOffset}–${p.endOffset}, ${p.records} records, ${formatBytes(p.bytes)}`}>
          <span className="mf-kafka__name">p{i}</span>
          <span className="mf-kafka__bar">
            <span className="mf-kafka__fill" style={{ '--fill': `${(100 * p.records) / fullest}%` } as CSSProperties} />
          </span>
          <b className="mf-kafka__count" data-testid={`kafka-partition-${i}`} data-value={p.records}>
            {p.records}
          </b>
          <span className="mf-kafka__owner" data-testid={`kafka-owner-${i}`}>
            {owners[i] ?? '–'}
          </span>
        </div>
      ))}
      {partitions.length > MAX_BARS && <div className="mf-kafka__more">+{partitions.length - MAX_BARS} more partitions</div>}
    </div>
  );
}

function GroupLines({ groups }: { groups: readonly KafkaGroupStats[] }) {
  return (
    <div className="mf-kafka__groups">
      {groups.map((g) => {
        const live = g.members.filter((m) => m.live).length;
        return (
          <div
            className="mf-kafka__group"
            key={g.group}
            data-testid={`kafka-group-${g.group}`}
            data-lag={g.lag}
            title={`group ${g.group}: committed offsets ${g.committed.join(', ')}; ${g.rebalances} rebalances`}
          >
            <span className="mf-kafka__group-name">{g.group}</span> {live}/{g.members.length} live · lag{' '}
            <b className={g.lag > 0 ? 'is-lagging' : undefined}>{g.lag}</b>
          </div>
        );
      })}
    </div>
  );
}

function KafkaCounters({ id, partitions }: { id: string; partitions: number }) {
  const stats = useNodeStats(id, 'kafka-topic');
  const parts = stats?.partitions ?? Array.from({ length: partitions }, () => ({ startOffset: 0, endOffset: 0, records: 0, bytes: 0 }));
  const groups = stats?.groups ?? [];
  return (
    <>
      <Stat label="records" value={parts.reduce((n, p) => n + p.records, 0)} testId="stat-records" />
      <Stat label="lag" value={groups.reduce((n, g) => n + g.lag, 0)} testId="stat-lag" />
      <PartitionBars partitions={parts} owners={groups[0]?.owners ?? []} />
      {groups.length > 0 && <GroupLines groups={groups} />}
      <MinorStats
        items={[
          { label: 'unreplicated', value: stats?.unreplicated ?? 0, testId: 'stat-unreplicated' },
          { label: 'resends dropped', value: stats?.duplicatesDropped ?? 0, testId: 'stat-duplicates-dropped' },
          { label: 'held back', value: stats?.outOfSequence ?? 0, testId: 'stat-out-of-sequence', tone: 'warn' },
          { label: 'lost in crash', value: stats?.lostInCrash ?? 0, testId: 'stat-lost-in-crash', tone: 'bad' },
          { label: 'deleted', value: stats?.deletedByRetention ?? 0, testId: 'stat-deleted' },
          { label: 'compacted', value: stats?.compacted ?? 0, testId: 'stat-compacted' },
          { label: 'refused', value: stats?.refused ?? 0, testId: 'stat-refused', tone: 'bad' },
        ]}
      />
    </>
  );
}

export const KafkaTopicNode = memo(function KafkaTopicNode({ id, data, selected }: NodeProps<FlowNodeOf<'kafka-topic'>>) {
  return (
    <NodeShell id={id} kind="kafka-topic" label={data.label} selected={selected} input output summary={summary(data.config)}>
      <KafkaCounters id={id} partitions={data.config.partitions} />
    </NodeShell>
  );
});
