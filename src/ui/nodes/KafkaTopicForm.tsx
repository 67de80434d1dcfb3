import { kafkaTopicConfigSchema, type KafkaTopicConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { CheckboxField, FieldGroup, NumberField, SelectField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

const ACKS_OPTIONS: readonly Choice<KafkaTopicConfig['acks']>[] = [
  { value: 'all', label: 'all (every in-sync replica)', hint: 'K-4: confirmed once replicated; a leader crash loses nothing its producers were told about, and they resend the rest.' },
  { value: '1', label: '1 (the leader)', hint: 'K-4: confirmed as soon as the leader has it; a leader crash loses what it had not replicated yet.' },
  { value: '0', label: '0 (no wait)', hint: 'K-4: nothing is confirmed (its producers must not ask for confirms); what is on its way or not replicated is lost in a crash.' },
];

const CLEANUP_OPTIONS: readonly Choice<KafkaTopicConfig['cleanupPolicy']>[] = [
  { value: 'delete', label: 'delete', hint: 'K-6: records are deleted by age (retention) or by size per partition.' },
  { value: 'compact', label: 'compact', hint: 'K-6: only the last record per key is kept (at once here; Kafka compacts in the background). Keyless records are refused.' },
  { value: 'compact,delete', label: 'compact, delete', hint: 'K-6: the last record per key, and only while younger than the retention.' },
];

export function KafkaTopicForm({ id, data }: KindFormProps<'kafka-topic'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(kafkaTopicConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <p className="mf-inspector__note">
        Consumer groups are set on the links to consumers (select a link): consumers with the same group share the partitions; each group reads
        every record.
      </p>
      <FieldGroup legend="Partitions" note="K-1: a keyed record goes to partition murmur2(key) mod partitions; order holds within a partition only." testId="group-partitions">
        <NumberField
          label="Partitions"
          value={config.partitions}
          hint="1 to 1000. More partitions let more members of a group read side by side."
          testId="field-partitions"
          onCommit={(partitions) => commit({ ...config, partitions })}
        />
        <NumberField
          label="Batch for keyless records"
          unit="bytes"
          value={config.batchBytes}
          hint="A record without a key sticks to one partition until this many bytes went there, then another is drawn (Kafka batch.size, 16384)."
          testId="field-batch-bytes"
          onCommit={(batchBytes) => commit({ ...config, batchBytes })}
        />
      </FieldGroup>
      <FieldGroup legend="Writes" testId="group-writes">
        <SelectField label="acks" value={config.acks} options={ACKS_OPTIONS} testId="field-acks" onCommit={(acks) => commit({ ...config, acks })} />
        <NumberField
          label="Replication lag"
          unit="ms"
          value={config.replicationLagMs}
          hint="How long a record takes to reach the followers. Consumers read it only then; a crash of the leader before then loses it."
          testId="field-replication-lag"
          onCommit={(replicationLagMs) => commit({ ...config, replicationLagMs })}
        />
        <CheckboxField
          label="Idempotent producers"
          checked={config.idempotence}
          hint="K-5: a resent record already written is dropped, and a record that overtook a missing one waits for it, so order holds."
          testId="field-idempotence"
          onCommit={(idempotence) => commit({ ...config, idempotence })}
        />
      </FieldGroup>
      <FieldGroup legend="Retention" note="Reading deletes nothing (K-3): only these do." testId="group-retention">
        <SelectField
          label="Cleanup policy"
          value={config.cleanupPolicy}
          options={CLEANUP_OPTIONS}
          testId="field-cleanup-policy"
          onCommit={(cleanupPolicy) => commit({ ...config, cleanupPolicy })}
        />
        {config.cleanupPolicy !== 'compact' && (
          <>
            <NumberField
              label="Retention"
              unit="ms"
              value={config.retentionMs}
              hint="Records older than this are deleted; a group that had not read one loses it (Kafka: 7 days = 604800000 ms)."
              testId="field-retention-ms"
              onCommit={(retentionMs) => commit({ ...config, retentionMs })}
            />
            <NumberField
              label="Retention per partition"
              unit="bytes"
              optional
              placeholder="no limit"
              value={config.retentionBytes}
              hint="The oldest records are deleted while a partition holds more than this."
              testId="field-retention-bytes"
              onCommit={(retentionBytes) => commit(withOptional(config, 'retentionBytes', retentionBytes))}
            />
          </>
        )}
      </FieldGroup>
    </>
  );
}
