import { describe, expect, it } from 'vitest';
import { filterPolicySchema, type FilterPolicy } from '../../model/index.ts';
import { filterPolicyMatches } from './filter-policy.ts';

type Headers = Record<string, string>;

/** [what it shows, policy (undefined: none), message headers, matches] — SNS-2, one operator or rule per row. */
const CASES: [string, FilterPolicy | undefined, Headers, boolean][] = [
  ['no policy: everything', undefined, {}, true],
  ['empty policy: everything', {}, { region: 'eu' }, true],
  ['exact match', { region: ['eu'] }, { region: 'eu' }, true],
  ['exact match is whole and case-sensitive', { region: ['eu'] }, { region: 'EU' }, false],
  ['exact: a longer value does not match', { region: ['eu'] }, { region: 'eu-west' }, false],
  ['OR within a key: the second value', { region: ['us', 'eu'] }, { region: 'eu' }, true],
  ['OR within a key: none of them', { region: ['us', 'ap'] }, { region: 'eu' }, false],
  ['missing key does not match', { region: ['eu'] }, { tier: 'gold' }, false],
  ['AND across keys: both hold', { region: ['eu'], tier: ['gold'] }, { region: 'eu', tier: 'gold' }, true],
  ['AND across keys: one fails', { region: ['eu'], tier: ['gold'] }, { region: 'eu', tier: 'silver' }, false],
  ['AND across keys: one missing', { region: ['eu'], tier: ['gold'] }, { region: 'eu' }, false],
  ['prefix holds', { region: [{ prefix: 'eu-' }] }, { region: 'eu-west-1' }, true],
  ['prefix fails', { region: [{ prefix: 'eu-' }] }, { region: 'us-east-1' }, false],
  ['prefix on a missing key', { region: [{ prefix: 'eu-' }] }, {}, false],
  ['suffix holds', { file: [{ suffix: '.pdf' }] }, { file: 'invoice.pdf' }, true],
  ['suffix fails', { file: [{ suffix: '.pdf' }] }, { file: 'invoice.png' }, false],
  ['anything-but: another value', { env: [{ 'anything-but': ['test', 'dev'] }] }, { env: 'prod' }, true],
  ['anything-but: a listed value', { env: [{ 'anything-but': ['test', 'dev'] }] }, { env: 'dev' }, false],
  ['anything-but on a missing key does not match', { env: [{ 'anything-but': ['test'] }] }, {}, false],
  ['numeric =', { price: [{ numeric: ['=', 100] }] }, { price: '100' }, true],
  ['numeric = reads the number (1e2 is 100)', { price: [{ numeric: ['=', 100] }] }, { price: '1e2' }, true],
  ['numeric >', { price: [{ numeric: ['>', 100] }] }, { price: '100' }, false],
  ['numeric >=', { price: [{ numeric: ['>=', 100] }] }, { price: '100' }, true],
  ['numeric <', { price: [{ numeric: ['<', 0] }] }, { price: '-0.5' }, true],
  ['numeric <=', { price: [{ numeric: ['<=', 10] }] }, { price: '10.5' }, false],
  ['numeric range inside', { price: [{ numeric: ['>', 0, '<=', 150] }] }, { price: '150' }, true],
  ['numeric range outside', { price: [{ numeric: ['>', 0, '<=', 150] }] }, { price: '0' }, false],
  ['numeric on a header that is not a number', { price: [{ numeric: ['>=', 0] }] }, { price: 'cheap' }, false],
  ['numeric on an empty header', { price: [{ numeric: ['<=', 0] }] }, { price: '' }, false],
  ['exists true: present (even empty)', { trace: [{ exists: true }] }, { trace: '' }, true],
  ['exists true: missing', { trace: [{ exists: true }] }, {}, false],
  ['exists false: missing matches', { trace: [{ exists: false }] }, { region: 'eu' }, true],
  ['exists false: present does not', { trace: [{ exists: false }] }, { trace: 'x' }, false],
  ['OR of operators: exact or prefix', { region: ['us', { prefix: 'eu' }] }, { region: 'eu-central' }, true],
  ['OR with exists false lets a missing key through', { region: ['eu', { exists: false }] }, {}, true],
  ['AND with exists false: the other key still must hold', { region: ['eu'], trace: [{ exists: false }] }, { region: 'us' }, false],
  ['a header named like an Object member is just a name', { constructor: ['x'] }, {}, false],
];

describe('SNS-2 filter policy matching', () => {
  it.each(CASES)('%s', (_what, policy, headers, expected) => {
    // Every policy in the table is one the model accepts.
    if (policy) expect(filterPolicySchema.safeParse(policy).success).toBe(true);
    expect(filterPolicyMatches(policy, headers)).toBe(expected);
  });

  it('a message with no headers at all matches only a policy that asks for none', () => {
    expect(filterPolicyMatches({ a: [{ exists: false }] }, undefined)).toBe(true);
    expect(filterPolicyMatches({ a: ['x'] }, undefined)).toBe(false);
  });
});

describe('SNS-2 filter policy validation', () => {
  const problems = (policy: unknown): string[] => {
    const r = filterPolicySchema.safeParse(policy);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('refuses malformed conditions with the path of the fault', () => {
    expect(problems({ price: [{ numeric: ['!=', 5] }] })).toEqual(['price.0.numeric.0: unknown numeric operator "!=": use = > >= < <=']);
    expect(problems({ price: [{ numeric: ['>', 'five'] }] })).toEqual(['price.0.numeric.1: must be a finite number']);
    expect(problems({ price: [{ numeric: ['<', 5, '>', 1] }] })).toEqual(['price.0.numeric.0: a range starts with its lower bound: > or >=']);
    expect(problems({ price: [{ numeric: ['>', 5, '<', 1] }] })).toEqual(['price.0.numeric.3: the upper bound must be at least the lower bound']);
    expect(problems({ price: [{ numeric: ['>', 5, '<'] }] })[0]).toMatch(/^price\.0\.numeric: numeric takes \[op, n\]/);
    expect(problems({ region: [{ contains: 'eu' }] })).toEqual(['region.0.contains: unknown operator "contains": use prefix, suffix, anything-but, numeric, exists']);
    expect(problems({ region: [{ prefix: 'eu', suffix: 'x' }] })).toEqual(['region.0: a condition has exactly one operator (prefix, suffix, anything-but, numeric, exists), not 2']);
    expect(problems({ region: [{ prefix: '' }] })).toEqual(['region.0.prefix: a prefix must not be empty']);
    expect(problems({ env: [{ 'anything-but': [] }] })).toEqual(['env.0.anything-but: anything-but needs at least one value']);
    expect(problems({ env: [{ 'anything-but': 'dev' }] })).toEqual(['env.0.anything-but: anything-but takes a list of strings, e.g. ["test", "dev"]']);
    expect(problems({ trace: [{ exists: 'yes' }] })).toEqual(['trace.0.exists: exists is true or false']);
    expect(problems({ region: [42] })).toEqual(['region.0: a condition is a string (exact match) or an object such as { "prefix": "eu-" }']);
    expect(problems({ region: [] })).toEqual(['region: "region" needs at least one condition']);
    expect(problems({ region: 'eu' })[0]).toMatch(/^region: /);
  });
});
