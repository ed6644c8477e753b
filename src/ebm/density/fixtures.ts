// Test fixtures: analytic energies on the grid and seeded point sets. Used by *.test.ts only.
import { DEFAULT_BOX } from '../box';
import { makeRng } from '../rng';
import { gridPoints, type GridSpec } from './grid';

export const grid128: GridSpec = { G: 128, box: DEFAULT_BOX };

/** E at the cell centres of `grid`, in float64 (exact offsets) or float32 (as the worker has). */
export function energyOnGrid(
  grid: GridSpec,
  e: (x: number, y: number) => number,
  f32 = false,
): Float64Array | Float32Array {
  const pts = gridPoints(grid.G, grid.box);
  const out = f32 ? new Float32Array(grid.G ** 2) : new Float64Array(grid.G ** 2);
  for (let c = 0; c < out.length; c++) out[c] = e(pts[2 * c], pts[2 * c + 1]);
  return out;
}

/** E = ‖x − μ‖²/2σ²: with β, p = N(μ, σ²/β I) and Z = 2πσ²/β (on the whole plane). */
export const quadratic =
  (mx: number, my: number, s: number) =>
  (x: number, y: number): number =>
    ((x - mx) ** 2 + (y - my) ** 2) / (2 * s * s);

/** Normal density N(x; μ, σ²I) in 2-D. */
export const normalPdf = (x: number, y: number, mx: number, my: number, s: number): number =>
  Math.exp(-((x - mx) ** 2 + (y - my) ** 2) / (2 * s * s)) / (2 * Math.PI * s * s);

/** n points from N(μ, σ²I), [x0, y0, …], seeded. */
export function gaussianPoints(n: number, mx: number, my: number, s: number, seed: number) {
  const rng = makeRng(seed);
  const out = new Float32Array(2 * n);
  for (let k = 0; k < n; k++) {
    out[2 * k] = mx + s * rng.normal();
    out[2 * k + 1] = my + s * rng.normal();
  }
  return out;
}

/** n points from an equal-weight mixture of N(c_k, σ²I), seeded; also returns each label. */
export function mixturePoints(
  n: number,
  centres: readonly (readonly number[])[],
  s: number,
  seed: number,
) {
  const rng = makeRng(seed);
  const points = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const m = rng.int(centres.length);
    labels[k] = m;
    points[2 * k] = centres[m][0] + s * rng.normal();
    points[2 * k + 1] = centres[m][1] + s * rng.normal();
  }
  return { points, labels };
}
