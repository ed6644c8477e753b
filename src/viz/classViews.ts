// The classifier's views of a JEM frame (issue #11), from its logits f(x)[y] on the grid:
//   class regions: argmax_y p(y|x), p = softmax(f), shaded by the confidence c = max_y p(y|x):
//     t = (c − 1/K)/(1 − 1/K) ∈ [0, 1] (0 = a guess, 1 = sure), colour = white → the class's
//     colour by 0.15 + 0.85·t, so unsure borders fade to white;
//   class-conditional energy E(x, y) = −f(x)[y] for one chosen y (its own heatmap).
// Plain loops over G²·K numbers; drawn through a G×G canvas scaled up (like heatmap.ts).
import { classRgb } from '../contract/classes';
import type { ClassFrame } from '../contract/jem';

/** E(x, y) = −f(x)[y] on the grid, into `out` [G²]. */
export function classEnergyGrid(c: ClassFrame, y: number, out: Float32Array): Float32Array {
  const K = c.classes;
  for (let i = 0; i < out.length; i++) out[i] = -c.logits[i * K + y];
  return out;
}

/** argmax and max of softmax(f) in cell i. */
export function cellClass(c: ClassFrame, i: number): { k: number; p: number } {
  const K = c.classes;
  let best = 0;
  for (let y = 1; y < K; y++) if (c.logits[i * K + y] > c.logits[i * K + best]) best = y;
  let z = 0;
  for (let y = 0; y < K; y++) z += Math.exp(c.logits[i * K + y] - c.logits[i * K + best]);
  return { k: best, p: 1 / z };
}

export class ClassRegions {
  private readonly canvas: OffscreenCanvas | HTMLCanvasElement;
  private readonly ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  private readonly image: ImageData;

  constructor(readonly size: number) {
    this.canvas =
      typeof OffscreenCanvas !== 'undefined'
        ? new OffscreenCanvas(size, size)
        : document.createElement('canvas');
    this.canvas.width = size;
    this.canvas.height = size;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('2D canvas unavailable');
    this.ctx = ctx as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
    this.image = this.ctx.createImageData(size, size);
  }

  update(c: ClassFrame): void {
    const G = this.size;
    const K = c.classes;
    const px = this.image.data;
    const rgb = Array.from({ length: K }, (_, k) => classRgb(k));
    for (let j = 0; j < G; j++) {
      const row = (G - 1 - j) * G; // j = 0 is the bottom of the view
      for (let i = 0; i < G; i++) {
        const { k, p } = cellClass(c, j * G + i);
        const t = Math.max(0, (p - 1 / K) / (1 - 1 / K));
        const w = 0.15 + 0.85 * t;
        const o = (row + i) * 4;
        for (let ch = 0; ch < 3; ch++) px[o + ch] = Math.round(255 + (rgb[k][ch] - 255) * w);
        px[o + 3] = 255;
      }
    }
    this.ctx.putImageData(this.image, 0, 0);
  }

  draw(target: CanvasRenderingContext2D, size: number): void {
    target.imageSmoothingEnabled = true;
    target.drawImage(this.canvas, 0, 0, size, size);
  }
}
