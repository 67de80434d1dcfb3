import type { FilterCondition, FilterPolicy, NumericOperator } from '../../model/index.ts';

/**
 * SNS-2 filter policies on message headers. Headers are strings here; a numeric
 * condition reads the header as a number (a header that is not a number never matches it).
 */

/** A header value as a number, or undefined when it is not one ("", "abc", "1e999"). */
function asNumber(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function compare(op: NumericOperator, value: number, bound: number): boolean {
  switch (op) {
    case '=':
      return value === bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
  }
}

/** One condition against a header's value (undefined: the message has no such header). */
export function filterConditionMatches(condition: FilterCondition, value: string | undefined): boolean {
  if (typeof condition === 'string') return value === condition;
  // Only `exists: false` can hold for a header the message does not have.
  if ('exists' in condition) return condition.exists === (value !== undefined);
  if (value === undefined) return false;
  if ('prefix' in condition) return value.startsWith(condition.prefix);
  if ('suffix' in condition) return value.endsWith(condition.suffix);
  if ('anything-but' in condition) return !condition['anything-but'].includes(value);
  const n = asNumber(value);
  if (n === undefined) return false;
  const [op, bound, op2, bound2] = condition.numeric;
  return compare(op, n, bound) && (op2 === undefined || compare(op2, n, bound2!));
}

/**
 * SNS-2: no policy matches everything; otherwise every key of the policy must match (AND),
 * a key matching when any of its conditions does (OR).
 */
export function filterPolicyMatches(policy: FilterPolicy | undefined, headers: Readonly<Record<string, string>> | undefined): boolean {
  if (policy === undefined) return true;
  for (const name of Object.keys(policy)) {
    const value = headers !== undefined && Object.hasOwn(headers, name) ? headers[name] : undefined;
    if (!policy[name]!.some((condition) => filterConditionMatches(condition, value))) return false;
  }
  return true;
}
