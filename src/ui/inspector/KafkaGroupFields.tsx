import { kafkaMembershipSchema, type KafkaMembership } from '../../model/index.ts';
import { formatDuration } from '../format.ts';
import { FieldGroup, NumberField, RadioField, SelectField, TextField, type Choice, type Commit } from './fields.tsx';
import { withOptional } from './validation.ts';

const COMMIT_OPTIONS: readonly Choice<KafkaMembership['commit']>[] = [
  {
    value: 'after-processing',
    label: 'After processing',
    hint: 'K-3, at least once: a crash hands the partition on from the last commit, so what was processed since is processed again.',
  },
  {
    value: 'before-processing',
    label: 'Before processing',
    hint: 'K-3, at most once: the offset is committed as the record is fetched, so a crash loses what the consumer held.',
  },
];

const RESET_OPTIONS: readonly Choice<KafkaMembership['offsetReset']>[] = [
  { value: 'latest', label: 'latest (new records only)', hint: 'A group that joins after records were written reads only what comes next (Kafka’s default).' },
  { value: 'earliest', label: 'earliest (every record kept)', hint: 'A group that joins late reads the whole log, as far as retention and compaction left it.' },
];

/** The group and commit of a link from a Kafka topic, in a few words for the link's label. */
export function kafkaSummary(kafka: KafkaMembership | undefined, consumerId: string): string {
  const m = kafka ?? kafkaMembershipSchema.parse({});
  const commit =
    m.commit === 'before-processing' ? 'commit before' : m.commitIntervalMs === 0 ? 'commit each' : `commit ${formatDuration(m.commitIntervalMs)}`;
  return `group ${m.group ?? consumerId} · ${commit}`;
}

/**
 * A consumer's membership of a Kafka topic's consumer group (K-2, K-3): the group it
 * shares partitions with, when it commits offsets, and where a new group starts.
 */
export function KafkaGroupFields({ consumerId, kafka, onCommit }: {
  consumerId: string;
  kafka: KafkaMembership | undefined;
  /** Gets the whole edited membership; returns the problem to show, or undefined once applied. */
  onCommit: Commit<KafkaMembership>;
}) {
  const current = kafka ?? kafkaMembershipSchema.parse({});
  const commit = (candidate: Record<string, unknown>): string | undefined => {
    const result = kafkaMembershipSchema.safeParse(candidate);
    return result.success ? onCommit(result.data) : result.error.issues.map((i) => i.message).join('; ');
  };
  return (
    <FieldGroup
      legend="Consumer group"
      testId="group-kafka"
      note="K-2: consumers with the same group share the topic’s partitions, each partition read by one of them; every group reads every record."
    >
      <TextField
        label="Group"
        value={current.group ?? ''}
        placeholder={`${consumerId} (a group of its own)`}
        hint="Give two links the same group to share the work; different groups each get everything."
        testId="field-kafka-group"
        onCommit={(group) => commit(withOptional(current, 'group', group.trim() === '' ? undefined : group))}
      />
      <RadioField label="Commit offsets" value={current.commit} options={COMMIT_OPTIONS} testId="field-kafka-commit" onCommit={(c) => commit({ ...current, commit: c })} />
      {current.commit === 'after-processing' && (
        <NumberField
          label="Commit every"
          unit="ms"
          value={current.commitIntervalMs}
          hint="Processed offsets are committed this often (Kafka auto.commit.interval.ms, 5000); 0: right after each record."
          testId="field-kafka-commit-interval"
          onCommit={(commitIntervalMs) => commit({ ...current, commitIntervalMs })}
        />
      )}
      <SelectField
        label="A new group starts at"
        value={current.offsetReset}
        options={RESET_OPTIONS}
        testId="field-kafka-offset-reset"
        onCommit={(offsetReset) => commit({ ...current, offsetReset })}
      />
    </FieldGroup>
  );
}
