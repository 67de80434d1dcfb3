import { describe, expect, it } from 'vitest';
import type { Message } from '../message.ts';
import { compileCondition, keyPattern } from './condition.ts';

describe('key patterns', () => {
  it.each([
    ['order.*', 'order.created', true],
    ['order.*', 'order.', true],
    ['order.*', 'orders.created', false],
    ['*-eu', 'shop-eu', true],
    ['*-eu', 'shop-us', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'a-x-b-y-c', true],
    ['a*b*c', 'acb', false],
    ['ab*ba', 'aba', false],
    ['*', '', true],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
  ])('%j matches %j: %s', (pattern, key, expected) => {
    expect(keyPattern(pattern)(key)).toBe(expected);
  });
});

describe('conditions', () => {
  const msg = (key: string | undefined, headers?: Record<string, string>) => ({ key, headers }) as Message;

  it('need every part to hold; no parts always holds', () => {
    const vip = compileCondition({ key: 'order.*', headers: { tier: 'gold' } });
    expect(vip(msg('order.1', { tier: 'gold' }))).toBe(true);
    expect(vip(msg('order.1', { tier: 'silver' }))).toBe(false);
    expect(vip(msg('order.1'))).toBe(false);
    expect(vip(msg('invoice.1', { tier: 'gold' }))).toBe(false);
    expect(compileCondition({ headers: {} })(msg(undefined))).toBe(true);
  });
});
