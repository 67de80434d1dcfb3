import { useId } from 'react';
import type { FilterCondition, FilterPolicy, NumericOperator } from '../../model/index.ts';
import { AddRowButton, ListMessage, RemoveRowButton, RowInput, useRowsDraft } from './row-list.tsx';
import { FieldGroup, type Choice, type Commit } from './fields.tsx';

/** How a condition row reads its text box (or, for `exists`, its choice). */
export type ConditionOp = 'equals' | 'prefix' | 'suffix' | 'anything-but' | 'numeric' | 'exists';

export interface ConditionRow {
  op: ConditionOp;
  /** equals/prefix/suffix: the value; anything-but: values separated by commas; numeric: "> 0 <= 150"; exists: "true" or "false". */
  text: string;
}

/** One key of the policy: a header name and its conditions (any may match). */
export interface KeyRow {
  name: string;
  conditions: ConditionRow[];
}

// Short labels: the row is narrow; the full meaning is the select's tooltip.
const OP_OPTIONS: readonly Choice<ConditionOp>[] = [
  { value: 'equals', label: 'is', hint: 'The header equals this value exactly.' },
  { value: 'prefix', label: 'starts', hint: 'The header starts with this text (SNS prefix).' },
  { value: 'suffix', label: 'ends', hint: 'The header ends with this text (SNS suffix).' },
  { value: 'anything-but', label: 'is not', hint: 'The header is present and is none of these values, separated by commas (SNS anything-but).' },
  { value: 'numeric', label: 'number', hint: 'The header read as a number compares: >= 10, or a range > 0 <= 150 (SNS numeric).' },
  { value: 'exists', label: 'exists', hint: 'The header is present (yes) or absent (no) (SNS exists).' },
];

const PLACEHOLDERS: Record<Exclude<ConditionOp, 'exists'>, string> = {
  equals: 'eu',
  prefix: 'eu-',
  suffix: '.pdf',
  'anything-but': 'test, dev',
  numeric: '>= 10  or  > 0 <= 150',
};

const NUMERIC_TEXT = /^\s*(>=|<=|=|>|<)\s*(\S+?)\s*(?:,?\s*(>=|<=|=|>|<)\s*(\S+)\s*)?$/;

export function conditionRow(condition: FilterCondition): ConditionRow {
  if (typeof condition === 'string') return { op: 'equals', text: condition };
  if ('prefix' in condition) return { op: 'prefix', text: condition.prefix };
  if ('suffix' in condition) return { op: 'suffix', text: condition.suffix };
  if ('anything-but' in condition) return { op: 'anything-but', text: condition['anything-but'].join(', ') };
  if ('exists' in condition) return { op: 'exists', text: String(condition.exists) };
  return { op: 'numeric', text: condition.numeric.join(' ') };
}

export function policyRows(policy: FilterPolicy | undefined): KeyRow[] {
  return Object.entries(policy ?? {}).map(([name, conditions]) => ({ name, conditions: conditions.map(conditionRow) }));
}

/** One row as a condition, or a message saying what is wrong with it (`where` names the row). */
function conditionFromRow(row: ConditionRow, where: string): FilterCondition | string {
  switch (row.op) {
    case 'equals':
      // An exact value is taken as typed: an empty one matches a header that is present and empty.
      return row.text;
    case 'prefix':
    case 'suffix': {
      const text = row.text.trim();
      if (text === '') return `${where}: give the ${row.op === 'prefix' ? 'start' : 'end'} to match`;
      return row.op === 'prefix' ? { prefix: text } : { suffix: text };
    }
    case 'anything-but': {
      const values = row.text.split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (values.length === 0) return `${where}: list at least one value, separated by commas`;
      return { 'anything-but': values };
    }
    case 'exists':
      return { exists: row.text !== 'false' };
    case 'numeric': {
      const match = NUMERIC_TEXT.exec(row.text);
      if (!match) return `${where}: write an operator and a number, e.g. >= 10, or a range such as > 0 <= 150 (operators = > >= < <=)`;
      const [, op, a, op2, b] = match;
      const n = Number(a);
      const m = Number(b);
      if (a!.trim() === '' || !Number.isFinite(n)) return `${where}: "${a}" is not a number`;
      if (op2 === undefined) return { numeric: [op as NumericOperator, n] };
      if (b!.trim() === '' || !Number.isFinite(m)) return `${where}: "${b}" is not a number`;
      return { numeric: [op as NumericOperator, n, op2 as NumericOperator, m] };
    }
  }
}

/**
 * The rows as a policy (undefined when there is none: every message), or a message naming
 * the row at fault. A key row left wholly empty is skipped, so a just-added row changes nothing.
 */
export function policyFromRows(rows: readonly KeyRow[]): FilterPolicy | undefined | string {
  const policy: FilterPolicy = {};
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const name = row.name.trim();
    const blank = row.conditions.every((c) => c.op === 'equals' && c.text === '');
    if (name === '' && blank) continue;
    if (name === '') return `key ${i + 1}: give the header name`;
    if (Object.hasOwn(policy, name)) return `header "${name}" is given twice: put all its conditions under one key`;
    if (row.conditions.length === 0) return `"${name}": add at least one condition`;
    const conditions: FilterCondition[] = [];
    for (let k = 0; k < row.conditions.length; k++) {
      const conditionRowK = row.conditions[k]!;
      // An exact value is a string condition; for the other kinds a string is the problem.
      const c = conditionFromRow(conditionRowK, `"${name}" condition ${k + 1}`);
      if (typeof c === 'string' && conditionRowK.op !== 'equals') return c;
      conditions.push(c);
    }
    // Not `policy[name] = ...`: a header called __proto__ must stay a plain entry.
    Object.defineProperty(policy, name, { value: conditions, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(policy).length === 0 ? undefined : policy;
}

/** One condition with its operator: "=eu", "=eu-*", "=*.pdf", "≠us,ap", ">0<=150", " absent". */
function conditionSummary(c: FilterCondition): string {
  if (typeof c === 'string') return `=${c === '' ? '""' : c}`;
  if ('prefix' in c) return `=${c.prefix}*`;
  if ('suffix' in c) return `=*${c.suffix}`;
  if ('anything-but' in c) return `≠${c['anything-but'].join(',')}`;
  if ('exists' in c) return c.exists ? ' present' : ' absent';
  return c.numeric.join('');
}

/** The policy in a few words for the link's label on the canvas: "region=eu|us-* · price>0<=150 · trace absent". */
export function filterPolicySummary(policy: FilterPolicy | undefined): string {
  if (!policy) return '';
  const keys = Object.entries(policy).map(([name, conditions]) => {
    // After the first, "=" goes without saying: "region=eu|us", but "region=eu|≠test".
    const parts = conditions.map((c, i) => {
      const text = conditionSummary(c);
      return i > 0 && (text.startsWith('=') || text.startsWith(' ')) ? text.slice(1) : text;
    });
    return `${name}${parts.join('|')}`;
  });
  return keys.length === 0 ? 'filter: all' : keys.join(' · ');
}

const NEW_CONDITION: ConditionRow = { op: 'equals', text: '' };

interface FilterPolicyFieldsProps {
  policy: FilterPolicy | undefined;
  /** Gets the whole edited policy (undefined: none); returns the problem to show, or undefined once applied. */
  onCommit: Commit<FilterPolicy | undefined>;
}

/**
 * SNS-2: which of the topic's messages this subscriber gets, by their headers. One block per
 * header name; the message must satisfy every block (AND), and within a block any of its
 * conditions (OR).
 */
export function FilterPolicyFields({ policy, onCommit }: FilterPolicyFieldsProps) {
  const labelId = useId();
  const { rows, error, added, edit } = useRowsDraft(policy, policyRows, policyFromRows, onCommit);
  const setKey = (i: number, patch: Partial<KeyRow>): void => edit(rows.map((row, k) => (k === i ? { ...row, ...patch } : row)));
  const setCondition = (i: number, c: number, patch: Partial<ConditionRow>): void =>
    setKey(i, { conditions: rows[i]!.conditions.map((row, k) => (k === c ? { ...row, ...patch } : row)) });
  return (
    <FieldGroup
      legend="Filter policy"
      testId="group-filter-policy"
      note="SNS-2: this subscriber gets only the messages whose headers match. Every header below must match (AND); for one header, any of its conditions (OR). A message without the header never matches, except by “exists: no”."
    >
      <div className={`mf-field${error ? ' has-error' : ''}`} data-testid="filter-policy">
        <span className="mf-field__label" id={labelId}>
          Headers
        </span>
        {rows.length > 0 && (
          <div className="mf-filter-keys" role="group" aria-labelledby={labelId}>
            {rows.map((row, i) => (
              // Index keys: rows have no identity of their own, and a removal re-reads the rest.
              <div className="mf-filter-key" key={i} data-testid={`filter-key-${i}`}>
                {i > 0 && (
                  <div className="mf-filter-key__and" aria-hidden="true">
                    and
                  </div>
                )}
                <div className="mf-list-row">
                  <RowInput
                    value={row.name}
                    placeholder="header name, e.g. region"
                    label={`Header ${i + 1} name`}
                    invalid={error !== undefined}
                    autoFocus={i === added}
                    testId={`filter-key-${i}-name`}
                    onChange={(name) => setKey(i, { name })}
                  />
                  <RemoveRowButton
                    label={`Remove header ${i + 1}`}
                    title="Remove this header and its conditions"
                    testId={`filter-key-${i}-remove`}
                    onClick={() => edit(rows.filter((_, k) => k !== i))}
                  />
                </div>
                <div className="mf-filter-conds">
                  {row.conditions.map((c, k) => (
                    <div className="mf-filter-cond" key={k}>
                      <span className="mf-filter-cond__or" aria-hidden="true">
                        {k === 0 ? '' : 'or'}
                      </span>
                      <div className="mf-field__control">
                        <select
                          value={c.op}
                          title={OP_OPTIONS.find((o) => o.value === c.op)?.hint}
                          aria-label={`Header ${i + 1} condition ${k + 1} kind`}
                          data-testid={`filter-key-${i}-cond-${k}-op`}
                          onChange={(e) => {
                            const op = e.target.value as ConditionOp;
                            setCondition(i, k, { op, text: op === 'exists' ? 'true' : c.op === 'exists' ? '' : c.text });
                          }}
                        >
                          {OP_OPTIONS.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </div>
                      {c.op === 'exists' ? (
                        <div className="mf-field__control">
                          <select
                            value={c.text === 'false' ? 'false' : 'true'}
                            aria-label={`Header ${i + 1} condition ${k + 1} value`}
                            data-testid={`filter-key-${i}-cond-${k}-value`}
                            onChange={(e) => setCondition(i, k, { text: e.target.value })}
                          >
                            <option value="true">yes</option>
                            <option value="false">no (absent)</option>
                          </select>
                        </div>
                      ) : (
                        <RowInput
                          value={c.text}
                          placeholder={PLACEHOLDERS[c.op]}
                          label={`Header ${i + 1} condition ${k + 1} value`}
                          invalid={error !== undefined}
                          testId={`filter-key-${i}-cond-${k}-value`}
                          onChange={(text) => setCondition(i, k, { text })}
                        />
                      )}
                      <RemoveRowButton
                        label={`Remove header ${i + 1} condition ${k + 1}`}
                        title="Remove this condition"
                        disabled={row.conditions.length === 1}
                        testId={`filter-key-${i}-cond-${k}-remove`}
                        onClick={() => setKey(i, { conditions: row.conditions.filter((_, n) => n !== k) })}
                      />
                    </div>
                  ))}
                  <AddRowButton small testId={`filter-key-${i}-add-cond`} onClick={() => setKey(i, { conditions: [...row.conditions, NEW_CONDITION] })}>
                    + or…
                  </AddRowButton>
                </div>
              </div>
            ))}
          </div>
        )}
        <AddRowButton testId="filter-add-key" onClick={() => edit([...rows, { name: '', conditions: [NEW_CONDITION] }], rows.length)}>
          + Header
        </AddRowButton>
        <ListMessage
          error={error}
          hint={
            rows.length === 0 ? (
              'No policy: every message the topic takes comes here.'
            ) : (
              <>
                Headers are the producer&apos;s header templates (e.g. <code>region</code> = <code>{'{key}'}</code>). “Number” reads the
                header as a number: <code>&gt;= 10</code>, or a range <code>&gt; 0 &lt;= 150</code>.
              </>
            )
          }
        />
      </div>
    </FieldGroup>
  );
}
