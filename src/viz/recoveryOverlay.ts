// On top of the landscape: the clamp line x = c (or y = c) and the last drop & restore path,
// the dropped point a hollow ring, each step a segment, the restored point a filled dot.
import type { Clamp } from '../contract/experts';
import type { PlotScales } from './scatter';

export const CLAMP_COLOUR = '#1d4ed8';
export const RESTORE_COLOUR = '#be185d';

export function drawRecoveryOverlay(
  ctx: CanvasRenderingContext2D,
  size: number,
  s: PlotScales,
  clamp: Clamp | null,
  path: Float32Array | null,
): void {
  if (clamp) {
    ctx.save();
    ctx.strokeStyle = CLAMP_COLOUR;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    if (clamp.axis === 0) {
      ctx.moveTo(s.x(clamp.value), 0);
      ctx.lineTo(s.x(clamp.value), size);
    } else {
      ctx.moveTo(0, s.y(clamp.value));
      ctx.lineTo(size, s.y(clamp.value));
    }
    ctx.stroke();
    ctx.restore();
  }
  if (path && path.length >= 4) {
    const n = path.length / 2;
    ctx.save();
    ctx.strokeStyle = RESTORE_COLOUR;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const x = s.x(path[2 * i]);
      const y = s.y(path[2 * i + 1]);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(s.x(path[0]), s.y(path[1]), 6, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.fillStyle = RESTORE_COLOUR;
    ctx.beginPath();
    ctx.arc(s.x(path[2 * n - 2]), s.y(path[2 * n - 1]), 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.restore();
  }
}
