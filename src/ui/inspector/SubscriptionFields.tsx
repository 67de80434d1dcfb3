import { useId } from 'react';
import { mqttFilterSchema, sharedFilterParts, type Qos, type Subscription } from '../../model/index.ts';
import { AddRowButton, ListMessage, RemoveRowButton, RowInput, useRowsDraft } from './row-list.tsx';
import { CheckboxField, FieldGroup, type Commit } from './fields.tsx';

type Filter = Subscription['filters'][number];

/** One filter as the editor shows it: a text box and a QoS select. */
export interface FilterRow {
  filter: string;
  qos: Qos;
}

const QOS_VALUES: readonly Qos[] = [0, 1, 2];

/** The rows as filters: trimmed, empty boxes skipped (a just-added row blocks nothing); syntax is the schema's business. */
export function filtersFromRows(rows: readonly FilterRow[]): Filter[] {
  return rows.flatMap((row) => {
    const filter = row.filter.trim();
    return filter === '' ? [] : [{ filter, qos: row.qos }];
  });
}

/** The subscription to keep on the edge: none without filters (the schema wants at least one). */
export function subscriptionOf(filters: Filter[], cleanSession: boolean): Subscription | undefined {
  return filters.length === 0 ? undefined : { filters, cleanSession };
}

/** The subscription in a few words for the link's label on the canvas: "home/# q1 · sport/+ q0". */
export function subscriptionSummary(subscription: Subscription | undefined): string {
  if (!subscription) return '';
  const filters = subscription.filters.map((f) => `${f.filter} q${f.qos}`).join(' · ');
  return subscription.cleanSession ? filters : `${filters} · persistent`;
}

const isBadFilter = (row: FilterRow): boolean => row.filter.trim() !== '' && !mqttFilterSchema.safeParse({ filter: row.filter.trim(), qos: row.qos }).success;

/**
 * A consumer's subscription at the MQTT broker its link comes from: topic filters with
 * their granted QoS, and its session. Without a filter the consumer receives nothing.
 */
export function SubscriptionFields({ subscription, onCommit }: {
  subscription: Subscription | undefined;
  /** Gets the whole edited subscription (undefined: none); returns the problem to show, or undefined once applied. */
  onCommit: Commit<Subscription | undefined>;
}) {
  const labelId = useId();
  const cleanSession = subscription?.cleanSession ?? true;
  const filters = subscription?.filters ?? [];
  const { rows, error, added, edit } = useRowsDraft(
    filters,
    (fs) => fs.map((f) => ({ filter: f.filter, qos: f.qos })),
    filtersFromRows,
    (next) => onCommit(subscriptionOf(next, cleanSession)),
  );
  const change = (i: number, patch: Partial<FilterRow>): void => edit(rows.map((row, k) => (k === i ? { ...row, ...patch } : row)));
  return (
    <FieldGroup
      legend="Subscription"
      testId="group-subscription"
      note="The topic filters this consumer subscribes with, each at the QoS it is granted: a message comes at the lower of its publish QoS and this (MQ-2)."
    >
      {/* No has-error on the whole list: only the filter at fault is marked. */}
      <div className="mf-field" data-testid="sub-filters">
        <span className="mf-field__label" id={labelId}>
          Filters
        </span>
        {rows.length > 0 && (
          <div className="mf-list-rows" role="group" aria-labelledby={labelId}>
            {rows.map((row, i) => {
              const shared = sharedFilterParts(row.filter.trim());
              return (
                // Index keys: rows have no identity of their own, and a removal re-reads the rest.
                <div className="mf-list-row mf-list-row--qos" key={i}>
                  <RowInput
                    value={row.filter}
                    placeholder="e.g. home/+/temp"
                    label={`Filter ${i + 1}`}
                    invalid={error !== undefined && isBadFilter(row)}
                    marked={error !== undefined && isBadFilter(row)}
                    autoFocus={i === added}
                    testId={`sub-filter-${i}`}
                    onChange={(filter) => change(i, { filter })}
                  />
                  <div className="mf-field__control mf-list-row__qos">
                    <select
                      value={row.qos}
                      aria-label={`QoS of filter ${i + 1}`}
                      title="The QoS granted to this filter"
                      data-testid={`sub-filter-${i}-qos`}
                      onChange={(e) => {
                        const qos = QOS_VALUES.find((q) => String(q) === e.target.value);
                        if (qos !== undefined) change(i, { qos });
                      }}
                    >
                      {QOS_VALUES.map((q) => (
                        <option key={q} value={q}>
                          QoS {q}
                        </option>
                      ))}
                    </select>
                  </div>
                  <RemoveRowButton
                    label={`Remove filter ${i + 1}`}
                    title="Remove this filter"
                    testId={`sub-filter-${i}-remove`}
                    onClick={() => edit(rows.filter((_, k) => k !== i))}
                  />
                  {shared && (
                    <div className="mf-list-row__note" data-testid={`sub-filter-${i}-shared`}>
                      shared by group <code>{shared.group}</code>: each message to one member (MQ-8)
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        )}
        <AddRowButton testId="sub-add-filter" onClick={() => edit([...rows, { filter: '', qos: 0 }], rows.length)}>
          + Filter
        </AddRowButton>
        <ListMessage
          error={error}
          warning={filters.length === 0 ? 'No filters: this consumer receives nothing from the broker.' : undefined}
          hint={
            <>
              Levels are separated by <code>/</code>: <code>+</code> is exactly one level, <code>#</code> (last only) the rest and the
              level above (MQ-6). <code>$share/&lt;group&gt;/&lt;filter&gt;</code> shares messages in a group (MQ-8).
            </>
          }
          testId="sub"
        />
      </div>
      {subscription && (
        <CheckboxField
          label="Clean session"
          checked={cleanSession}
          hint="MQ-4: a clean session keeps nothing while the consumer is offline; a persistent one keeps its subscriptions and queues QoS 1 and 2 messages until it is back."
          testId="field-clean-session"
          onCommit={(clean) => onCommit({ ...subscription, cleanSession: clean })}
        />
      )}
    </FieldGroup>
  );
}
