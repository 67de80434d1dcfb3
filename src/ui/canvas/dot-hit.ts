import { DOT_STRIDE, type Frame } from '../../sim-client/index.ts';
import { curveX, curveY, edgeCurveOf } from './edge-geometry.ts';

/**
 * The message under a point of the flow pane: the id of the dot nearest to (x, y), within
 * `radius` (all in CSS pixels from the pane's top left), or null. Dots are placed as the
 * overlay draws them: on their edge's curve, through the viewport transform [x, y, zoom].
 * The last dot drawn is on top, so it wins a tie.
 */
export function messageAtPoint(
  frame: Frame,
  edgeIds: readonly string[],
  transform: readonly [number, number, number],
  x: number,
  y: number,
  radius: number,
): number | null {
  const ids = frame.dotMessages;
  if (!ids) return null;
  const [tx, ty, zoom] = transform;
  const dots = frame.dots;
  let best: number | null = null;
  let bestDistance = radius * radius;
  for (let i = 0; i < ids.length; i++) {
    const o = i * DOT_STRIDE;
    const id = edgeIds[dots[o] ?? -1];
    const curve = id === undefined ? undefined : edgeCurveOf(id);
    if (!curve) continue;
    const t = dots[o + 1] ?? 0;
    const dx = curveX(curve, t) * zoom + tx - x;
    const dy = curveY(curve, t) * zoom + ty - y;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = ids[i] ?? null;
    }
  }
  return best;
}
