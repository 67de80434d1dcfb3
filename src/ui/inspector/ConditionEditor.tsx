import { useId, useState } from 'react';
import type { Condition } from '../../model/index.ts';
import { headerRows, keyFromText, rowsToHeaders, type HeaderRow } from './condition-text.ts';
import { FieldMessage, TextField, type Commit } from './fields.tsx';

interface ConditionEditorProps {
  value: Condition;
  /** Gets the whole edited condition; returns the problem to show, or undefined once applied. */
  onCommit: Commit<Condition>;
  /** Prefix of the inputs' testids: `${testId}-key`, `${testId}-header-0-name`, ... */
  testId: string;
  /** Show the hints under the fields (a list of rules shows them on its first rule only). */
  hints?: boolean;
}

/**
 * A condition on a message (the content router's rules, the message filter): a key
 * pattern and header conditions. Every part given must hold; nothing given holds always.
 */
export function ConditionEditor({ value, onCommit, testId, hints = true }: ConditionEditorProps) {
  const commitKey = (text: string): string | undefined => {
    const key = keyFromText(text);
    const { key: _previous, ...rest } = value;
    return onCommit(key === undefined ? rest : { ...rest, key });
  };
  return (
    <>
      <TextField
        label="Key pattern"
        value={value.key ?? ''}
        placeholder="any key"
        hint={hints ? '* stands for any run of characters (order.*, *-eu); empty: any key.' : undefined}
        normalise={(text) => text.trim()}
        testId={`${testId}-key`}
        onCommit={commitKey}
      />
      <HeaderConditions headers={value.headers} testId={testId} hints={hints} onCommit={(headers) => onCommit({ ...value, headers })} />
    </>
  );
}

interface RowsState {
  rows: HeaderRow[];
  /** The applied headers the rows were last in step with. */
  seen: string;
  error: string | undefined;
  /** The row just added, which takes the focus. */
  added: number | undefined;
}

const headersKey = (headers: Readonly<Record<string, string>>): string => JSON.stringify(Object.entries(headers));

/**
 * Header conditions as "name = value" rows. The rows are a draft kept apart from the
 * applied headers (as a text field's draft is), so a half-typed or duplicate row stays on
 * screen with its message instead of being applied or thrown away.
 */
function HeaderConditions({ headers, testId, hints, onCommit }: {
  headers: Readonly<Record<string, string>>;
  testId: string;
  hints: boolean;
  onCommit: Commit<Record<string, string>>;
}) {
  const labelId = useId();
  const external = headersKey(headers);
  const [state, setState] = useState<RowsState>(() => ({ rows: headerRows(headers), seen: external, error: undefined, added: undefined }));
  let current = state;
  if (state.seen !== external) {
    // Changed from elsewhere (undo, a file, a rule moved into this slot): show the new value.
    current = { rows: headerRows(headers), seen: external, error: undefined, added: undefined };
    setState(current);
  }

  const edit = (rows: HeaderRow[], added?: number): void => {
    const parsed = rowsToHeaders(rows);
    if (typeof parsed === 'string') {
      setState({ rows, seen: current.seen, error: parsed, added });
      return;
    }
    // A blank row added (or removed) changes nothing: no commit, so a running simulation is not reset.
    if (headersKey(parsed) === current.seen) {
      setState({ rows, seen: current.seen, error: undefined, added });
      return;
    }
    const error = onCommit(parsed);
    setState({ rows, seen: error === undefined ? headersKey(parsed) : current.seen, error, added });
  };
  const change = (i: number, patch: Partial<HeaderRow>): void =>
    edit(current.rows.map((row, k) => (k === i ? { ...row, ...patch } : row)));

  const { rows, error } = current;
  return (
    <div className={`mf-field${error ? ' has-error' : ''}`} data-testid={`${testId}-headers`}>
      <span className="mf-field__label" id={labelId}>
        Headers
      </span>
      {rows.length > 0 && (
        <div className="mf-header-rows" role="group" aria-labelledby={labelId}>
          {rows.map((row, i) => (
            // Index keys: rows have no identity of their own, and a removal re-reads the rest.
            <div className="mf-header-row" key={i}>
              <div className="mf-field__control">
                <input
                  type="text"
                  value={row.name}
                  placeholder="name"
                  aria-label={`Header ${i + 1} name`}
                  aria-invalid={error !== undefined}
                  spellCheck={false}
                  autoFocus={i === current.added}
                  data-testid={`${testId}-header-${i}-name`}
                  onChange={(e) => change(i, { name: e.target.value })}
                />
              </div>
              <span className="mf-header-row__eq" aria-hidden="true">
                =
              </span>
              <div className="mf-field__control">
                <input
                  type="text"
                  value={row.value}
                  placeholder="value"
                  aria-label={`Header ${i + 1} value`}
                  aria-invalid={error !== undefined}
                  spellCheck={false}
                  data-testid={`${testId}-header-${i}-value`}
                  onChange={(e) => change(i, { value: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="mf-icon-button"
                aria-label={`Remove header ${i + 1}`}
                title="Remove this header condition"
                data-testid={`${testId}-header-${i}-remove`}
                onClick={() => edit(rows.filter((_, k) => k !== i))}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      )}
      <div>
        <button
          type="button"
          className="mf-add-button"
          data-testid={`${testId}-add-header`}
          onClick={() => edit([...rows, { name: '', value: '' }], rows.length)}
        >
          + Header condition
        </button>
      </div>
      <FieldMessage
        error={error}
        hint={hints ? (rows.length === 0 ? 'None: headers do not matter.' : 'Each header must be present with exactly this value.') : undefined}
      />
    </div>
  );
}
