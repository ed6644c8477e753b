// Drawing one slow-motion iteration on the landscape (src/contract/slowMotion.ts):
//   phase 1: the data batch (white, dark ring) and the negatives x' (orange, dark ring), larger
//            than the ordinary marks, so the two sets the gradient compares stand out;
//   phase 2+: at every point a vertical arrow of ΔE − c, the change a plain gradient step makes
//            to the energy there, less the mean change c over all the points (a constant shift
//            of E changes no probability, and the α term alone shifts E): pointing down where
//            E falls relative to the rest (the data, on the whole), up where it rises (the
//            negatives). Length ∝ |ΔE − c|, the largest drawn MAX_ARROW px.
// Phase 3's before/after landscapes are small panels beside the plot (SlowMotionPanel.tsx).
import type { SlowPhase } from '../contract/slowMotion';
import { arrowPath } from './gradientField';
import type { PlotScales } from './scatter';

export const MAX_ARROW = 30;
const DATA_ARROW = '#111827';
const NEG_ARROW = '#c2410c'; // orange-700: the samples' orange, darker for thin lines

function dots(
  ctx: CanvasRenderingContext2D,
  xy: Float32Array,
  s: PlotScales,
  fill: string,
  r: number,
): void {
  ctx.fillStyle = fill;
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  for (let k = 0; k < xy.length; k += 2) {
    const px = s.x(xy[k]);
    const py = s.y(xy[k + 1]);
    ctx.moveTo(px + r, py);
    ctx.arc(px, py, r, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.stroke();
}

function pushes(
  ctx: CanvasRenderingContext2D,
  xy: Float32Array,
  push: Float32Array,
  scale: number,
  s: PlotScales,
  colour: string,
): void {
  const draw = (stroke: string, width: number) => {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.beginPath();
    for (let k = 0; k < push.length; k++) {
      const len = push[k] * scale; // ΔE < 0: the arrow points down the screen
      if (Math.abs(len) < 1.5) continue;
      const px = s.x(xy[2 * k]);
      const py = s.y(xy[2 * k + 1]);
      arrowPath(ctx, px, py, px, py - len, Math.min(5, Math.abs(len) * 0.5));
    }
    ctx.stroke();
  };
  draw('rgba(255,255,255,0.85)', 3);
  draw(colour, 1.4);
}

/** The mean ΔE over the data and the negatives together (the shift that changes nothing). */
export function meanPush(m: Pick<SlowPhase, 'dataPush' | 'negPush'>): number {
  let s = 0;
  for (const v of m.dataPush) s += v;
  for (const v of m.negPush) s += v;
  const n = m.dataPush.length + m.negPush.length;
  return n > 0 ? s / n : 0;
}

/** The pushes less their common mean: what changes the probabilities. */
export function relativePushes(m: Pick<SlowPhase, 'dataPush' | 'negPush'>): {
  data: Float32Array;
  neg: Float32Array;
} {
  const c = meanPush(m);
  return { data: m.dataPush.map((v) => v - c), neg: m.negPush.map((v) => v - c) };
}

/** Pixels per unit ΔE, so that the largest |ΔE − c| of both sets is MAX_ARROW px. */
export function pushScale(r: { data: Float32Array; neg: Float32Array }): number {
  let top = 0;
  for (const v of r.data) top = Math.max(top, Math.abs(v));
  for (const v of r.neg) top = Math.max(top, Math.abs(v));
  return top > 0 ? MAX_ARROW / top : 0;
}

export function drawSlowPhase(ctx: CanvasRenderingContext2D, m: SlowPhase, s: PlotScales): void {
  ctx.save();
  dots(ctx, m.negatives, s, 'rgba(249, 115, 22, 0.95)', 3.2);
  dots(ctx, m.data, s, '#ffffff', 3.6);
  if (m.phase >= 2) {
    const r = relativePushes(m);
    const k = pushScale(r);
    pushes(ctx, m.negatives, r.neg, k, s, NEG_ARROW);
    pushes(ctx, m.data, r.data, k, s, DATA_ARROW);
  }
  ctx.restore();
}
