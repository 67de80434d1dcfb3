import { useId, useState, type ReactNode } from 'react';
import { formatNumber } from '../format.ts';

/** What a field reports after the user changed it: a problem to show, or undefined if applied. */
export type Commit<T> = (value: T) => string | undefined;

interface DraftState {
  draft: string;
  /** The external value the draft was last in step with. */
  seen: string;
  error: string | undefined;
}

/**
 * The text in a field, kept apart from the applied value so an invalid entry stays
 * visible (with its message) without being applied, and a valid one is not re-formatted
 * under the user's cursor.
 */
function useDraft(external: string, normalise: (text: string) => string) {
  const [state, setState] = useState<DraftState>({ draft: external, seen: external, error: undefined });
  let current = state;
  if (state.seen !== external) {
    // Changed from elsewhere (another field, a file load): show the new value.
    current = { draft: external, seen: external, error: undefined };
    setState(current);
  }
  const edit = (text: string, error: string | undefined): void => {
    setState({ draft: text, seen: error === undefined ? normalise(text) : current.seen, error });
  };
  return { draft: current.draft, error: current.error, edit };
}

function Field({ label, unit, hint, error, htmlFor, children }: {
  label: string;
  unit?: string;
  hint?: string;
  error: string | undefined;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <div className={`mf-field${error ? ' has-error' : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      <div className="mf-field__control">
        {children}
        {unit && <span className="mf-field__unit">{unit}</span>}
      </div>
      <FieldMessage error={error} hint={hint} />
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onCommit: Commit<number | undefined>;
  unit?: string;
  hint?: string;
  /** Empty means "not set" (undefined) instead of an error. */
  optional?: boolean;
  placeholder?: string;
  testId?: string;
}

const formatOptional = (n: number | undefined): string => (n === undefined ? '' : formatNumber(n));
const normaliseNumber = (text: string): string => (text.trim() === '' ? '' : formatNumber(Number(text)));

/** Under a field: its validation error if there is one, else its hint. */
export function FieldMessage({ error, hint }: { error?: string | null | undefined; hint?: ReactNode }) {
  if (error) {
    return (
      <div className="mf-field__error" role="alert">
        {error}
      </div>
    );
  }
  return hint ? <div className="mf-field__hint">{hint}</div> : null;
}

export function NumberField({ label, value, onCommit, unit, hint, optional, placeholder, testId }: NumberFieldProps) {
  const id = useId();
  const { draft, error, edit } = useDraft(formatOptional(value), normaliseNumber);
  const change = (text: string): void => {
    const trimmed = text.trim();
    if (trimmed === '') return edit(text, optional ? onCommit(undefined) : 'required');
    const n = Number(trimmed);
    edit(text, Number.isFinite(n) ? onCommit(n) : 'enter a number');
  };
  return (
    <Field label={label} unit={unit} hint={hint} error={error} htmlFor={id}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft}
        placeholder={placeholder}
        aria-invalid={error !== undefined}
        data-testid={testId}
        onChange={(e) => change(e.target.value)}
      />
    </Field>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onCommit: Commit<string>;
  hint?: string;
  placeholder?: string;
  /** How a committed text will read back from the model (e.g. "a,b" -> "a, b"). */
  normalise?: (text: string) => string;
  testId?: string;
}

const identity = (text: string): string => text;

export function TextField({ label, value, onCommit, hint, placeholder, normalise = identity, testId }: TextFieldProps) {
  const id = useId();
  const { draft, error, edit } = useDraft(value, normalise);
  return (
    <Field label={label} hint={hint} error={error} htmlFor={id}>
      <input
        id={id}
        type="text"
        value={draft}
        placeholder={placeholder}
        aria-invalid={error !== undefined}
        data-testid={testId}
        onChange={(e) => edit(e.target.value, onCommit(e.target.value))}
      />
    </Field>
  );
}

/** Like TextField, over several lines (e.g. one "name: value" per line). */
export function TextAreaField({ label, value, onCommit, hint, placeholder, normalise = identity, rows = 3, testId }: TextFieldProps & { rows?: number }) {
  const id = useId();
  const { draft, error, edit } = useDraft(value, normalise);
  return (
    <Field label={label} hint={hint} error={error} htmlFor={id}>
      <textarea
        id={id}
        rows={rows}
        value={draft}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={error !== undefined}
        data-testid={testId}
        onChange={(e) => edit(e.target.value, onCommit(e.target.value))}
      />
    </Field>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  /** Choices; the selected one's `hint` is shown when no `hint` is given. */
  options: readonly Choice<T>[];
  onCommit: Commit<T>;
  hint?: string;
  testId?: string;
}

export function SelectField<T extends string>({ label, value, options, onCommit, hint, testId }: SelectFieldProps<T>) {
  const id = useId();
  const [error, setError] = useState<string>();
  const shownHint = hint ?? options.find((o) => o.value === value)?.hint;
  return (
    <Field label={label} hint={shownHint} error={error} htmlFor={id}>
      <select
        id={id}
        value={value}
        data-testid={testId}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) setError(onCommit(chosen.value));
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxField({ label, checked, onCommit, hint, testId }: {
  label: string;
  checked: boolean;
  onCommit: Commit<boolean>;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  const [error, setError] = useState<string>();
  return (
    <div className={`mf-field mf-field--check${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} data-testid={testId} onChange={(e) => setError(onCommit(e.target.checked))} />
        {label}
      </label>
      <FieldMessage error={error} hint={hint} />
    </div>
  );
}

/**
 * A fraction (0..1) in the model, edited as a percentage. Values outside 0..100 % are
 * refused here; the rest goes to `onCommit` as a fraction for the schema to check.
 */
export function PercentField({ label, fraction, onCommit, hint, testId }: {
  label: string;
  fraction: number;
  onCommit: Commit<number>;
  hint?: string;
  testId?: string;
}) {
  return (
    <NumberField
      label={label}
      unit="%"
      value={fraction * 100}
      hint={hint}
      testId={testId}
      onCommit={(percent) =>
        percent === undefined || percent < 0 || percent > 100 ? 'must be between 0 and 100 %' : onCommit(percent / 100)
      }
    />
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** One sentence shown under the choices while this one is selected. */
  hint?: string;
}

/**
 * A few mutually exclusive choices as radio buttons, for when each deserves its own line.
 * Each radio's testid is `${testId}-${value}`.
 */
export function RadioField<T extends string>({ label, value, options, onCommit, hint, testId }: {
  label: string;
  value: T;
  options: readonly Choice<T>[];
  onCommit: Commit<T>;
  /** Shown when the selected option has no hint of its own. */
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  const [error, setError] = useState<string>();
  const shownHint = options.find((o) => o.value === value)?.hint ?? hint;
  return (
    <div className={`mf-field mf-field--radio${error ? ' has-error' : ''}`}>
      <span className="mf-field__label" id={`${id}-label`}>
        {label}
      </span>
      <div className="mf-radio" role="radiogroup" aria-labelledby={`${id}-label`} data-testid={testId}>
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'is-checked' : undefined}>
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={o.value === value}
              data-testid={testId && `${testId}-${o.value}`}
              onChange={() => setError(onCommit(o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldMessage error={error} hint={shownHint} />
    </div>
  );
}

/** A titled group of related fields, with an optional sentence on what the group is for. */
export function FieldGroup({ legend, note, testId, children }: {
  legend: string;
  note?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="mf-fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      {note && <p className="mf-fieldset__note">{note}</p>}
      {children}
    </fieldset>
  );
}
