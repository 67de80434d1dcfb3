import { describe, expect, it } from 'vitest';
import { bindingSchema, edgeSchema } from '../../model/index.ts';
import { recordFromRows } from './name-value.ts';
import { bindingOrNone, bindingSummary, bindingWarning, keysFromRows, NO_BINDING } from './BindingFields.tsx';

const binding = (b: object) => bindingSchema.parse(b);

describe('binding keys from the list', () => {
  it('trims each key and skips empty boxes, so a just-added row changes nothing', () => {
    expect(keysFromRows([' kern.* ', '', '*.critical', '   '])).toEqual(['kern.*', '*.critical']);
    expect(keysFromRows([''])).toEqual([]);
  });

  it('keeps no binding on the edge when it says nothing', () => {
    expect(bindingOrNone(NO_BINDING)).toBeUndefined();
    expect(bindingOrNone(binding({ keys: ['a'] }))).toEqual({ keys: ['a'], arguments: {}, match: 'all' });
    // x-match any with no arguments says something: this queue receives nothing.
    expect(bindingOrNone(binding({ match: 'any' }))).toEqual({ keys: [], arguments: {}, match: 'any' });
  });
});

describe('header arguments from the rows', () => {
  it('an argument called __proto__ stays a plain entry the schema accepts', () => {
    const args = recordFromRows([{ name: '__proto__', value: 'x' }], 'argument');
    expect(typeof args === 'object' && Object.keys(args)).toEqual(['__proto__']);
    expect(edgeSchema.safeParse({ id: 'e', source: 'x', target: 'q', binding: { arguments: args } }).success).toBe(true);
  });
});

describe('warnings (never refusals)', () => {
  it('a direct or topic binding without keys receives nothing', () => {
    expect(bindingWarning('direct', undefined)).toContain('receives nothing');
    expect(bindingWarning('topic', binding({ keys: [] }))).toContain('receives nothing');
    expect(bindingWarning('topic', binding({ keys: ['#'] }))).toBeUndefined();
  });

  it('fanout and default need nothing', () => {
    expect(bindingWarning('fanout', undefined)).toBeUndefined();
    expect(bindingWarning('default', undefined)).toBeUndefined();
  });

  it('headers: x-match any with nothing it counts receives nothing; all with nothing takes everything (RMQ-R5)', () => {
    expect(bindingWarning('headers', undefined)).toBeUndefined();
    expect(bindingWarning('headers', binding({ match: 'any' }))).toContain('receives nothing');
    // x- arguments count only with the -with-x forms.
    expect(bindingWarning('headers', binding({ match: 'any', arguments: { 'x-tier': 'gold' } }))).toContain('receives nothing');
    expect(bindingWarning('headers', binding({ match: 'any-with-x', arguments: { 'x-tier': 'gold' } }))).toBeUndefined();
  });
});

describe('the label on the canvas', () => {
  it('shows keys for direct and topic, arguments for headers, nothing for fanout and default', () => {
    const b = binding({ keys: ['kern.*', '*.critical'], arguments: { format: 'pdf' }, match: 'any' });
    expect(bindingSummary('topic', b)).toBe('kern.* · *.critical');
    expect(bindingSummary('direct', b)).toBe('kern.* · *.critical');
    expect(bindingSummary('headers', b)).toBe('format=pdf (any)');
    expect(bindingSummary('headers', binding({ arguments: { format: 'pdf', type: 'report' } }))).toBe('format=pdf · type=report');
    expect(bindingSummary('fanout', b)).toBe('');
    expect(bindingSummary('default', b)).toBe('');
    expect(bindingSummary('topic', undefined)).toBe('');
  });
});
