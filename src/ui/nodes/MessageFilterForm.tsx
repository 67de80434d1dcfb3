import { messageFilterConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { ConditionEditor } from '../inspector/ConditionEditor.tsx';
import { FieldGroup } from '../inspector/fields.tsx';
import { applyIfValid } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';

export function MessageFilterForm({ id, data }: KindFormProps<'message-filter'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(messageFilterConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  return (
    <>
      <FieldGroup
        legend="Accept"
        note={
          <>
            A message passes to the one output when its key fits the pattern and every header listed is present with that
            value; the rest is <strong>lost:filtered</strong>. Nothing set: everything passes.
          </>
        }
        testId="group-accept"
      >
        <ConditionEditor value={config.accept} testId="field-accept" onCommit={(accept) => commit({ ...config, accept })} />
      </FieldGroup>
    </>
  );
}
