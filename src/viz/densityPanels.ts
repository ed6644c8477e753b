// The small multiples of the density comparison (data KDE | model p_θ | samples' KDE): one
// density grid per canvas, all on the landscape's colour ramp with ONE fixed scale (the
// worker's densityScale), so equal colours mean equal densities across the three panels.
import type { ModeShare } from '../contract/protocol';
import type { PaletteName } from '../contract/view';
import { lutFor } from './colormap';
import { Heatmap } from './heatmap';
import { densityT } from './levels';

export interface PanelBox {
  min: number;
  max: number;
}

/** Colour parameter t for a density (levels.ts densityT: √ scale, 0 = dark at ≥ `scale`). */
export function densityParams(
  p: ArrayLike<number>,
  scale: number,
  out: Float32Array,
): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = densityT(p[i], scale);
  return out;
}

export class DensityPanel {
  private heatmap: Heatmap | null = null;
  private t = new Float32Array(0);

  constructor(readonly box: PanelBox) {}

  /**
   * Draws `density` (G×G, j = 0 at the bottom) scaled to `size` px; `modes` (optional) are
   * ringed: solid green when covered by the samples, dashed red when missed.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    size: number,
    density: Float32Array | null,
    G: number,
    scale: number,
    modes: readonly ModeShare[] = [],
    look: { palette: PaletteName; background: string } = {
      palette: 'default',
      background: '#f1f5f9',
    },
  ): void {
    ctx.clearRect(0, 0, size, size);
    ctx.fillStyle = look.background;
    ctx.fillRect(0, 0, size, size);
    if (density && density.length === G * G) {
      if (!this.heatmap || this.heatmap.size !== G) this.heatmap = new Heatmap(G);
      if (this.t.length !== G * G) this.t = new Float32Array(G * G);
      this.heatmap.update(densityParams(density, scale, this.t), 1, lutFor(look.palette));
      this.heatmap.draw(ctx, 0, 0, size, size);
    }
    const span = this.box.max - this.box.min;
    const r = Math.max(6, (0.5 / span) * size);
    for (const m of modes) {
      const x = ((m.x - this.box.min) / span) * size;
      const y = size - ((m.y - this.box.min) / span) * size;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.setLineDash(m.covered ? [] : [3, 2]);
      ctx.lineWidth = 1.25;
      ctx.strokeStyle = m.covered ? 'rgba(22, 163, 74, 0.9)' : '#dc2626';
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }
}
