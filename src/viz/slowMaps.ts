// Small landscapes for phase 3 of the slow-motion iteration: E before and after the update
// (the main plot's colours: βΔE relative to the pair's common minimum, so the two compare) and
// the change ΔE less its mean, on a diverging scale symmetric about 0 (d3's RdBu: blue = fell, red = rose),
// with the data batch and the negatives drawn on top.
import { interpolateRdBu, scaleLinear } from 'd3';
import type { SlowPhase } from '../contract/slowMotion';
import { makeLut, parseColour } from './colormap';
import { ENERGY_DOMAIN } from './levels';

export type SlowMapKind = 'before' | 'after' | 'change';

const lut = makeLut();

export function drawSlowMap(
  ctx: CanvasRenderingContext2D,
  m: SlowPhase,
  kind: SlowMapKind,
  size: number,
): void {
  const G = m.gridSize;
  const img = new ImageData(G, G);
  let min = Infinity;
  for (const v of m.before) min = Math.min(min, v);
  for (const v of m.after) min = Math.min(min, v);
  // The change less its mean over the box: a constant shift of E changes no probability.
  let c = 0;
  for (let k = 0; k < G * G; k++) c += (m.after[k] - m.before[k]) / (G * G);
  let top = 0;
  for (let k = 0; k < G * G; k++) top = Math.max(top, Math.abs(m.after[k] - m.before[k] - c));
  for (let j = 0; j < G; j++)
    for (let i = 0; i < G; i++) {
      const k = j * G + i;
      const o = ((G - 1 - j) * G + i) * 4; // row 0 of the image is the top (y = max)
      if (kind === 'change') {
        const t = top > 0 ? 0.5 - (0.5 * (m.after[k] - m.before[k] - c)) / top : 0.5;
        const [r, g, b] = parseColour(interpolateRdBu(t));
        img.data.set([r, g, b, 255], o);
      } else {
        const e = kind === 'before' ? m.before[k] : m.after[k];
        const t = Math.min(1, Math.max(0, (e - min) / ENERGY_DOMAIN));
        const l = Math.round(t * 255) * 4;
        img.data.set([lut[l], lut[l + 1], lut[l + 2], 255], o);
      }
    }
  const off = new OffscreenCanvas(G, G);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, size, size);
  const x = scaleLinear().domain([-4, 4]).range([0, size]);
  const y = scaleLinear().domain([-4, 4]).range([size, 0]);
  const dots = (xy: Float32Array, fill: string) => {
    ctx.fillStyle = fill;
    for (let k = 0; k < xy.length; k += 2) ctx.fillRect(x(xy[k]) - 1, y(xy[k + 1]) - 1, 2, 2);
  };
  dots(m.negatives, '#ea580c');
  dots(m.data, kind === 'change' ? '#111' : '#fff');
}
