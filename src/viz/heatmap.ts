// Heatmap: βΔE on the G×G grid → LUT colours in an ImageData the size of the grid, put on
// a small canvas and drawn scaled up (the browser interpolates; no per-pixel JS at screen size).
import type { Lut } from './colormap';

export class Heatmap {
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

  /** values: βΔE, row j = 0 at the bottom of the view (so rows are flipped for the image). */
  update(values: Float32Array, domain: number, lut: Lut): void {
    const G = this.size;
    const px = this.image.data;
    for (let j = 0; j < G; j++) {
      const row = (G - 1 - j) * G;
      for (let i = 0; i < G; i++) {
        const t = Math.min(1, Math.max(0, values[j * G + i] / domain));
        const c = Math.round(t * 255) * 4;
        const o = (row + i) * 4;
        px[o] = lut[c];
        px[o + 1] = lut[c + 1];
        px[o + 2] = lut[c + 2];
        px[o + 3] = 255;
      }
    }
    this.ctx.putImageData(this.image, 0, 0);
  }

  draw(target: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
    target.imageSmoothingEnabled = true;
    target.imageSmoothingQuality = 'high';
    target.drawImage(this.canvas, x, y, w, h);
  }
}
