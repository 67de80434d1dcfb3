/**
 * Edge curves shared by the edge component (which draws the path) and the dot overlay
 * (which places messages on it). Both evaluate the same cubic Bézier, so a dot at
 * progress p sits exactly on its edge. Kept in a module-level map, outside React, because
 * the overlay reads it every animation frame.
 */

/** Cubic Bézier control points in flow coordinates: x0 y0 x1 y1 x2 y2 x3 y3. */
export type EdgeCurve = readonly [number, number, number, number, number, number, number, number];

const curves = new Map<string, EdgeCurve>();
let version = 0;

export function setEdgeCurve(id: string, curve: EdgeCurve): void {
  curves.set(id, curve);
  version++;
}

export function deleteEdgeCurve(id: string): void {
  if (curves.delete(id)) version++;
}

export function edgeCurveOf(id: string): EdgeCurve | undefined {
  return curves.get(id);
}

/** Changes whenever any curve does, so the overlay can skip redrawing a still picture. */
export function edgeCurvesVersion(): number {
  return version;
}

/** Leaves the source handle rightwards and enters the target leftwards, like the handles face. */
export function edgeCurve(sx: number, sy: number, tx: number, ty: number): EdgeCurve {
  if (tx < sx) {
    // A backwards edge (a reply going back to its requester) swings out and loops below
    // both ends, instead of cutting back through the nodes between them.
    const reach = Math.min(Math.max((sx - tx) * 0.3, 80), 220);
    const below = Math.max(sy, ty) + BACKWARD_DROP;
    return [sx, sy, sx + reach, below, tx - reach, below, tx, ty];
  }
  const reach = Math.max((tx - sx) * 0.5, 30);
  return [sx, sy, sx + reach, sy, tx - reach, ty, tx, ty];
}

/** How far below its lower end a backwards edge's loop reaches for (about a node's height). */
const BACKWARD_DROP = 160;

export function curvePath(c: EdgeCurve): string {
  return `M${c[0]},${c[1]} C${c[2]},${c[3]} ${c[4]},${c[5]} ${c[6]},${c[7]}`;
}

export function curveX(c: EdgeCurve, t: number): number {
  const u = 1 - t;
  return u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6];
}

export function curveY(c: EdgeCurve, t: number): number {
  const u = 1 - t;
  return u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7];
}
