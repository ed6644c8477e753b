// Which point is under the pointer: the nearest one within a radius in pixels.
import type { PlotScales } from './scatter';

export function nearestPoint(
  points: { x: number; y: number }[],
  px: number,
  py: number,
  s: PlotScales,
  radiusPx = 8,
): number | null {
  let best: number | null = null;
  let bestD = radiusPx * radiusPx;
  for (let i = 0; i < points.length; i++) {
    const dx = s.x(points[i].x) - px;
    const dy = s.y(points[i].y) - py;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
