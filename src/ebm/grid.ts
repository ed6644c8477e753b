// The energy on a G×G grid of cell centres over the box, for the heatmap, the contours and
// the partition function. Layout: row-major, index j·G + i, x_i = min + (i + ½)h,
// y_j = min + (j + ½)h, h = (max − min)/G (j = 0 is the bottom row, y = min).
import type { Box } from './box';
import type { EnergyFn } from './energy';
import { tf, type Tensor1D, type Tensor2D } from './tf';

export function gridCentres(G: number, box: Box): Float32Array {
  const h = (box.max - box.min) / G;
  const out = new Float32Array(2 * G * G);
  for (let j = 0; j < G; j++) {
    for (let i = 0; i < G; i++) {
      const k = 2 * (j * G + i);
      out[k] = box.min + (i + 0.5) * h;
      out[k + 1] = box.min + (j + 0.5) * h;
    }
  }
  return out;
}

/** Holds the grid's coordinates as one device tensor, created once per grid size. */
export class EnergyGrid {
  readonly points: Tensor2D;

  constructor(
    readonly size: number,
    readonly box: Box,
  ) {
    this.points = tf.tensor2d(gridCentres(size, box), [size * size, 2]);
  }

  /** E at every cell centre, [G²]; the caller's tidy owns it. */
  evaluate(energy: EnergyFn): Tensor1D {
    return energy(this.points);
  }

  dispose(): void {
    this.points.dispose();
  }
}
