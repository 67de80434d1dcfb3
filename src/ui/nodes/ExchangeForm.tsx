import { exchangeConfigSchema, type ExchangeConfig } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { CheckboxField, FieldGroup, SelectField, type Choice } from '../inspector/fields.tsx';
import { applyIfValid, withOptional } from '../inspector/validation.ts';
import { AclFields } from '../inspector/AclFields.tsx';
import type { KindFormProps } from './form-props.ts';
import { useNodeChoices } from './linked-targets.ts';

const TYPE_OPTIONS: readonly Choice<ExchangeConfig['type']>[] = [
  { value: 'direct', label: 'Direct', hint: 'RMQ-R2: a copy to every queue bound with a key equal to the routing key.' },
  { value: 'fanout', label: 'Fanout', hint: 'RMQ-R3: a copy to every bound queue; the routing key is ignored.' },
  {
    value: 'topic',
    label: 'Topic',
    hint: 'RMQ-R4: dot-separated words; in a binding key * is exactly one word and # zero or more. A queue matched by several of its bindings gets one copy.',
  },
  {
    value: 'headers',
    label: 'Headers',
    hint: 'RMQ-R5: the routing key is ignored; x-match all needs every binding argument equal in the headers, any needs one.',
  },
  {
    value: 'default',
    label: 'Default ("")',
    hint: 'RMQ-R1: every queue is bound by its own name: a message goes to the linked queue whose id is its routing key.',
  },
];

const NO_ALTERNATE = '';

export function ExchangeForm({ id, data }: KindFormProps<'exchange'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(exchangeConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  const alternates = useNodeChoices(id, ['exchange'], false);
  const alternate = config.alternateExchange ?? NO_ALTERNATE;
  const alternateOptions: Choice<string>[] = [{ value: NO_ALTERNATE, label: 'none — unroutable messages are dropped' }, ...alternates];
  // An alternate no longer on the canvas still shows, so the select never lies.
  if (alternate !== NO_ALTERNATE && !alternates.some((a) => a.value === alternate)) alternateOptions.push({ value: alternate, label: `${alternate} (missing)` });
  return (
    <>
      <p className="mf-inspector__note">
        Link it to queues; select a link to set its binding (keys, or header arguments). The routing key of a message is
        the key its producer gives it.
      </p>
      <FieldGroup legend="Routing" testId="group-routing">
        <SelectField
          label="Type"
          value={config.type}
          options={TYPE_OPTIONS}
          testId="field-exchange-type"
          // RMQ-R1: the default exchange is always durable.
          onCommit={(type) => commit({ ...config, type, ...(type === 'default' ? { durable: true } : {}) })}
        />
        <SelectField
          label="Alternate exchange"
          value={alternate}
          options={alternateOptions}
          hint="RMQ-R6: what no binding matches goes there instead (chains are followed; a loop ends as unroutable). Without one, a mandatory producer gets it back, else it is lost."
          testId="field-alternate-exchange"
          onCommit={(next) => commit(withOptional(config, 'alternateExchange', next === NO_ALTERNATE ? undefined : next))}
        />
      </FieldGroup>
      {config.type !== 'default' && (
        <FieldGroup legend="Durability" testId="group-exchange-durability">
          <CheckboxField
            label="Durable"
            checked={config.durable}
            hint="RMQ-Q2: a binding survives a restart only if both ends are durable. A transient exchange comes back with no bindings; a durable one keeps those to durable queues."
            testId="field-exchange-durable"
            onCommit={(durable) => commit({ ...config, durable })}
          />
        </FieldGroup>
      )}
      <AclFields id={id} acl={config.acl} receivers={false} onCommit={(acl) => commit(withOptional(config, 'acl', acl))} />
    </>
  );
}
