import { describe, expect, it } from 'vitest';
import { conditionSchema } from '../../model/index.ts';
import { conditionSummary, headerRows, keyFromText, rowsToHeaders } from './condition-text.ts';

describe('header rows', () => {
  it('round-trip headers in their order', () => {
    const headers = { region: 'eu', tier: 'gold' };
    expect(headerRows(headers)).toEqual([
      { name: 'region', value: 'eu' },
      { name: 'tier', value: 'gold' },
    ]);
    expect(rowsToHeaders(headerRows(headers))).toEqual(headers);
  });

  it('trim names and values and skip wholly empty rows', () => {
    expect(rowsToHeaders([{ name: ' region ', value: ' eu ' }, { name: '', value: '' }, { name: '  ', value: ' ' }])).toEqual({ region: 'eu' });
  });

  it('keep an empty value: the header must be present and empty', () => {
    expect(rowsToHeaders([{ name: 'flag', value: '' }])).toEqual({ flag: '' });
  });

  it('name the row without a name, and a name given twice', () => {
    expect(rowsToHeaders([{ name: 'a', value: '1' }, { name: '', value: 'x' }])).toBe('header 2: give it a name');
    expect(rowsToHeaders([{ name: 'a', value: '1' }, { name: ' a', value: '2' }])).toBe('header "a" is given twice');
  });

  it('keep a header called __proto__ as a plain entry the schema accepts', () => {
    const headers = rowsToHeaders([{ name: '__proto__', value: 'x' }]);
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
