import { replierConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { DistributionField } from '../inspector/DistributionField.tsx';
import { FieldGroup, NumberField, PercentField } from '../inspector/fields.tsx';
import { applyIfValid } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

export function ReplierForm({ id, data }: KindFormProps<'replier'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(replierConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <DistributionField legend="Processing time" value={config.processingMs} testId="field-processing" onCommit={(processingMs) => commit({ ...config, processingMs })} />
      <FieldGroup
        legend="Replies"
        note="A reply goes over the link to the node that asked (link it back), or else over its only output, such as a reply queue."
        testId="group-replies"
      >
        <NumberField
          label="Concurrency"
          unit="at once"
          value={config.concurrency}
          hint="Requests processed in parallel; from a queue, also how many it takes unacknowledged."
          testId="field-concurrency"
          onCommit={(concurrency) => commit({ ...config, concurrency })}
        />
        <PercentField
          label="No answer"
          fraction={config.failureProbability}
          hint="Chance that a request fails and gets no reply (from a queue: rejected)."
          testId="field-failure"
          onCommit={(failureProbability) => commit({ ...config, failureProbability })}
        />
        <NumberField
          label="Reply size"
          unit="bytes"
          value={config.replySizeBytes}
          testId="field-reply-size"
          onCommit={(replySizeBytes) => commit({ ...config, replySizeBytes })}
        />
      </FieldGroup>
    </>
  );
}
