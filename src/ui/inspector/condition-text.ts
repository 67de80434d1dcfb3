import type { Condition } from '../../model/index.ts';

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
