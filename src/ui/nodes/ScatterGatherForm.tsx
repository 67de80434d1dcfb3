import { scatterGatherConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { FieldGroup, NumberField, SelectField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';
import { isMissing, useLinkedTargets, withMissing } from './linked-targets.ts';

const TO_REQUESTER = '';

export function ScatterGatherForm({ id, data }: KindFormProps<'scatter-gather'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(scatterGatherConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  const linked = useLinkedTargets(id);
  const options: Choice<string>[] = [{ value: TO_REQUESTER, label: 'back to the requester (reply-to)' }, ...withMissing(linked, config.resultTo)];
  return (
    <>
      {isMissing(linked, config.resultTo) && (
        <p className="mf-inspector__note mf-inspector__note--warn" role="alert" data-testid="router-missing">
          &quot;{config.resultTo}&quot; is no longer linked: link it again or choose another result output. Until then the topology cannot run.
        </p>
      )}
      <FieldGroup legend="Survey" note="Link it to each respondent and each respondent back to it." testId="group-survey">
        <NumberField
          label="Deadline"
          unit="ms"
          value={config.deadlineMs}
          hint="NN-1: replies are collected this long at most (nanomsg's default 1000 ms); later ones are discarded and counted late."
          testId="field-deadline"
          onCommit={(deadlineMs) => commit({ ...config, deadlineMs })}
        />
        <SelectField
          label="Result goes to"
          value={config.resultTo ?? TO_REQUESTER}
          options={options}
          hint="Every other output is a respondent, except a link back to the requester. The aggregate is flagged partial when someone did not answer."
          testId="field-result-to"
          onCommit={(next) => commit(withOptional(config, 'resultTo', next === TO_REQUESTER ? undefined : next))}
        />
      </FieldGroup>
    </>
  );
}
