// Sample mode overlays on the landscape: the recent paths of a few traced chains as fading
// polylines (oldest faint, newest solid) with a dot at each chain's head, the traced
// chains' recently rejected proposals as red crosses (fading with age), HMC's last
// leapfrog trajectory of one chain, and a ring where the last probe started.
import { REJECT_AGE, type Trails } from '../contract/protocol';
import type { PlotScales } from './scatter';

export const TRAIL_COLOUR = '15, 23, 42'; // slate-900, as "r, g, b" for rgba()
export const REJECT_COLOUR = '220, 38, 38'; // red-600
export const LEAPFROG_COLOUR = '#c026d3'; // fuchsia-600
export const HEAD_COLOUR = '#fde047'; // yellow-300: visible on light and dark blues

/** Alpha of a trail segment ending at position i of L (oldest 0): newest opaque. */
export function segmentAlpha(i: number, L: number): number {
  return 0.08 + 0.82 * (i / Math.max(1, L - 1)) ** 1.5;
}

/**
 * Draws the overlays; `moving` false (reduced motion) leaves out the fading paths and the
 * fading rejections, keeping the heads, the leapfrog path and the probe ring.
 * Returns the number of path segments drawn.
 */
export function drawTrails(
  ctx: CanvasRenderingContext2D,
  t: Trails,
  s: PlotScales,
  moving = true,
): number {
  const L = moving ? t.length : 0;
  let segments = 0;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';

  // Paths: one short segment per step, so alpha can fade along the chain.
  ctx.lineWidth = 1.4;
  for (let c = 0; c < t.chains; c++) {
    const o = c * L * 2;
    for (let i = 1; i < L; i++) {
      const x0 = t.positions[o + 2 * (i - 1)];
      const y0 = t.positions[o + 2 * (i - 1) + 1];
      const x1 = t.positions[o + 2 * i];
      const y1 = t.positions[o + 2 * i + 1];
      if (!Number.isFinite(x0) || !Number.isFinite(x1)) continue;
      ctx.strokeStyle = `rgba(${TRAIL_COLOUR}, ${segmentAlpha(i, L).toFixed(3)})`;
      ctx.beginPath();
      ctx.moveTo(s.x(x0), s.y(y0));
      ctx.lineTo(s.x(x1), s.y(y1));
      ctx.stroke();
      segments++;
    }
  }

  // Rejected proposals: red crosses, fading over REJECT_AGE transitions.
  ctx.lineWidth = 1.6;
  const r = 3.5;
  for (let i = 0; moving && i + 2 < t.rejected.length; i += 3) {
    const age = t.rejected[i + 2];
    const a = Math.max(0, 1 - age / REJECT_AGE);
    if (a <= 0) continue;
    const px = s.x(t.rejected[i]);
    const py = s.y(t.rejected[i + 1]);
    ctx.strokeStyle = `rgba(${REJECT_COLOUR}, ${(0.2 + 0.8 * a).toFixed(3)})`;
    ctx.beginPath();
    ctx.moveTo(px - r, py - r);
    ctx.lineTo(px + r, py + r);
    ctx.moveTo(px - r, py + r);
    ctx.lineTo(px + r, py - r);
    ctx.stroke();
  }

  // HMC: the last leapfrog trajectory of chain 0, each leapfrog position marked.
  if (t.leapfrog.length >= 4) {
    ctx.strokeStyle = LEAPFROG_COLOUR;
    ctx.fillStyle = LEAPFROG_COLOUR;
    ctx.lineWidth = 1.8;
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    for (let i = 0; i < t.leapfrog.length; i += 2) {
      const px = s.x(t.leapfrog[i]);
      const py = s.y(t.leapfrog[i + 1]);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    for (let i = 0; i < t.leapfrog.length; i += 2) {
      ctx.beginPath();
      ctx.arc(s.x(t.leapfrog[i]), s.y(t.leapfrog[i + 1]), i === 0 ? 3.5 : 2.2, 0, 2 * Math.PI);
      ctx.fill();
    }
  }

  // Heads: where each traced chain is now.
  ctx.lineWidth = 1.2;
  ctx.strokeStyle = `rgb(${TRAIL_COLOUR})`;
  ctx.fillStyle = HEAD_COLOUR;
  for (let c = 0; c < t.chains; c++) {
    const o = (c * t.length + t.length - 1) * 2;
    const x = t.positions[o];
    const y = t.positions[o + 1];
    if (!Number.isFinite(x)) continue;
    ctx.beginPath();
    ctx.arc(s.x(x), s.y(y), 3.2, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }

  if (t.probe) {
    const px = s.x(t.probe[0]);
    const py = s.y(t.probe[1]);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#fff';
    ctx.beginPath();
    ctx.arc(px, py, 8, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = `rgb(${TRAIL_COLOUR})`;
    ctx.beginPath();
    ctx.arc(px, py, 9.5, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
  return segments;
}
