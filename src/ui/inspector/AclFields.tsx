import type { Acl } from '../../model/index.ts';
import { useLinkedSources, useLinkedTargets } from '../nodes/linked-targets.ts';
import { CheckboxField, FieldGroup, SelectField, type Choice } from './fields.tsx';

const DENIED_OPTIONS: readonly Choice<Acl['onDenied']>[] = [
  { value: 'drop', label: 'Drop it (lost:denied)', hint: 'The publisher is not told: its message is counted as denied and gone.' },
  { value: 'reject', label: 'Refuse it back', hint: 'The publisher is told (refused; a publisher confirm comes back as a nack): fate rejected.' },
];

/** An ACL with nothing restricted is no ACL: leave it out of the file. */
function normalised(acl: Acl): Acl | undefined {
  return acl.publishers === undefined && acl.consumers === undefined && acl.onDenied === 'drop' ? undefined : acl;
}

/**
 * One side of an access list: off = anyone; on = only the ticked nodes. The rows are the
 * linked nodes, plus any listed node no longer linked (shown so it can be unticked).
 */
function AccessList({ label, hint, linked, allowed, testId, onCommit }: {
  label: string;
  hint: string;
  linked: readonly Choice<string>[];
  allowed: readonly string[] | undefined;
  testId: string;
  onCommit: (allowed: string[] | undefined) => string | undefined;
}) {
  const rows = [...linked, ...(allowed ?? []).filter((id) => !linked.some((c) => c.value === id)).map((id) => ({ value: id, label: `${id} (not linked)` }))];
  return (
    <>
      <CheckboxField
        label={label}
        checked={allowed !== undefined}
        hint={hint}
        testId={testId}
        // Restricting starts from everyone linked now, so turning it on changes nothing until a box is unticked.
        onCommit={(on) => onCommit(on ? linked.map((c) => c.value) : undefined)}
      />
      {allowed !== undefined && (
        <div className="mf-acl__list">
          {rows.length === 0 && <p className="mf-router__empty">Nothing is linked yet: nobody is allowed.</p>}
          {rows.map((row) => (
            <CheckboxField
              key={row.value}
              label={row.label}
              checked={allowed.includes(row.value)}
              testId={`${testId}-${row.value}`}
              onCommit={(on) => onCommit(on ? [...allowed, row.value] : allowed.filter((id) => id !== row.value))}
            />
          ))}
        </div>
      )}
    </>
  );
}

/**
 * A channel's access control (SEMANTICS.md §5 channel ACLs): who may publish to it and,
 * where it delivers (queue, topic, MQTT broker), who may receive from it.
 */
export function AclFields({ id, acl, receivers, onCommit }: {
  id: string;
  acl: Acl | undefined;
  /** Whether the channel delivers to consumers it could restrict (not an exchange: queues bind to it). */
  receivers: boolean;
  onCommit: (acl: Acl | undefined) => string | undefined;
}) {
  const sources = useLinkedSources(id);
  const targets = useLinkedTargets(id);
  const current: Acl = acl ?? { onDenied: 'drop' };
  const commit = (change: Partial<Acl>) => {
    const next = { ...current, ...change };
    // Zod drops undefined keys only after parsing: leave them out so "anyone" is a missing list.
    if (next.publishers === undefined) delete next.publishers;
    if (next.consumers === undefined) delete next.consumers;
    return onCommit(normalised(next));
  };
  return (
    <FieldGroup legend="Access" note="Who may use this channel. Unrestricted until you restrict it." testId="group-acl">
      <AccessList
        label="Only listed publishers"
        hint="A publish from any other node is denied and counted."
        linked={sources}
        allowed={current.publishers}
        testId="field-acl-publishers"
        onCommit={(publishers) => commit({ publishers })}
      />
      {current.publishers !== undefined && (
        <SelectField
          label="A denied publish"
          value={current.onDenied}
          options={DENIED_OPTIONS}
          testId="field-acl-on-denied"
          onCommit={(onDenied) => commit({ onDenied })}
        />
      )}
      {receivers && (
        <AccessList
          label="Only listed receivers"
          hint="Messages are never delivered to any other linked node."
          linked={targets}
          allowed={current.consumers}
          testId="field-acl-consumers"
          onCommit={(consumers) => commit({ consumers })}
        />
      )}
    </FieldGroup>
  );
}
