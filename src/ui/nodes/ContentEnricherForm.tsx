import { contentEnricherConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { DistributionField } from '../inspector/DistributionField.tsx';
import { FieldGroup, FieldMessage, NumberField, PercentField } from '../inspector/fields.tsx';
import { NameValueList } from '../inspector/row-list.tsx';
import { applyIfValid } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

export function ContentEnricherForm({ id, data }: KindFormProps<'content-enricher'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(contentEnricherConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <DistributionField legend="Lookup time" value={config.lookupMs} testId="field-lookup" onCommit={(lookupMs) => commit({ ...config, lookupMs })}>
        <NumberField
          label="Concurrency"
          unit="at once"
          value={config.concurrency}
          hint="Lookups in parallel; the rest wait in arrival order (counted waiting)."
          testId="field-concurrency"
          onCommit={(concurrency) => commit({ ...config, concurrency })}
        />
        <PercentField
          label="Lookup fails"
          fraction={config.failureProbability}
          hint="A failed lookup loses the message: lost:enrichment-failed."
          testId="field-failure"
          onCommit={(failureProbability) => commit({ ...config, failureProbability })}
        />
      </DistributionField>
      <FieldGroup legend="Adds" note="What a successful lookup adds to each message." testId="group-adds">
        <NameValueList
          value={config.addHeaders}
          label="Headers"
          noun="Header"
          namePlaceholder="name"
          testId="field-add-headers"
          rowTestId={(i) => `field-add-header-${i}`}
          addTestId="field-add-header"
          addLabel="+ Header"
          removeTitle="Remove this header"
          onCommit={(addHeaders) => commit({ ...config, addHeaders })}
          message={(error) => <FieldMessage error={error} hint="{seq} and {key} are filled from the message." />}
        />
        <NumberField label="Bytes" unit="bytes" value={config.addBytes} testId="field-add-bytes" onCommit={(addBytes) => commit({ ...config, addBytes })} />
      </FieldGroup>
    </>
  );
}
