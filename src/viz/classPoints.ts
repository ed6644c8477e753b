// Points with classes and roles (issue #11). Unlabelled data: the white dot as before; a class:
// its Okabe–Ito colour with a dark rim; an outlier: a hollow X (dark stroke on a white halo),
// so it never reads as a class. Samples of a classifier are coloured by the class the model
// gives them (argmax p(y|x) at the chain).
import { CLASS_COLOURS, classOf } from '../contract/classes';
import type { PlotScales } from './scatter';

export interface ClassPoint {
  x: number;
  y: number;
  label?: number;
  role?: 'data' | 'outlier';
}

function cross(ctx: CanvasRenderingContext2D, px: number, py: number, r: number): void {
  ctx.moveTo(px - r, py - r);
  ctx.lineTo(px + r, py + r);
  ctx.moveTo(px - r, py + r);
  ctx.lineTo(px + r, py - r);
}

/** Outliers as hollow X marks (drawn after the data so they stay on top). */
export function drawOutliers(
  ctx: CanvasRenderingContext2D,
  points: readonly ClassPoint[],
  s: PlotScales,
): void {
  const out = points.filter((p) => p.role === 'outlier');
  if (out.length === 0) return;
  ctx.lineCap = 'round';
  for (const [colour, width] of [
    ['#fff', 5],
    ['#111', 2.2],
  ] as const) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    for (const p of out) cross(ctx, s.x(p.x), s.y(p.y), 5);
    ctx.stroke();
  }
}

/** Labelled data points, one fill per class (unlabelled ones are drawPoints' white dots). */
export function drawClassDots(
  ctx: CanvasRenderingContext2D,
  points: readonly ClassPoint[],
  s: PlotScales,
  r: number,
): void {
  CLASS_COLOURS.forEach((colour, k) => {
    ctx.fillStyle = colour;
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 1.2;
    ctx.beginPath();
    let any = false;
    for (const p of points) {
      if (p.role === 'outlier' || p.label === undefined || classOf(p.label) !== k) continue;
      const px = s.x(p.x);
      const py = s.y(p.y);
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      any = true;
    }
    if (!any) return;
    // A white halo under the fill and the dark rim: a dot stays visible on its own region.
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.fill();
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 1.2;
    ctx.stroke();
  });
}

/** Samples as small squares in their class's colour. */
export function drawClassSamples(
  ctx: CanvasRenderingContext2D,
  samples: Float32Array,
  sampleClass: Uint8Array,
  s: PlotScales,
): void {
  CLASS_COLOURS.forEach((colour, k) => {
    ctx.fillStyle = colour;
    for (let i = 0; i < sampleClass.length; i++) {
      if (sampleClass[i] !== k) continue;
      ctx.fillRect(s.x(samples[2 * i]) - 1.5, s.y(samples[2 * i + 1]) - 1.5, 3, 3);
    }
  });
}
