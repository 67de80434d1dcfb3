import { recipientListConfigSchema } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { CheckboxField, FieldGroup } from '../inspector/fields.tsx';
import { applyIfValid } from '../inspector/validation.ts';
import type { KindFormProps } from './form-props.ts';
import { isMissing, useLinkedTargets } from './linked-targets.ts';

export function RecipientListForm({ id, data }: KindFormProps<'recipient-list'>) {
  const config = data.config;
  const commit = (candidate: unknown) =>
    applyIfValid(recipientListConfigSchema, candidate, (next) => useTopologyStore.getState().updateNodeData(id, { ...data, config: next }));
  const linked = useLinkedTargets(id);
  const { recipients } = config;
  const missing = recipients.filter((to) => isMissing(linked, to));
  // Listed nodes no longer linked still show (ticked), so they can be unticked.
  const rows = [...linked, ...missing.map((to) => ({ value: to, label: `${to} (missing)` }))];
  const toggle = (to: string, on: boolean) => commit({ ...config, recipients: on ? [...recipients, to] : recipients.filter((r) => r !== to) });
  const note =
    recipients.length === 0
      ? `None ticked = every output${linked.length > 0 ? ` (${linked.length} now)` : ''}: each gets a copy.`
      : 'Each ticked output gets a copy; the others get nothing.';

  return (
    <>
      {missing.length > 0 && (
        <p className="mf-inspector__note mf-inspector__note--warn" role="alert" data-testid="router-missing">
          {missing.map((to) => `"${to}"`).join(', ')} {missing.length === 1 ? 'is' : 'are'} no longer linked: untick or link
          again. Until then the topology cannot run.
        </p>
      )}
      <FieldGroup legend="Recipients" note={note} testId="group-recipients">
        {rows.length === 0 && <p className="mf-router__empty">Link this node to its outputs; each appears here.</p>}
        {rows.map((row) => (
          <CheckboxField
            key={row.value}
            label={row.label}
            checked={recipients.includes(row.value)}
            testId={`field-recipient-${row.value}`}
            onCommit={(on) => toggle(row.value, on)}
          />
        ))}
      </FieldGroup>
    </>
  );
}
