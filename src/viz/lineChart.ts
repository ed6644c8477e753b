// Small line charts on canvas (cheap at status rate): d3 scales and line generator with a
// canvas context; several series share one y axis.
import { extent, hsl, line, scaleLinear } from 'd3';

export interface Series {
  label: string;
  colour: string;
  values: number[];
  /** Canvas line dash (e.g. [4, 3] for a reference line); solid if absent. */
  dash?: number[];
}

/** Text and grid colours of a chart on the light or the dark theme. */
export interface Ink {
  text: string;
  grid: string;
}
export const LIGHT_INK: Ink = { text: '#64748b', grid: '#e2e8f0' };
export const DARK_INK: Ink = { text: '#94a3b8', grid: '#334155' };

/** A series colour readable on the dark theme: dark colours are lifted to lightness ≥ 0.65. */
export function forDark(colour: string): string {
  const c = hsl(colour);
  if (Number.isNaN(c.l) || c.l >= 0.65) return colour;
  c.l = 0.65;
  return c.formatHex();
}

export function drawLineChart(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  xs: number[],
  series: Series[],
  /** What the x axis counts (default 'iteration') and the text shown before there is data. */
  opts: { xLabel?: string; waiting?: string } = {},
  ink: Ink = LIGHT_INK,
): void {
  const pad = { l: 40, r: 8, t: 8, b: 18 };
  ctx.clearRect(0, 0, w, h);
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = ink.text;
  if (xs.length < 2) {
    ctx.fillText(opts.waiting ?? 'waiting for training…', pad.l, h / 2);
    return;
  }
  const all = series.flatMap((s) => s.values).filter(Number.isFinite);
  if (all.length === 0) {
    ctx.fillText('not defined here (no data?)', pad.l, h / 2);
    return;
  }
  const [lo, hi] = extent(all) as [number, number];
  const span = hi - lo || 1;
  const x = scaleLinear()
    .domain([xs[0], xs[xs.length - 1]])
    .range([pad.l, w - pad.r]);
  const y = scaleLinear()
    .domain([lo - 0.05 * span, hi + 0.05 * span])
    .range([h - pad.b, pad.t])
    .nice();
  ctx.strokeStyle = ink.grid;
  ctx.lineWidth = 1;
  for (const t of y.ticks(3)) {
    ctx.beginPath();
    ctx.moveTo(pad.l, y(t));
    ctx.lineTo(w - pad.r, y(t));
    ctx.stroke();
    ctx.fillText(String(+t.toPrecision(3)), 2, y(t) + 3);
  }
  ctx.fillText(`${opts.xLabel ?? 'iteration'} ${xs[xs.length - 1]}`, w - pad.r - 90, h - 4);
  for (const s of series) {
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(s.dash ?? []);
    ctx.beginPath();
    line<number>()
      .x((_, i) => x(xs[i]))
      .y((v) => y(v))
      .defined(Number.isFinite)
      .context(ctx)(s.values);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}
