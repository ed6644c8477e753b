// Draws the clamp's conditional beside the landscape: the exact curve p(t | x_a = c) and the
// chains' histogram of t, on a strip whose long side is the free coordinate's axis, aligned
// with the landscape (vertical beside it for a clamped x: t is y; horizontal under it for a
// clamped y: t is x). Both are drawn as densities (mass / width), on one scale.
import type { ConditionalLine } from '../contract/experts';
import { curveMass, type Box1 } from './conditional';

export const CURVE_COLOUR = '#1d4ed8';
export const HIST_COLOUR = 'rgba(249, 115, 22, 0.55)';

export function drawConditional(
  ctx: CanvasRenderingContext2D,
  long: number,
  short: number,
  line: ConditionalLine,
  counts: Float64Array,
  total: number,
  box: Box1,
): void {
  const vertical = line.axis === 0;
  const w = vertical ? short : long;
  const h = vertical ? long : short;
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = '#f8fafc';
  ctx.fillRect(0, 0, w, h);
  const side = box.max - box.min;
  const G = line.density.length;
  const bins = counts.length;
  const binW = side / bins;
  const q = curveMass(line.density, box, bins);
  let top = 0;
  for (let k = 0; k < G; k++) top = Math.max(top, line.density[k]);
  for (let b = 0; b < bins; b++) top = Math.max(top, q[b] / binW);
  if (total > 0) for (let b = 0; b < bins; b++) top = Math.max(top, counts[b] / total / binW);
  if (!(top > 0)) return;
  const room = short - 6;
  // pos: free coordinate → position along the long side; amp: density → along the short.
  const pos = (t: number) =>
    vertical ? long * (1 - (t - box.min) / side) : (long * (t - box.min)) / side;
  const amp = (d: number) => (room * d) / top;
  const rect = (t0: number, t1: number, d: number) => {
    const a = pos(t0);
    const b = pos(t1);
    if (vertical) ctx.fillRect(0, Math.min(a, b), amp(d), Math.abs(b - a));
    else ctx.fillRect(Math.min(a, b), h - amp(d), Math.abs(b - a), amp(d));
  };
  if (total > 0) {
    ctx.fillStyle = HIST_COLOUR;
    for (let b = 0; b < bins; b++) {
      rect(box.min + b * binW, box.min + (b + 1) * binW, counts[b] / total / binW);
    }
  }
  ctx.strokeStyle = CURVE_COLOUR;
  ctx.lineWidth = 2;
  ctx.beginPath();
  const hk = side / G;
  for (let k = 0; k < G; k++) {
    const p = pos(box.min + (k + 0.5) * hk);
    const a = amp(line.density[k]);
    if (vertical) ctx[k === 0 ? 'moveTo' : 'lineTo'](a, p);
    else ctx[k === 0 ? 'moveTo' : 'lineTo'](p, h - a);
  }
  ctx.stroke();
}
