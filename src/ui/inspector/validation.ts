import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Zod's messages in words that suit a form field ("must be > 0" rather than "Too small: ..."). */
export function issueText(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return `must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
      break;
    case 'too_big':
      if (issue.origin === 'number') return `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
      break;
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be a whole number';
      break;
    default:
      break;
  }
  return issue.message;
}

/**
 * Validates `candidate` with a model schema; applies the parsed value only if it is valid.
 * Returns the problem to show next to the field, or undefined when applied.
 */
export function applyIfValid<T>(schema: z.ZodType<T>, candidate: unknown, apply: (value: T) => void): string | undefined {
  const result = schema.safeParse(candidate);
  if (!result.success) return [...new Set(result.error.issues.map(issueText))].join('; ');
  apply(result.data);
  return undefined;
}

/**
 * A candidate config with an optional setting changed: `key` set to `value`, or left out
 * when `value` is undefined (an empty field: "absent", which the model reads as none or
 * unbounded). The result goes to `applyIfValid`, which checks it.
 */
export function withOptional<T extends object>(config: T, key: keyof T & string, value: unknown): Record<string, unknown> {
  const out = { ...config } as Record<string, unknown>;
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}
