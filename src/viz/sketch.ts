// "Predict, then reveal": the student's sketch is a coarse N×N mask over the box, painted with
// a round brush. Its score is the share of p_θ's mass under it, by quadrature on the frame's
// energy grid: mass = Σ_{c in sketch} exp(−βE_c) / Σ_c exp(−βE_c) (cells of equal area), next to
// the share of the box it covers (what a sketch of that size scores by chance, on a uniform p).
import type { GridBox } from './hoverReadout';
import type { PlotScales } from './scatter';

export const SKETCH_N = 32;
/** Brush radius, data units. */
export const SKETCH_RADIUS = 0.35;
export const SKETCH_COLOUR = '#db2777'; // pink-600: the student's own marks

export function emptySketch(n = SKETCH_N): Uint8Array {
  return new Uint8Array(n * n);
}

/** Paints a disc of radius r at (x, y) (mask index j·N + i, j = 0 at y = min). */
export function paintSketch(
  mask: Uint8Array,
  box: GridBox,
  x: number,
  y: number,
  r = SKETCH_RADIUS,
): boolean {
  const n = Math.round(Math.sqrt(mask.length));
  const h = (box.max - box.min) / n;
  let changed = false;
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const cx = box.min + (i + 0.5) * h;
      const cy = box.min + (j + 0.5) * h;
      if ((cx - x) ** 2 + (cy - y) ** 2 <= r * r && !mask[j * n + i]) {
        mask[j * n + i] = 1;
        changed = true;
      }
    }
  return changed;
}

export interface SketchScore {
  /** Share of p_θ's mass under the sketch. */
  mass: number;
  /** Share of the box the sketch covers. */
  area: number;
}

export function sketchScore(
  mask: Uint8Array,
  grid: ArrayLike<number>,
  G: number,
  box: GridBox,
  beta: number,
): SketchScore {
  const n = Math.round(Math.sqrt(mask.length));
  let min = Infinity;
  for (let k = 0; k < grid.length; k++) min = Math.min(min, grid[k]);
  let all = 0;
  let under = 0;
  for (let j = 0; j < G; j++)
    for (let i = 0; i < G; i++) {
      const w = Math.exp(-beta * (grid[j * G + i] - min));
      all += w;
      const mi = Math.floor(((i + 0.5) / G) * n);
      const mj = Math.floor(((j + 0.5) / G) * n);
      if (mask[mj * n + mi]) under += w;
    }
  let painted = 0;
  for (const v of mask) painted += v;
  void box;
  return { mass: all > 0 ? under / all : 0, area: painted / mask.length };
}

/** The sketch as translucent pink cells with an outline of its border cells. */
export function drawSketch(ctx: CanvasRenderingContext2D, mask: Uint8Array, s: PlotScales): void {
  const n = Math.round(Math.sqrt(mask.length));
  const [lo, hi] = s.x.domain();
  const h = (hi - lo) / n;
  ctx.save();
  ctx.fillStyle = 'rgba(219, 39, 119, 0.28)';
  ctx.strokeStyle = SKETCH_COLOUR;
  ctx.lineWidth = 2;
  const on = (i: number, j: number) => i >= 0 && j >= 0 && i < n && j < n && mask[j * n + i] === 1;
  ctx.beginPath();
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      if (!on(i, j)) continue;
      const x0 = s.x(lo + i * h);
      const x1 = s.x(lo + (i + 1) * h);
      const y0 = s.y(lo + j * h);
      const y1 = s.y(lo + (j + 1) * h);
      ctx.fillRect(x0, y1, x1 - x0, y0 - y1);
      // Outline: the edges where the sketch ends.
      const edge = (ax: number, ay: number, bx: number, by: number) => {
        ctx.moveTo(ax, ay);
        ctx.lineTo(bx, by);
      };
      if (!on(i - 1, j)) edge(x0, y0, x0, y1);
      if (!on(i + 1, j)) edge(x1, y0, x1, y1);
      if (!on(i, j - 1)) edge(x0, y0, x1, y0);
      if (!on(i, j + 1)) edge(x0, y1, x1, y1);
    }
  ctx.stroke();
  ctx.restore();
}
