import { describe, expect, it } from 'vitest';
import { isMissing, linkedTargets, wireTapMain, withMissing } from './linked-targets.ts';

const nodes = [
  { id: 'p', data: { kind: 'producer' as const } },
  { id: 'r', data: { kind: 'content-router' as const } },
  { id: 'a', data: { kind: 'consumer' as const, label: 'Billing' } },
  { id: 'b', data: { kind: 'queue' as const } },
  { id: 'c', data: { kind: 'consumer' as const, label: '' } },
];
const edges = [
  { source: 'p', target: 'r' },
  { source: 'r', target: 'b' },
  { source: 'b', target: 'c' },
  { source: 'r', target: 'a' },
];

describe('linkedTargets', () => {
  it('lists the nodes a node links to, in link order, named by label else id', () => {
    expect(linkedTargets('r', nodes, edges)).toEqual([
      { value: 'b', label: 'b · queue' },
      { value: 'a', label: 'Billing · consumer' },
    ]);
  });

  it('is empty for a node without outputs, and skips links to nodes not on the canvas', () => {
    expect(linkedTargets('a', nodes, edges)).toEqual([]);
    expect(linkedTargets('p', nodes, [...edges, { source: 'p', target: 'gone' }])).toEqual([{ value: 'r', label: 'r · content-router' }]);
  });
});

describe('withMissing and isMissing', () => {
  const choices = linkedTargets('r', nodes, edges);

  it('add a "(missing)" option only for a value no longer linked', () => {
    expect(withMissing(choices, 'a')).toEqual(choices);
    expect(withMissing(choices, undefined)).toEqual(choices);
    expect(withMissing(choices, 'c')).toEqual([...choices, { value: 'c', label: 'c (missing)' }]);
    expect(isMissing(choices, 'c')).toBe(true);
    expect(isMissing(choices, 'a')).toBe(false);
    expect(isMissing(choices, undefined)).toBe(false);
  });
});

describe('wireTapMain', () => {
  const choices = linkedTargets('r', nodes, edges);

  it('is the first output that is not the tap', () => {
    expect(wireTapMain(choices, 'b')?.value).toBe('a');
    expect(wireTapMain(choices, 'a')?.value).toBe('b');
    expect(wireTapMain(choices, undefined)?.value).toBe('b');
    expect(wireTapMain(choices.slice(0, 1), 'b')).toBeUndefined();
  });
});
