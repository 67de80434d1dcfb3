import type { Condition } from '../../model/index.ts';
import type { Message } from '../message.ts';

/** A key pattern as a predicate: `*` stands for any run of characters, everything else is literal. */
export function keyPattern(pattern: string): (key: string) => boolean {
  if (!pattern.includes('*')) return (key) => key === pattern;
  const parts = pattern.split('*');
  const first = parts[0]!;
  const last = parts.at(-1)!;
  return (key) => {
    if (key.length < first.length + last.length || !key.startsWith(first) || !key.endsWith(last)) return false;
    // Middle parts in order, each after the previous, none overlapping the fixed ends.
    let at = first.length;
    const end = key.length - last.length;
    for (let i = 1; i < parts.length - 1; i++) {
      const found = key.indexOf(parts[i]!, at);
      if (found < 0 || found + parts[i]!.length > end) return false;
      at = found + parts[i]!.length;
    }
    return true;
  };
}

/** A condition of the model as a predicate on messages (compiled once per node). */
export function compileCondition(condition: Condition): (msg: Message) => boolean {
  const keyTest = condition.key === undefined ? undefined : keyPattern(condition.key);
  const headers = Object.entries(condition.headers);
  return (msg) => {
    if (keyTest && !keyTest(msg.key ?? '')) return false;
    for (const [name, value] of headers) {
      if (msg.headers === undefined || !Object.hasOwn(msg.headers, name) || msg.headers[name] !== value) return false;
    }
    return true;
  };
}
