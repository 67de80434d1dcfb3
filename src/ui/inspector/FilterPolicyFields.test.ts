import { describe, expect, it } from 'vitest';
import { edgeSchema, filterPolicySchema, type FilterPolicy } from '../../model/index.ts';
import { filterPolicySummary, policyFromRows, policyRows, type KeyRow } from './FilterPolicyFields.tsx';

const key = (name: string, ...conditions: [KeyRow['conditions'][number]['op'], string][]): KeyRow => ({
  name,
  conditions: conditions.map(([op, text]) => ({ op, text })),
});

describe('filter policy from the rows', () => {
  it('reads every kind of condition, and the result is a policy the model accepts', () => {
    const policy = policyFromRows([
      key(' region ', ['equals', 'eu'], ['prefix', ' eu- ']),
      key('file', ['suffix', '.pdf']),
      key('env', ['anything-but', 'test, dev,,']),
      key('price', ['numeric', '> 0 <= 150'], ['numeric', '=5']),
      key('trace', ['exists', 'false']),
    ]);
    expect(policy).toEqual({
      region: ['eu', { prefix: 'eu-' }],
      file: [{ suffix: '.pdf' }],
      env: [{ 'anything-but': ['test', 'dev'] }],
      price: [{ numeric: ['>', 0, '<=', 150] }, { numeric: ['=', 5] }],
      trace: [{ exists: false }],
    });
    expect(filterPolicySchema.safeParse(policy).success).toBe(true);
  });

  it('goes to rows and back unchanged', () => {
    const policy: FilterPolicy = { region: ['eu', { prefix: 'eu-' }], price: [{ numeric: ['>=', 1.5, '<', 10] }], trace: [{ exists: true }], env: [{ 'anything-but': ['a', 'b'] }] };
    expect(policyFromRows(policyRows(policy))).toEqual(policy);
  });

  it('no rows, or only a just-added blank one, is no policy', () => {
    expect(policyFromRows([])).toBeUndefined();
    expect(policyFromRows([key('', ['equals', ''])])).toBeUndefined();
  });

  it('names the row at fault', () => {
    expect(policyFromRows([key('', ['equals', 'eu'])])).toBe('key 1: give the header name');
    expect(policyFromRows([key('a', ['equals', 'x']), key('a', ['equals', 'y'])])).toBe('header "a" is given twice: put all its conditions under one key');
    expect(policyFromRows([key('price', ['numeric', '!= 5'])])).toMatch(/^"price" condition 1: write an operator and a number/);
    expect(policyFromRows([key('price', ['numeric', '>= lots'])])).toBe('"price" condition 1: "lots" is not a number');
    expect(policyFromRows([key('region', ['equals', 'eu'], ['prefix', ' '])])).toBe('"region" condition 2: give the start to match');
    expect(policyFromRows([key('env', ['anything-but', ' , '])])).toBe('"env" condition 1: list at least one value, separated by commas');
  });

  it('a range the schema refuses is refused through the edge schema with its reason', () => {
    const policy = policyFromRows([key('price', ['numeric', '< 5 > 1'])]);
    const r = edgeSchema.safeParse({ id: 'e', source: 't', target: 'c', filterPolicy: policy });
    expect(!r.success && r.error.issues.map((i) => i.message)).toEqual(['a range starts with its lower bound: > or >=']);
  });

  it('keeps a header called __proto__ as a plain entry', () => {
    const policy = policyFromRows([key('__proto__', ['equals', 'x'])]);
    expect(typeof policy === 'object' && Object.keys(policy)).toEqual(['__proto__']);
  });
});

describe('filter policy summary for the canvas label', () => {
  it('says each key with its conditions', () => {
    expect(filterPolicySummary(undefined)).toBe('');
    expect(filterPolicySummary({})).toBe('filter: all');
    expect(filterPolicySummary({ region: ['eu', 'us'] })).toBe('region=eu|us');
    expect(filterPolicySummary({ region: ['eu', { prefix: 'eu-' }, { 'anything-but': ['x', 'y'] }] })).toBe('region=eu|eu-*|≠x,y');
    expect(filterPolicySummary({ file: [{ suffix: '.pdf' }], price: [{ numeric: ['>', 0, '<=', 150] }] })).toBe('file=*.pdf · price>0<=150');
    expect(filterPolicySummary({ trace: [{ exists: false }], tenant: [{ exists: true }] })).toBe('trace absent · tenant present');
  });
});
