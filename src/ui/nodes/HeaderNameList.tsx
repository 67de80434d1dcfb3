import type { ReactNode } from 'react';
import type { Commit } from '../inspector/fields.tsx';
import { TextList } from '../inspector/row-list.tsx';

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
  return (
    <TextList
      label={label}
      values={names}
      fromRows={headerNamesFromRows}
      placeholder="header name"
      rowLabel={(i) => `${label} ${i + 1}`}
      removeLabel={(i) => `Remove header ${i + 1}`}
      removeTitle="Remove this header name"
      addLabel="+ Header"
      testIds={{ list: testId, row: testId, add: `${testId}-add` }}
      hint={hint}
      onCommit={onCommit}
    />
  );
}
