import { describe, expect, it } from 'vitest';
import { conditionSchema } from '../../model/index.ts';
import { conditionSummary, keyFromText } from './condition-text.ts';
import { recordFromRows } from './name-value.ts';

describe('header rows', () => {
  it('a header called __proto__ stays a plain entry the schema accepts', () => {
    const headers = recordFromRows([{ name: '__proto__', value: 'x' }], 'header');
    expect(typeof headers).toBe('object');
    expect(Object.keys(headers)).toEqual(['__proto__']);
    expect(conditionSchema.safeParse({ headers }).success).toBe(true);
  });
});

describe('key pattern text', () => {
  it('is trimmed, and empty means any key', () => {
    expect(keyFromText(' order.* ')).toBe('order.*');
    expect(keyFromText('   ')).toBeUndefined();
    expect(keyFromText('')).toBeUndefined();
  });
});

describe('condition summary', () => {
  it('lists the key pattern and header conditions', () => {
    expect(conditionSummary({ key: 'order.*', headers: {} })).toBe('key order.*');
    expect(conditionSummary({ key: 'order.*', headers: { region: 'eu', tier: 'gold' } })).toBe('key order.* · region=eu · tier=gold');
    expect(conditionSummary({ headers: { region: 'eu' } })).toBe('region=eu');
    expect(conditionSummary({ headers: {} })).toBe('any message');
  });
});
