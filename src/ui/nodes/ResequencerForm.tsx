import { resequencerConfigSchema, type ResequencerConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, NumberField, SelectField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

const SEQUENCE_OPTIONS: readonly Choice<ResequencerConfig['sequence']>[] = [
  { value: 'producer', label: 'Per producer', hint: 'Each producer’s messages in the order it sent them.' },
  { value: 'key', label: 'Per producer and key', hint: 'Each key’s messages in order; different keys do not wait for each other.' },
];

export function ResequencerForm({ id, data }: KindFormProps<'resequencer'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(resequencerConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <FieldGroup legend="Order" note="Put it after whatever reorders (an unordered link, competing consumers) and before what needs order." testId="group-order">
      <SelectField label="Sequence" value={config.sequence} options={SEQUENCE_OPTIONS} testId="field-sequence" onCommit={(sequence) => commit({ ...config, sequence })} />
      <NumberField
        label="Gap timeout"
        unit="ms"
        value={config.gapTimeoutMs}
        hint="How long a missing message is waited for, from when the wait for it began; then it is skipped (counted) and the lowest held one goes."
        testId="field-gap-timeout"
        onCommit={(gapTimeoutMs) => commit({ ...config, gapTimeoutMs })}
      />
      <NumberField
        label="Buffer"
        unit="msgs"
        value={config.bufferSize}
        hint="With this many held, the lowest goes at once instead of waiting out the gap."
        testId="field-buffer-size"
        onCommit={(bufferSize) => commit({ ...config, bufferSize })}
      />
    </FieldGroup>
  );
}
