import { describe, expect, it } from 'vitest';
import { nameValueRows, recordFromRows } from './name-value.ts';

describe('name = value rows', () => {
  it('round-trip a record, trimmed, skipping wholly empty rows and keeping an empty value', () => {
    const record = { region: 'eu', tier: 'gold' };
    expect(nameValueRows(record)).toEqual([
      { name: 'region', value: 'eu' },
      { name: 'tier', value: 'gold' },
    ]);
    expect(recordFromRows(nameValueRows(record), 'header')).toEqual(record);
    expect(recordFromRows([{ name: ' region ', value: ' eu ' }, { name: '', value: '' }, { name: '  ', value: ' ' }], 'header')).toEqual({ region: 'eu' });
    expect(recordFromRows([{ name: 'flag', value: '' }], 'header')).toEqual({ flag: '' });
  });

  it('name the row at fault: a value without a name, a name given twice', () => {
    expect(recordFromRows([{ name: 'a', value: '1' }, { name: '', value: 'x' }], 'header')).toBe('header 2: give it a name');
    expect(recordFromRows([{ name: 'a', value: '1' }, { name: ' a', value: '2' }], 'argument')).toBe('argument "a" is given twice');
  });

  it('keep a name such as __proto__ as a plain entry', () => {
    const record = recordFromRows([{ name: '__proto__', value: 'x' }], 'header');
    expect(typeof record === 'object' && Object.hasOwn(record, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });
});
