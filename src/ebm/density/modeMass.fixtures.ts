// Test fixtures for mode weights: the 5 unequal gaussians (weights .36/.26/.18/.12/.08)
// on a circle of radius 2.5. Used by *.test.ts only.
import { makeRng } from '../rng';
import { grid128, normalPdf } from './fixtures';
import { gridPoints } from './grid';
import type { Centre } from './modes';

export const FIVE_WEIGHTS = [0.36, 0.26, 0.18, 0.12, 0.08] as const;
export const FIVE_STD = 0.3;
export const FIVE_CENTRES: Centre[] = Array.from({ length: 5 }, (_, k): Centre => {
  const t = (2 * Math.PI * k) / 5;
  return [2.5 * Math.cos(t), 2.5 * Math.sin(t)];
});

/** n points from Σ w_k N(c_k, FIVE_STD² I), seeded. */
export function weightedMixture(n: number, weights: readonly number[], seed: number): Float32Array {
  const rng = makeRng(seed);
  const out = new Float32Array(2 * n);
  for (let p = 0; p < n; p++) {
    let u = rng.next();
    let k = 0;
    while (k < weights.length - 1 && u >= weights[k]) u -= weights[k++];
    out[2 * p] = FIVE_CENTRES[k][0] + FIVE_STD * rng.normal();
    out[2 * p + 1] = FIVE_CENTRES[k][1] + FIVE_STD * rng.normal();
  }
  return out;
}

/** The mixture density Σ w_k N(c_k, S²I) at the cell centres. */
export function mixtureDensity(weights: readonly number[]): Float64Array {
  const pts = gridPoints(grid128.G, grid128.box);
  const out = new Float64Array(grid128.G ** 2);
  for (let c = 0; c < out.length; c++)
    for (let k = 0; k < weights.length; k++)
      out[c] += weights[k] * normalPdf(pts[2 * c], pts[2 * c + 1], ...FIVE_CENTRES[k], FIVE_STD);
  return out;
}
