import { describe, expect, it } from 'vitest';
import { edgeSchema } from '../../model/index.ts';
import { prefixesFromRows, prefixRows, subscribesToEverything, subscribeValue, zmqSubscribeSummary } from './ZmqSubscribeFields.tsx';

describe('ZeroMQ subscription fields (ZMQ-3)', () => {
  it('no subscription set is the empty prefix: everything', () => {
    expect(subscribesToEverything(undefined)).toBe(true);
    expect(subscribesToEverything(['', 'a'])).toBe(true);
    expect(subscribesToEverything(['a'])).toBe(false);
    expect(subscribesToEverything([])).toBe(false);
  });

  it('the rows show the prefixes other than the empty one; trimmed, blank boxes skipped', () => {
    expect(prefixRows(['', 'weather.', 'news'])).toEqual(['weather.', 'news']);
    expect(prefixRows(undefined)).toEqual([]);
    expect(prefixesFromRows([' weather. ', '', '  '])).toEqual(['weather.']);
  });

  it('everything and nothing else is kept as no field; unticking everything with no prefix subscribes to nothing', () => {
    expect(subscribeValue(true, [])).toBeUndefined();
    expect(subscribeValue(true, ['a'])).toEqual(['', 'a']);
    expect(subscribeValue(false, ['a'])).toEqual(['a']);
    expect(subscribeValue(false, [])).toEqual([]);
  });

  it('sums the subscription up for the link label', () => {
    expect(zmqSubscribeSummary(undefined)).toBe('');
    expect(zmqSubscribeSummary([])).toBe('subscribes to nothing');
    expect(zmqSubscribeSummary(['', 'weather.'])).toBe('everything · weather.…');
  });

  it('each value is one the whole-edge schema takes', () => {
    for (const zmqSubscribe of [subscribeValue(false, []), subscribeValue(true, ['a']), subscribeValue(false, ['weather.', 'news'])]) {
      expect(edgeSchema.safeParse({ id: 'e', source: 'z', target: 'c', zmqSubscribe }).success).toBe(true);
    }
  });
});
