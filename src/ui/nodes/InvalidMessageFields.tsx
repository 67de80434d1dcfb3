import type { ConsumerConfig } from '../../model/index.ts';
import { ConditionEditor } from '../inspector/ConditionEditor.tsx';
import { FieldGroup, SelectField, type Choice } from '../inspector/fields.tsx';
import { useNodeChoices, withMissing } from './linked-targets.ts';

type InvalidMessage = ConsumerConfig['invalidMessage'];

const NONE = '';
const QUEUES = ['queue'] as const;

/**
 * A consumer's invalid-message channel (EIP): the queue that takes what it cannot process,
 * and the condition that says so. No channel: it processes everything.
 */
export function InvalidMessageFields({ id, value, onCommit }: {
  id: string;
  value: InvalidMessage;
  /** The setting to apply, or undefined for none; returns the schema's problem, if any. */
  onCommit: (next: InvalidMessage) => string | undefined;
}) {
  const queues = useNodeChoices(id, QUEUES, false);
  const options: Choice<string>[] = [{ value: NONE, label: 'none — it processes every message' }, ...withMissing(queues, value?.target)];
  const when = value?.when ?? { headers: {} };
  const always = when.key === undefined && Object.keys(when.headers).length === 0;
  return (
    <FieldGroup
      legend="Invalid messages"
      note="A message the condition holds for is not processed: it is moved to this queue (dead-lettered: invalid) and acked where it came from."
      testId="group-invalid-message"
    >
      <SelectField
        label="Invalid-message channel"
        value={value?.target ?? NONE}
        options={options}
        testId="field-invalid-target"
        onCommit={(target) => onCommit(target === NONE ? undefined : { when, target })}
      />
      {value && (
        <>
          <ConditionEditor value={when} testId="field-invalid-when" onCommit={(next) => onCommit({ ...value, when: next })} />
          {always && <p className="mf-fieldset__note">No condition yet: every message counts as invalid.</p>}
        </>
      )}
    </FieldGroup>
  );
}
