import { describe, expect, it } from 'vitest';
import type { Frame } from '../../sim-client/index.ts';
import { messageAtPoint } from './dot-hit.ts';
import { deleteEdgeCurve, setEdgeCurve } from './edge-geometry.ts';

function frameWith(dots: number[], ids: number[]): Frame {
  return {
    state: 'paused',
    simTimeMs: 0,
    events: 0,
    speed: 1,
    totals: { produced: 0, created: 0, delivered: 0, duplicates: 0, duplicatesSuppressed: 0, inFlight: 0, lost: 0, deadLettered: 0, rejected: 0 },
    dots: Float32Array.from(dots),
    dotMessages: Float64Array.from(ids),
    samples: [],
    downNodes: [],
    cutEdges: [],
    fallingBehind: false,
    goal: null,
  };
}

describe('messageAtPoint', () => {
  // A straight horizontal edge from (0, 0) to (300, 0) in flow coordinates.
  setEdgeCurve('hit-a', [0, 0, 100, 0, 200, 0, 300, 0]);
  const frame = frameWith([0, 0, 0, 0, 0.5, 0, 0, 1, 0], [10, 11, 12]);

  it('finds the dot under the point, through the viewport transform', () => {
    // Zoomed x2 and panned by (50, 20): the middle dot (150, 0) is at (350, 20) on screen.
    expect(messageAtPoint(frame, ['hit-a'], [50, 20, 2], 352, 23, 6)).toBe(11);
    expect(messageAtPoint(frame, ['hit-a'], [50, 20, 2], 650, 20, 6)).toBe(12);
  });

  it('finds nothing away from every dot, or without message ids', () => {
    expect(messageAtPoint(frame, ['hit-a'], [50, 20, 2], 200, 20, 6)).toBeNull();
    expect(messageAtPoint({ ...frame, dotMessages: undefined }, ['hit-a'], [0, 0, 1], 0, 0, 6)).toBeNull();
    deleteEdgeCurve('hit-a');
    expect(messageAtPoint(frame, ['hit-a'], [0, 0, 1], 0, 0, 6)).toBeNull();
  });
});
