import { useId, useState, type ReactNode } from 'react';
import type { Commit } from './fields.tsx';
import { nameValueRows, recordFromRows, type NameValue } from './name-value.ts';

/**
 * The parts every editable list of the inspector is made of (binding keys, header
 * arguments and conditions, MQTT filters, SNS filter policies): a draft of its rows kept
 * apart from the applied value, a text box per cell, a remove button per row, an add
 * button under it, and one message line.
 */

interface RowsState<Row> {
  rows: Row[];
  /** The applied value the rows were last in step with (serialised). */
  seen: string;
  error: string | undefined;
  /** The row just added, which takes the focus. */
  added: number | undefined;
}

/**
 * An editable list kept as a draft apart from the applied value (as a text field's draft
 * is), so a half-typed or refused row stays on screen with its message instead of being
 * applied or thrown away. `fromRows` reads the rows as a value (or a message); a value
 * equal to the applied one is not committed, so adding a blank row resets no run.
 */
export function useRowsDraft<Row, V>(external: V, toRows: (value: V) => Row[], fromRows: (rows: Row[]) => V | string, onCommit: Commit<V>) {
  const key = JSON.stringify(external);
  const [state, setState] = useState<RowsState<Row>>(() => ({ rows: toRows(external), seen: key, error: undefined, added: undefined }));
  let current = state;
  if (state.seen !== key) {
    // Changed from elsewhere (a file, another field): show the new value.
    current = { rows: toRows(external), seen: key, error: undefined, added: undefined };
    setState(current);
  }
  const edit = (rows: Row[], added?: number): void => {
    const parsed = fromRows(rows);
    if (typeof parsed === 'string') {
      setState({ rows, seen: current.seen, error: parsed, added });
      return;
    }
    const parsedKey = JSON.stringify(parsed);
    if (parsedKey === current.seen) {
      setState({ rows, seen: current.seen, error: undefined, added });
      return;
    }
    const error = onCommit(parsed);
    setState({ rows, seen: error === undefined ? parsedKey : current.seen, error, added });
  };
  return { rows: current.rows, error: current.error, added: current.added, edit };
}

/** Under a list: its error, else its warning, else its hint. */
export function ListMessage({ error, warning, hint, testId }: { error?: string | undefined; warning?: string | undefined; hint?: ReactNode; testId?: string }) {
  if (error) {
    return (
      <div className="mf-field__error" role="alert">
        {error}
      </div>
    );
  }
  return (
    <>
      {warning && (
        <div className="mf-field__warn" role="status" data-testid={testId && `${testId}-warning`}>
          {warning}
        </div>
      )}
      {hint && <div className="mf-field__hint">{hint}</div>}
    </>
  );
}

/** A text box in a list row. */
export function RowInput({ value, placeholder, label, invalid, marked = false, autoFocus, testId, onChange }: {
  value: string;
  placeholder: string;
  /** Its accessible name, e.g. "Binding key 2". */
  label: string;
  invalid: boolean;
  /** Outline this box as the one at fault (when the list's message is about one row). */
  marked?: boolean;
  autoFocus?: boolean;
  testId: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className={`mf-field__control${marked ? ' is-invalid' : ''}`}>
      <input
        type="text"
        value={value}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={invalid}
        spellCheck={false}
        autoFocus={autoFocus}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** The × that removes a row. */
export function RemoveRowButton({ label, title, testId, disabled, onClick }: { label: string; title: string; testId: string; disabled?: boolean; onClick: () => void }) {
  return (
    <button type="button" className="mf-icon-button is-danger" aria-label={label} title={title} disabled={disabled} data-testid={testId} onClick={onClick}>
      ×
    </button>
  );
}

/** The button under a list that adds a row. */
export function AddRowButton({ testId, small, onClick, children }: { testId: string; small?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <div>
      <button type="button" className={small ? 'mf-add-button mf-add-button--small' : 'mf-add-button'} data-testid={testId} onClick={onClick}>
        {children}
      </button>
    </div>
  );
}

/** One "name = value" row (a headers exchange's arguments, a condition's headers). */
function NameValueRow({ row, index, noun, namePlaceholder, invalid, autoFocus, testId, removeTitle, onChange, onRemove }: {
  row: NameValue;
  index: number;
  /** What a row is, capitalised: "Argument", "Header". */
  noun: string;
  namePlaceholder: string;
  invalid: boolean;
  autoFocus: boolean;
  /** Prefix of the row's testids: `${testId}-name`, `-value`, `-remove`. */
  testId: string;
  removeTitle: string;
  onChange: (patch: Partial<NameValue>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <div className="mf-header-row">
      <RowInput
        value={row.name}
        placeholder={namePlaceholder}
        label={`${noun} ${n} name`}
        invalid={invalid}
        autoFocus={autoFocus}
        testId={`${testId}-name`}
        onChange={(name) => onChange({ name })}
      />
      <span className="mf-header-row__eq" aria-hidden="true">
        =
      </span>
      <RowInput value={row.value} placeholder="value" label={`${noun} ${n} value`} invalid={invalid} testId={`${testId}-value`} onChange={(value) => onChange({ value })} />
      <RemoveRowButton label={`Remove ${noun.toLowerCase()} ${n}`} title={removeTitle} testId={`${testId}-remove`} onClick={onRemove} />
    </div>
  );
}

/**
 * A record edited as "name = value" rows, under a label, with an add button and the
 * caller's message line (which gets the draft's error and how many rows there are).
 */
export function NameValueList({ value, label, noun, namePlaceholder, testId, rowTestId, addTestId, addLabel, removeTitle, onCommit, message }: {
  value: Readonly<Record<string, string>>;
  label: string;
  /** What a row is, capitalised: "Argument", "Header". */
  noun: string;
  namePlaceholder: string;
  testId: string;
  rowTestId: (index: number) => string;
  addTestId: string;
  addLabel: string;
  removeTitle: string;
  onCommit: Commit<Record<string, string>>;
  message: (error: string | undefined, rows: number) => ReactNode;
}) {
  const labelId = useId();
  const { rows, error, added, edit } = useRowsDraft(value, nameValueRows, (r) => recordFromRows(r, noun.toLowerCase()), onCommit);
  return (
    <div className={`mf-field${error ? ' has-error' : ''}`} data-testid={testId}>
      <span className="mf-field__label" id={labelId}>
        {label}
      </span>
      {rows.length > 0 && (
        <div className="mf-header-rows" role="group" aria-labelledby={labelId}>
          {rows.map((row, i) => (
            // Index keys: rows have no identity of their own, and a removal re-reads the rest.
            <NameValueRow
              key={i}
              row={row}
              index={i}
              noun={noun}
              namePlaceholder={namePlaceholder}
              invalid={error !== undefined}
              autoFocus={i === added}
              testId={rowTestId(i)}
              removeTitle={removeTitle}
              onChange={(patch) => edit(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)))}
              onRemove={() => edit(rows.filter((_, k) => k !== i))}
            />
          ))}
        </div>
      )}
      <AddRowButton testId={addTestId} onClick={() => edit([...rows, { name: '', value: '' }], rows.length)}>
        {addLabel}
      </AddRowButton>
      {message(error, rows.length)}
    </div>
  );
}

/**
 * A list of short texts (binding keys, header names, prefixes), one box each with its
 * remove button, and a button that adds an empty box. Commits when what the boxes read
 * changes; a problem `fromRows` names stays on screen with the boxes as typed.
 */
export function TextList({ label, values, fromRows, placeholder, rowLabel, removeLabel, removeTitle, addLabel, testIds, warning, hint, messageTestId, onCommit }: {
  label: string;
  values: readonly string[];
  /** The list the boxes say, or a message naming what is wrong. */
  fromRows: (rows: readonly string[]) => string[] | string;
  placeholder: string;
  /** Accessible names: one box's, and its remove button's. */
  rowLabel: (index: number) => string;
  removeLabel: (index: number) => string;
  removeTitle: string;
  addLabel: string;
  /** The list's testid, each box's (`${row}-${i}`, its remove button `${row}-${i}-remove`), the add button's. */
  testIds: { list: string; row: string; add: string };
  warning?: string | undefined;
  hint: ReactNode;
  messageTestId?: string;
  onCommit: Commit<string[]>;
}) {
  const labelId = useId();
  const { rows, error, added, edit } = useRowsDraft<string, string[]>([...values], (v) => [...v], fromRows, onCommit);
  return (
    <div className={`mf-field${error ? ' has-error' : ''}`} data-testid={testIds.list}>
      <span className="mf-field__label" id={labelId}>
        {label}
      </span>
      {rows.length > 0 && (
        <div className="mf-list-rows" role="group" aria-labelledby={labelId}>
          {rows.map((row, i) => (
            // Index keys: rows have no identity of their own, and a removal re-reads the rest.
            <div className="mf-list-row" key={i}>
              <RowInput
                value={row}
                placeholder={placeholder}
                label={rowLabel(i)}
                invalid={error !== undefined}
                autoFocus={i === added}
                testId={`${testIds.row}-${i}`}
                onChange={(value) => edit(rows.map((r, k) => (k === i ? value : r)))}
              />
              <RemoveRowButton label={removeLabel(i)} title={removeTitle} testId={`${testIds.row}-${i}-remove`} onClick={() => edit(rows.filter((_, k) => k !== i))} />
            </div>
          ))}
        </div>
      )}
      <AddRowButton testId={testIds.add} onClick={() => edit([...rows, ''], rows.length)}>
        {addLabel}
      </AddRowButton>
      <ListMessage error={error} warning={warning} hint={hint} testId={messageTestId} />
    </div>
  );
}
