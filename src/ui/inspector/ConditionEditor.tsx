import type { Condition } from '../../model/index.ts';
import { keyFromText } from './condition-text.ts';
import { FieldMessage, TextField, type Commit } from './fields.tsx';
import { NameValueList } from './row-list.tsx';

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

/** Header conditions as "name = value" rows: each header must be present with exactly its value. */
function HeaderConditions({ headers, testId, hints, onCommit }: {
  headers: Readonly<Record<string, string>>;
  testId: string;
  hints: boolean;
  onCommit: Commit<Record<string, string>>;
}) {
  return (
    <NameValueList
      value={headers}
      label="Headers"
      noun="Header"
      namePlaceholder="name"
      testId={`${testId}-headers`}
      rowTestId={(i) => `${testId}-header-${i}`}
      addTestId={`${testId}-add-header`}
      addLabel="+ Header condition"
      removeTitle="Remove this header condition"
      onCommit={onCommit}
      message={(error, rows) => (
        <FieldMessage
          error={error}
          hint={hints ? (rows === 0 ? 'None: headers do not matter.' : 'Each header must be present with exactly this value.') : undefined}
        />
      )}
    />
  );
}
