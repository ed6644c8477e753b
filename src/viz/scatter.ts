// Thousands of samples and the user's points, drawn straight onto the canvas.
import type { ScaleLinear } from 'd3';

export interface PlotScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

/** Samples as small squares: fillRect per point is the fastest canvas primitive. */
export function drawSamples(
  ctx: CanvasRenderingContext2D,
  samples: Float32Array,
  s: PlotScales,
  colour: string,
): void {
  ctx.fillStyle = colour;
  for (let i = 0; i < samples.length; i += 2) {
    ctx.fillRect(s.x(samples[i]) - 1.25, s.y(samples[i + 1]) - 1.25, 2.5, 2.5);
  }
}

/** Unlabelled data points as white dots (classes and outliers: classPoints.ts). */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  points: { x: number; y: number; label?: number; role?: string }[],
  s: PlotScales,
  selected: number | null,
): void {
  const r = points.length > 2000 ? 2 : 3.5;
  ctx.lineWidth = 1.2;
  ctx.strokeStyle = '#111';
  ctx.fillStyle = '#fff';
  ctx.beginPath();
  for (const p of points) {
    if (p.label !== undefined || p.role === 'outlier') continue;
    const px = s.x(p.x);
    const py = s.y(p.y);
    ctx.moveTo(px + r, py);
    ctx.arc(px, py, r, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.stroke();
  if (selected !== null && points[selected]) {
    const p = points[selected];
    ctx.strokeStyle = '#e11d48';
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(s.x(p.x), s.y(p.y), r + 4, 0, 2 * Math.PI);
    ctx.stroke();
  }
}
