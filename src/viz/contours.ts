// Contours: d3-contour runs marching squares in grid space (cheap, G×G), and the rings are
// mapped to pixels by a transform at draw time, so the computation never depends on size.
import { contours, geoPath, geoTransform, type ContourMultiPolygon } from 'd3';

export function computeContours(
  values: Float32Array,
  G: number,
  levels: number[],
): ContourMultiPolygon[] {
  return contours().size([G, G]).thresholds(levels)(values as unknown as number[]);
}

/** Grid coordinates (u, v) ∈ [0, G]² → pixels; v = 0 is the bottom of the plot. */
export function drawContours(
  ctx: CanvasRenderingContext2D,
  polys: ContourMultiPolygon[],
  G: number,
  rect: { x: number; y: number; w: number; h: number },
): void {
  const sx = rect.w / G;
  const sy = rect.h / G;
  const projection = geoTransform({
    point(u: number, v: number) {
      this.stream.point(rect.x + u * sx, rect.y + rect.h - v * sy);
    },
  });
  const path = geoPath(projection, ctx);
  ctx.lineWidth = 1;
  polys.forEach((p, k) => {
    ctx.strokeStyle = `rgba(255,255,255,${0.75 - (0.4 * k) / Math.max(1, polys.length - 1)})`;
    ctx.beginPath();
    path(p);
    ctx.stroke();
  });
}

/** Adds the rings to the current path (the caller strokes it in its own style). */
export function pathContours(
  ctx: CanvasRenderingContext2D,
  polys: ContourMultiPolygon[],
  G: number,
  rect: { x: number; y: number; w: number; h: number },
): void {
  const sx = rect.w / G;
  const sy = rect.h / G;
  const projection = geoTransform({
    point(u: number, v: number) {
      this.stream.point(rect.x + u * sx, rect.y + rect.h - v * sy);
    },
  });
  const path = geoPath(projection, ctx);
  polys.forEach((p) => path(p));
}
