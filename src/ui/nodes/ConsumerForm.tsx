import { consumerConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { DistributionField } from '../inspector/DistributionField.tsx';
import { NumberField } from '../inspector/fields.tsx';
import { applyIfValid } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

export function ConsumerForm({ id, data }: KindFormProps<'consumer'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(consumerConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <DistributionField
        legend="Processing time"
        value={config.processingMs}
        testId="field-processing"
        onCommit={(processingMs) => commit({ ...config, processingMs })}
      />
      <NumberField
        label="Concurrency"
        unit="at once"
        value={config.concurrency}
        hint="Messages processed in parallel."
        testId="field-concurrency"
        onCommit={(concurrency) => commit({ ...config, concurrency })}
      />
      <NumberField
        label="Prefetch"
        unit="msgs"
        value={config.prefetch}
        hint="Unacknowledged messages a queue may hand over; 0 = unlimited."
        testId="field-prefetch"
        onCommit={(prefetch) => commit({ ...config, prefetch })}
      />
    </>
  );
}
