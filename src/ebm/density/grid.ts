// The density grid shared by every metric here: G×G cells over the view box, values at the
// cell CENTRES, row-major with index = j·G + i (i: x index, j: y index):
//   h = (max − min)/G,  x_i = min + (i + ½)h,  y_j = min + (j + ½)h.
// Integrals over the box use the midpoint rule ∫ f dx ≈ Σ_c f(x_c)·h², which for smooth f
// converges as O(h²) and for a Gaussian much faster (spectrally, once σ ≳ 2h).
import type { Box } from '../box';

/** Grid size and the box it covers. */
export interface GridSpec {
  G: number;
  box: Box;
}

/** Cell side h. */
export function cellSize(grid: GridSpec): number {
  return (grid.box.max - grid.box.min) / grid.G;
}

/** Cell area ΔA = h², the midpoint-rule weight. */
export function cellArea(grid: GridSpec): number {
  const h = cellSize(grid);
  return h * h;
}

/** Cell centres [x0, y0, x1, y1, …] in the layout above; the worker feeds it to the model. */
export function gridPoints(G: number, box: Box): Float32Array {
  const h = (box.max - box.min) / G;
  const out = new Float32Array(2 * G * G);
  for (let j = 0; j < G; j++) {
    const y = box.min + (j + 0.5) * h;
    for (let i = 0; i < G; i++) {
      const c = 2 * (j * G + i);
      out[c] = box.min + (i + 0.5) * h;
      out[c + 1] = y;
    }
  }
  return out;
}

/** Integral over the box of a grid of values by the midpoint rule: Σ f_c h². */
export function integrate(values: ArrayLike<number>, grid: GridSpec): number {
  let s = 0;
  for (let c = 0; c < values.length; c++) s += values[c];
  return s * cellArea(grid);
}

/** Index of the cell with the largest value (ties: the first). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < values.length; c++) if (values[c] > values[best]) best = c;
  return best;
}

/** Centre [x, y] of cell index c. */
export function cellCentre(c: number, grid: GridSpec): [number, number] {
  const h = cellSize(grid);
  const i = c % grid.G;
  const j = Math.floor(c / grid.G);
  return [grid.box.min + (i + 0.5) * h, grid.box.min + (j + 0.5) * h];
}
