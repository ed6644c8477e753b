// An expert's thumbnail: its energy on a small grid (row j = 0 at the bottom), coloured like
// the landscape's energy view: E − min E over a fixed span of THUMB_SPAN nats, low = deep blue.
import { makeLut, type Lut } from './colormap';

const THUMB_SPAN = 8;
let lut: Lut | null = null;

export function drawThumbnail(ctx: CanvasRenderingContext2D, energy: Float32Array): void {
  const G = Math.round(Math.sqrt(energy.length));
  lut ??= makeLut();
  let lo = Infinity;
  for (let k = 0; k < energy.length; k++) if (energy[k] < lo) lo = energy[k];
  const img = ctx.createImageData(G, G);
  for (let j = 0; j < G; j++) {
    for (let i = 0; i < G; i++) {
      const t = Math.min(1, Math.max(0, (energy[j * G + i] - lo) / THUMB_SPAN));
      const c = Math.round(t * 255) * 4;
      const o = ((G - 1 - j) * G + i) * 4;
      img.data.set([lut[c], lut[c + 1], lut[c + 2], 255], o);
    }
  }
  ctx.putImageData(img, 0, 0);
}
