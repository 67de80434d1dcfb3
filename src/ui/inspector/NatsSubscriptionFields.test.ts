import { describe, expect, it } from 'vitest';
import { edgeSchema } from '../../model/index.ts';
import { natsSubscriptionOf, natsSubscriptionSummary } from './NatsSubscriptionFields.tsx';

describe('the NATS subscription from the two boxes', () => {
  it('trims both; no subject is no subscription; an empty group box is a plain subscription', () => {
    expect(natsSubscriptionOf('  ', 'workers')).toBeUndefined();
    expect(natsSubscriptionOf(' orders.* ', ' ')).toEqual({ subject: 'orders.*' });
    expect(natsSubscriptionOf('orders.*', ' workers ')).toEqual({ subject: 'orders.*', queueGroup: 'workers' });
  });

  it('the whole-edge schema refuses a bad subject with its own message (N-2)', () => {
    const edge = (subject: string) => ({ id: 'e', source: 'n', target: 'c', natsSubscription: natsSubscriptionOf(subject, '') });
    const bad = edgeSchema.safeParse(edge('orders.>.eu'));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('not a valid NATS subject: > matches the rest of the subject: it comes last only');
    expect(edgeSchema.safeParse(edge('orders.*.eu')).success).toBe(true);
  });
});

describe('the label on the canvas', () => {
  it('shows the subject, and the queue group when there is one', () => {
    expect(natsSubscriptionSummary(undefined)).toBe('');
    expect(natsSubscriptionSummary({ subject: 'orders.>' })).toBe('orders.>');
    expect(natsSubscriptionSummary({ subject: 'jobs.*', queueGroup: 'workers' })).toBe('jobs.* · group workers');
  });
});
