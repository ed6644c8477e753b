// The landscape's extra layers, drawn over the ordinary picture (landscapeRenderer.ts) in the
// same animation frame: the gradient field (toggle), a hovered formula term's things, the
// student's sketch, and the slow-motion iteration's points and push arrows. Their state lives
// in small page-only stores; subscribeExtras tells the draw loop to redraw when one changes.
import type { Frame } from '../contract/protocol';
import { useSlowMotion } from '../state/slowMotion';
import { drawGradientField, gradientArrows, type Arrow } from '../viz/gradientField';
import type { PlotScales } from '../viz/scatter';
import { drawSketch } from '../viz/sketch';
import { drawSlowPhase } from '../viz/slowMotionDraw';
import { useOverlays } from './overlayState';
import { usePredict } from './predict/predictState';

const FIELD_N = 16;
let cache: { grid: Float32Array | null; arrows: Arrow[] } = { grid: null, arrows: [] };

function arrowsOf(frame: Frame): Arrow[] {
  if (cache.grid !== frame.grid) {
    const box = { min: -4, max: 4 };
    cache = { grid: frame.grid, arrows: gradientArrows(frame.grid, frame.gridSize, box, FIELD_N) };
  }
  return cache.arrows;
}

/** Rings around every data point (the data term is hovered). */
function ringPoints(ctx: CanvasRenderingContext2D, pts: { x: number; y: number }[], s: PlotScales) {
  ctx.save();
  ctx.strokeStyle = '#facc15';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  for (const p of pts) {
    const px = s.x(p.x);
    const py = s.y(p.y);
    ctx.moveTo(px + 6, py);
    ctx.arc(px, py, 6, 0, 2 * Math.PI);
  }
  ctx.stroke();
  ctx.restore();
}

/** The samples larger, with a dark outline (the sample term is hovered). */
function boldSamples(ctx: CanvasRenderingContext2D, xy: Float32Array, s: PlotScales) {
  ctx.save();
  ctx.fillStyle = '#f97316';
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let k = 0; k < xy.length; k += 2) ctx.rect(s.x(xy[k]) - 2.5, s.y(xy[k + 1]) - 2.5, 5, 5);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

export function drawExtras(
  ctx: CanvasRenderingContext2D,
  s: PlotScales,
  frame: Frame | null,
  points: { x: number; y: number }[],
): void {
  const { gradient, highlight } = useOverlays.getState();
  if (frame && (gradient || highlight === 'grad'))
    drawGradientField(ctx, arrowsOf(frame), s, FIELD_N, highlight === 'grad');
  const predict = usePredict.getState();
  if (predict.sketching || predict.revealed || predict.mask.some((v) => v))
    drawSketch(ctx, predict.mask, s);
  const slow = useSlowMotion.getState().last;
  if (slow) drawSlowPhase(ctx, slow, s);
  if (highlight === 'samp' && frame) boldSamples(ctx, slow ? slow.negatives : frame.samples, s);
  if (highlight === 'data') ringPoints(ctx, points, s);
}

/** Calls `cb` whenever something drawExtras draws changes. */
export function subscribeExtras(cb: () => void): () => void {
  const subs = [useOverlays.subscribe(cb), useSlowMotion.subscribe(cb), usePredict.subscribe(cb)];
  return () => subs.forEach((u) => u());
}
