import type { ReactNode } from 'react';
import type { Binding, ExchangeConfig } from '../../model/index.ts';
import { FieldGroup, SelectField, type Choice, type Commit } from './fields.tsx';
import { ListMessage, NameValueList, TextList } from './row-list.tsx';

type ExchangeType = ExchangeConfig['type'];

/** The exchange's routing rule in one line, for the top of the Binding group. */
const TYPE_RULES: Readonly<Record<ExchangeType, { name: string; rule: string }>> = {
  direct: { name: 'Direct', rule: 'a copy when a binding key equals the routing key (RMQ-R2).' },
  topic: { name: 'Topic', rule: 'a copy when a binding key matches the routing key word by word (RMQ-R4).' },
  fanout: { name: 'Fanout', rule: 'a copy of every message, whatever its routing key (RMQ-R3).' },
  headers: { name: 'Headers', rule: 'the routing key is ignored; the arguments are compared with the message headers (RMQ-R5).' },
  default: { name: 'Default', rule: 'every queue is bound by its own id, and no other binding is possible (RMQ-R1).' },
};

const MATCH_OPTIONS: readonly Choice<Binding['match']>[] = [
  { value: 'all', label: 'all', hint: 'Every argument must be in the headers with this value; x- arguments are ignored.' },
  { value: 'any', label: 'any', hint: 'One argument equal in the headers is enough; x- arguments are ignored.' },
  { value: 'all-with-x', label: 'all-with-x', hint: 'Every argument must match, x- arguments included.' },
  { value: 'any-with-x', label: 'any-with-x', hint: 'One argument equal is enough, x- arguments included.' },
];

export const NO_BINDING: Binding = { keys: [], arguments: {}, match: 'all' };

/** The binding to keep on the edge: none when it says nothing (no keys, no arguments, x-match all), so files stay minimal. */
export function bindingOrNone(binding: Binding): Binding | undefined {
  const empty = binding.keys.length === 0 && Object.keys(binding.arguments).length === 0 && binding.match === 'all';
  return empty ? undefined : binding;
}

/** Binding keys from the list's boxes: trimmed (a producer's keys are too), empty boxes skipped. */
export function keysFromRows(rows: readonly string[]): string[] {
  return rows.map((row) => row.trim()).filter((key) => key !== '');
}

/** One header argument as the editor shows it: two text boxes. */
/** The arguments x-match looks at: `x-` ones only with the `-with-x` forms (RMQ-R5). */
function countedArguments(binding: Binding): string[] {
  const withX = binding.match === 'all-with-x' || binding.match === 'any-with-x';
  return Object.keys(binding.arguments).filter((name) => withX || !name.startsWith('x-'));
}

/** Why this binding lets nothing through, if it does: a warning, never a refusal. */
export function bindingWarning(type: ExchangeType, binding: Binding | undefined): string | undefined {
  const b = binding ?? NO_BINDING;
  if ((type === 'direct' || type === 'topic') && b.keys.length === 0) return 'No binding keys: this queue receives nothing from the exchange.';
  if (type === 'headers' && (b.match === 'any' || b.match === 'any-with-x') && countedArguments(b).length === 0) {
    return 'No arguments to compare: with x-match any this queue receives nothing.';
  }
  return undefined;
}

/** The binding in a few words for the link's label on the canvas: "kern.* · *.critical", "format=pdf (any)". */
export function bindingSummary(type: ExchangeType, binding: Binding | undefined): string {
  if (!binding) return '';
  if (type === 'direct' || type === 'topic') return binding.keys.join(' · ');
  if (type === 'headers') {
    const args = Object.entries(binding.arguments).map(([name, value]) => `${name}=${value}`);
    if (args.length === 0) return binding.match === 'all' ? '' : `(${binding.match})`;
    return `${args.join(' · ')}${binding.match === 'all' ? '' : ` (${binding.match})`}`;
  }
  // fanout and default: keys and arguments play no part.
  return '';
}

interface BindingFieldsProps {
  /** The source exchange's type, from its config. */
  exchangeType: ExchangeType;
  /** The queue at the end of the link: the default exchange's binding key. */
  queueId: string;
  binding: Binding | undefined;
  /** Gets the whole edited binding (undefined: none); returns the problem to show, or undefined once applied. */
  onCommit: Commit<Binding | undefined>;
}

/**
 * How a queue is bound to the exchange its link comes from. What can be set follows the
 * exchange's type: keys for direct and topic, header arguments and x-match for headers,
 * nothing for fanout and the default exchange.
 */
export function BindingFields({ exchangeType, queueId, binding, onCommit }: BindingFieldsProps) {
  const b = binding ?? NO_BINDING;
  const { name, rule } = TYPE_RULES[exchangeType];
  const commit = (next: Binding) => onCommit(bindingOrNone(next));
  const warning = bindingWarning(exchangeType, binding);
  return (
    <FieldGroup
      legend="Binding"
      testId="group-binding"
      note={
        <span data-testid="binding-type">
          <strong className="mf-binding__type">{name} exchange</strong>: {rule}
        </span>
      }
    >
      {(exchangeType === 'direct' || exchangeType === 'topic') && (
        <KeyList
          keys={b.keys}
          warning={warning}
          hint={
            exchangeType === 'topic' ? (
              <>
                Dot-separated words: <code>*</code> one word, <code>#</code> zero or more (<code>kern.*</code>, <code>audit.#</code>).
                Several keys are several bindings; a message that matches more than one still comes once.
              </>
            ) : (
              'Several keys are several bindings; a message that matches more than one still comes once.'
            )
          }
          onCommit={(keys) => commit({ ...b, keys })}
        />
      )}
      {exchangeType === 'headers' && (
        <>
          <ArgumentList args={b.arguments} warning={warning} onCommit={(args) => commit({ ...b, arguments: args })} />
          <SelectField label="x-match" value={b.match} options={MATCH_OPTIONS} testId="binding-match" onCommit={(match) => commit({ ...b, match })} />
        </>
      )}
      {exchangeType === 'fanout' && (
        <p className="mf-fieldset__note" data-testid="binding-ignored">
          Binding keys are ignored: every message the exchange takes comes here.
          {b.keys.length > 0 && ` (${b.keys.length === 1 ? 'The key' : `The ${b.keys.length} keys`} set earlier stay${b.keys.length === 1 ? 's' : ''} in the file, unused.)`}
        </p>
      )}
      {exchangeType === 'default' && (
        <p className="mf-fieldset__note" data-testid="binding-ignored">
          A message comes here when its routing key is this queue&apos;s id, <code>{queueId}</code>: no keys to set.
          {b.keys.length > 0 && ` (${b.keys.length === 1 ? 'The key' : `The ${b.keys.length} keys`} set earlier stay${b.keys.length === 1 ? 's' : ''} in the file, unused.)`}
        </p>
      )}
    </FieldGroup>
  );
}

/** Binding keys as a list of boxes, each with its remove button. */
function KeyList({ keys, warning, hint, onCommit }: { keys: string[]; warning: string | undefined; hint: ReactNode; onCommit: Commit<string[]> }) {
  return (
    <TextList
      label="Binding keys"
      values={keys}
      fromRows={keysFromRows}
      placeholder="binding key"
      rowLabel={(i) => `Binding key ${i + 1}`}
      removeLabel={(i) => `Remove binding key ${i + 1}`}
      removeTitle="Remove this binding key"
      addLabel="+ Binding key"
      testIds={{ list: 'binding-keys', row: 'binding-key', add: 'binding-add-key' }}
      warning={warning}
      hint={hint}
      messageTestId="binding"
      onCommit={onCommit}
    />
  );
}

/** Header arguments as "name = value" rows. */
function ArgumentList({ args, warning, onCommit }: { args: Record<string, string>; warning: string | undefined; onCommit: Commit<Record<string, string>> }) {
  return (
    <NameValueList
      value={args}
      label="Arguments"
      noun="Argument"
      namePlaceholder="header"
      testId="binding-arguments"
      rowTestId={(i) => `binding-arg-${i}`}
      addTestId="binding-add-arg"
      addLabel="+ Argument"
      removeTitle="Remove this argument"
      onCommit={onCommit}
      message={(error, rows) => (
        <ListMessage
          error={error}
          warning={warning}
          hint={rows > 0 ? 'Compared with each message’s headers, as x-match says.' : warning ? undefined : 'None: with x-match all every message comes here.'}
          testId="binding"
        />
      )}
    />
  );
}
