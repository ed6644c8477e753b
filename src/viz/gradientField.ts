// The gradient-field overlay: arrows of −∇E (the direction the energy falls fastest, where
// gradient-based samplers drift) on a coarse N×N lattice over the box, computed from the frame's
// energy grid by finite differences (hoverReadout.ts). Arrow length follows |∇E| on a
// saturating scale, so both gentle slopes and steep walls read: ℓ = L·|g|/(|g| + g₅₀), with
// g₅₀ the median |∇E| of the lattice and L = 0.9 of a lattice cell.
import { gradientAt, type GridBox } from './hoverReadout';
import type { PlotScales } from './scatter';

/** The colour of ∇E everywhere: these arrows, the hover arrow and \grad{…} in formulas. */
export const GRAD_COLOUR = '#6d28d9'; // violet-700: visible on the yellow and the deep blue

export interface Arrow {
  x: number;
  y: number;
  /** −∇E */
  dx: number;
  dy: number;
}

export function gradientArrows(grid: ArrayLike<number>, G: number, box: GridBox, n = 16): Arrow[] {
  const h = (box.max - box.min) / n;
  const out: Arrow[] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const x = box.min + (i + 0.5) * h;
      const y = box.min + (j + 0.5) * h;
      const [gx, gy] = gradientAt(grid, G, box, x, y);
      out.push({ x, y, dx: -gx, dy: -gy });
    }
  return out;
}

/** One arrow from (x0, y0) to (x1, y1) in pixels, with a head of size `head`. */
export function arrowPath(
  ctx: CanvasRenderingContext2D,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  head: number,
): void {
  const a = Math.atan2(y1 - y0, x1 - x0);
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.moveTo(x1 - head * Math.cos(a - 0.45), y1 - head * Math.sin(a - 0.45));
  ctx.lineTo(x1, y1);
  ctx.lineTo(x1 - head * Math.cos(a + 0.45), y1 - head * Math.sin(a + 0.45));
}

/** Draws the arrows; `strong` (a formula term hovered) draws them thicker. */
export function drawGradientField(
  ctx: CanvasRenderingContext2D,
  arrows: Arrow[],
  s: PlotScales,
  n: number,
  strong = false,
): void {
  if (arrows.length === 0) return;
  const mags = arrows.map((a) => Math.hypot(a.dx, a.dy)).sort((p, q) => p - q);
  const g50 = Math.max(1e-9, mags[Math.floor(mags.length / 2)]);
  const cell = Math.abs(
    s.x(s.x.domain()[0] + (s.x.domain()[1] - s.x.domain()[0]) / n) - s.x(s.x.domain()[0]),
  );
  const L = 0.9 * cell;
  const draw = (colour: string, width: number) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    for (const a of arrows) {
      const m = Math.hypot(a.dx, a.dy);
      if (!(m > 0)) continue;
      const len = (L * m) / (m + g50);
      const px = s.x(a.x);
      const py = s.y(a.y);
      // Data y points up, pixels down.
      const ux = (a.dx / m) * len;
      const uy = (-a.dy / m) * len;
      arrowPath(ctx, px - ux / 2, py - uy / 2, px + ux / 2, py + uy / 2, Math.min(6, len * 0.4));
    }
    ctx.stroke();
  };
  ctx.save();
  ctx.lineCap = 'round';
  draw('rgba(255,255,255,0.8)', strong ? 4.5 : 3);
  draw(GRAD_COLOUR, strong ? 2.2 : 1.3);
  ctx.restore();
}
