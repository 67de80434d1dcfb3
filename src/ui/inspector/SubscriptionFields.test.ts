import { describe, expect, it } from 'vitest';
import { edgeSchema } from '../../model/index.ts';
import { filtersFromRows, subscriptionOf, subscriptionSummary } from './SubscriptionFields.tsx';

describe('subscription filters from the rows', () => {
  it('trims each filter and skips empty boxes', () => {
    expect(filtersFromRows([{ filter: ' home/# ', qos: 1 }, { filter: '', qos: 2 }])).toEqual([{ filter: 'home/#', qos: 1 }]);
  });

  it('no filters is no subscription (the schema wants one at least), so the consumer receives nothing', () => {
    expect(subscriptionOf([], false)).toBeUndefined();
    expect(subscriptionOf([{ filter: 'a/+', qos: 0 }], false)).toEqual({ filters: [{ filter: 'a/+', qos: 0 }], cleanSession: false });
  });

  it('the whole-edge schema refuses a bad filter with its own message, and takes a shared one', () => {
    const edge = (filter: string) => ({ id: 'e', source: 'b', target: 'c', subscription: subscriptionOf([{ filter, qos: 0 }], true) });
    const bad = edgeSchema.safeParse(edge('sport/tennis#'));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('not a valid MQTT filter');
    expect(edgeSchema.safeParse(edge('sport/+/player1')).success).toBe(true);
    expect(edgeSchema.safeParse(edge('$share/g1/sensors/#')).success).toBe(true);
    expect(edgeSchema.safeParse(edge('sport/#/x')).success).toBe(false);
  });
});

describe('the label on the canvas', () => {
  it('lists filters with their QoS, and says when the session is persistent', () => {
    expect(subscriptionSummary(undefined)).toBe('');
    expect(subscriptionSummary({ filters: [{ filter: 'home/#', qos: 1 }], cleanSession: true })).toBe('home/# q1');
    expect(
      subscriptionSummary({
        filters: [
          { filter: 'home/#', qos: 1 },
          { filter: 'sport/+', qos: 0 },
        ],
        cleanSession: false,
      }),
    ).toBe('home/# q1 · sport/+ q0 · persistent');
  });
});
