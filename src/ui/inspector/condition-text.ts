import type { Condition } from '../../model/index.ts';

/** One header condition as the editor shows it: two text boxes. */
export interface HeaderRow {
  name: string;
  value: string;
}

export function headerRows(headers: Readonly<Record<string, string>>): HeaderRow[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

/**
 * The rows as a condition's headers, or a message naming the row at fault. Names and values
 * are trimmed (a producer's header values are too, so a space could never match); a row
 * left wholly empty is skipped, so a just-added row blocks nothing. Lengths are the
 * schema's business.
 */
export function rowsToHeaders(rows: readonly HeaderRow[]): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (let i = 0; i < rows.length; i++) {
    const name = rows[i]!.name.trim();
    const value = rows[i]!.value.trim();
    if (name === '' && value === '') continue;
    if (name === '') return `header ${i + 1}: give it a name`;
    if (Object.hasOwn(headers, name)) return `header "${name}" is given twice`;
    // Not `headers[name] = value`: a header called __proto__ must stay a plain entry.
    Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return headers;
}

/** A condition's key from the key-pattern box: empty means "any key" (no key condition). */
export function keyFromText(text: string): string | undefined {
  const key = text.trim();
  return key === '' ? undefined : key;
}

/** A condition in a few words for a node's summary line: "key order.* · region=eu". */
export function conditionSummary(condition: Condition): string {
  const parts: string[] = [];
  if (condition.key !== undefined) parts.push(`key ${condition.key}`);
  for (const [name, value] of Object.entries(condition.headers)) parts.push(`${name}=${value}`);
  return parts.length === 0 ? 'any message' : parts.join(' · ');
}
