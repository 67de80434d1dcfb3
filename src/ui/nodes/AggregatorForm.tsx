import { aggregatorConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, NumberField } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

export function AggregatorForm({ id, data }: KindFormProps<'aggregator'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(aggregatorConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <FieldGroup
      legend="Completion"
      note="Parts are grouped by correlation id. The first part in becomes the aggregate and carries the others: they share its fate."
      testId="group-completion"
    >
      <NumberField
        label="Completion size"
        unit="parts"
        value={config.completionSize}
        optional
        placeholder="all N parts"
        hint="Send the aggregate once this many parts of a group are in (at most the N of the split); the rest then come late."
        testId="field-completion-size"
        onCommit={(completionSize) => commit(withOptional(config, 'completionSize', completionSize))}
      />
      <NumberField
        label="Completion timeout"
        unit="ms"
        value={config.completionTimeoutMs}
        hint="From a group's first part: when it runs out, what is in goes on as a partial aggregate (flagged, counted)."
        testId="field-completion-timeout"
        onCommit={(completionTimeoutMs) => commit({ ...config, completionTimeoutMs })}
      />
      <NumberField
        label="Aggregate size"
        unit="bytes"
        value={config.aggregateSizeBytes}
        optional
        placeholder="sum of the parts"
        hint="Empty: the aggregate weighs what its parts weigh together."
        testId="field-aggregate-size"
        onCommit={(aggregateSizeBytes) => commit(withOptional(config, 'aggregateSizeBytes', aggregateSizeBytes))}
      />
    </FieldGroup>
  );
}
