import { describe, expect, it } from 'vitest';
import { requesterWait } from './requester-wait.ts';

describe('requesterWait (ZMQ-2: a REQ with no timeout waits for ever)', () => {
  const stats = (waitingSinceMs: number | null, rttMaxMs = 1_002) => ({ waitingSinceMs, rttMaxMs });

  it('shows nothing while nothing waits', () => {
    expect(requesterWait(stats(null), undefined, 5_000, false)).toBeUndefined();
  });

  it('a wait within a few round trips is just waiting', () => {
    expect(requesterWait(stats(3_006), undefined, 3_506, false)).toEqual({ text: 'waiting 500 ms', stalled: false });
  });

  it('with no timeout, a wait past three of its slowest round trips is shown stalled', () => {
    expect(requesterWait(stats(3_006), undefined, 6_500, false)).toEqual({ text: 'no reply for 3.49 s · no timeout', stalled: true });
    // Before any reply it allows three seconds.
    expect(requesterWait(stats(0, 0), undefined, 2_999, false)?.stalled).toBe(false);
    expect(requesterWait(stats(0, 0), 0, 3_001, false)?.stalled).toBe(true);
  });

  it('with a timeout a long wait is not a stall: the timeout will end it', () => {
    expect(requesterWait(stats(0), 60_000, 30_000, false)).toEqual({ text: 'waiting 30.00 s', stalled: false });
  });

  it('once the run is over, a request still waiting is stalled for certain', () => {
    expect(requesterWait(stats(3_006), undefined, 4_008, true)).toEqual({ text: 'stalled since 3.01 s', stalled: true });
  });
});
