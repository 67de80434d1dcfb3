import { splitterConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, NumberField, TextField } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

export function SplitterForm({ id, data }: KindFormProps<'splitter'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(splitterConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <FieldGroup
      legend="Parts"
      note="Every part carries the message's id as its correlation id and its place, 1/N to N/N: an aggregator puts them together again."
      testId="group-parts"
    >
      <NumberField
        label="Parts"
        unit="per message"
        value={config.parts}
        hint="N: how many parts each message becomes (1 to 1,000)."
        testId="field-parts"
        onCommit={(parts) => commit({ ...config, parts })}
      />
      <TextField
        label="Parts from header"
        value={config.partsHeader ?? ''}
        placeholder="none: always the number above"
        hint="A message with a whole number in this header is cut into that many parts instead (e.g. a producer header items = {key} with keys 2, 3, 5)."
        testId="field-parts-header"
        onCommit={(name) => commit(withOptional(config, 'partsHeader', name === '' ? undefined : name))}
      />
      <NumberField
        label="Part size"
        unit="bytes"
        value={config.partSizeBytes}
        optional
        placeholder="an even share"
        hint="Empty: the message's size shared evenly among its parts, so they add up to it."
        testId="field-part-size"
        onCommit={(partSizeBytes) => commit(withOptional(config, 'partSizeBytes', partSizeBytes))}
      />
    </FieldGroup>
  );
}
