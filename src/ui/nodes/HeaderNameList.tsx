import { useId, type ReactNode } from 'react';
import type { Commit } from '../inspector/fields.tsx';
import { AddRowButton, ListMessage, RemoveRowButton, RowInput, useRowsDraft } from '../inspector/row-list.tsx';

/** Header names from the list's boxes: trimmed, empty boxes skipped, or a message naming a repeat. */
export function headerNamesFromRows(rows: readonly string[]): string[] | string {
  const names: string[] = [];
  for (const row of rows) {
    const name = row.trim();
    if (name === '') continue;
    if (names.includes(name)) return `header "${name}" is listed twice`;
    names.push(name);
  }
  return names;
}

/** A list of header names, one box each with its remove button (the headers a translator removes or keeps). */
export function HeaderNameList({ label, names, hint, testId, onCommit }: {
  label: string;
  names: string[];
  hint: ReactNode;
  /** Prefix of the testids: `${testId}-0`, `${testId}-0-remove`, `${testId}-add`. */
  testId: string;
  onCommit: Commit<string[]>;
}) {
  const labelId = useId();
  const { rows, error, added, edit } = useRowsDraft(names, (n) => [...n], headerNamesFromRows, onCommit);
  return (
    <div className={`mf-field${error ? ' has-error' : ''}`} data-testid={testId}>
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
                placeholder="header name"
                label={`${label} ${i + 1}`}
                invalid={error !== undefined}
                autoFocus={i === added}
                testId={`${testId}-${i}`}
                onChange={(value) => edit(rows.map((r, k) => (k === i ? value : r)))}
              />
              <RemoveRowButton label={`Remove header ${i + 1}`} title="Remove this header name" testId={`${testId}-${i}-remove`} onClick={() => edit(rows.filter((_, k) => k !== i))} />
            </div>
          ))}
        </div>
      )}
      <AddRowButton testId={`${testId}-add`} onClick={() => edit([...rows, ''], rows.length)}>
        + Header
      </AddRowButton>
      <ListMessage error={error} hint={hint} />
    </div>
  );
}
