/** One "name = value" row as an editor shows it: two text boxes. */
export interface NameValue {
  name: string;
  value: string;
}

export function nameValueRows(record: Readonly<Record<string, string>>): NameValue[] {
  return Object.entries(record).map(([name, value]) => ({ name, value }));
}

/**
 * The rows as a record, or a message naming the row at fault (`noun`: what a row is, e.g.
 * "header"). Names and values are trimmed; a row left wholly empty is skipped, so a
 * just-added row blocks nothing. Lengths are the schema's business.
 */
export function recordFromRows(rows: readonly NameValue[], noun: string): Record<string, string> | string {
  const record: Record<string, string> = {};
  for (let i = 0; i < rows.length; i++) {
    const name = rows[i]!.name.trim();
    const value = rows[i]!.value.trim();
    if (name === '' && value === '') continue;
    if (name === '') return `${noun} ${i + 1}: give it a name`;
    if (Object.hasOwn(record, name)) return `${noun} "${name}" is given twice`;
    // Not `record[name] = value`: a name such as __proto__ must stay a plain entry.
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return record;
}
