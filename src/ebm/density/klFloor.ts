// The KL a perfect model would score. The read-out is KL(p̂ ‖ p_θ), p̂ = KDE_b(data) of N
// points (kl.ts). Even p_θ = p_true leaves KL(p̂ ‖ p_true) > 0: p̂ is a noisy (N finite) and
// blurred (bandwidth b) copy of p_true. That number needs p_true, which we do not have; the
// smoothed bootstrap stands in for it by replaying the same experiment one level down:
//   p_true  →  N points  →  p̂            (the read-out's situation)
//   p̂      →  N points  →  p̂*_r          (x*_n = x_{u_n} + b·z_n, u_n uniform, z_n ∼ N(0, I))
//   floor ≈ mean_r KL(p̂*_r ‖ p̂)  over R resamples (same N, same b, same grid, same KL code)
// Sampling from p̂ (a random data point plus kernel noise) is exact; a draw outside the box
// is redrawn, since kde.ts renormalises p̂ over the box. Both halves of the gap show up the
// same way: p̂*_r fluctuates around p̂ as p̂ does around p_true, and it is blurred once more
// by b as p̂ is once by b. So KL(p̂ ‖ p_θ) near the floor means "as good as these N points can
// tell"; the spread over resamples says how much of a gap is noise. Seeded: the same data give
// the same floor.
import type { Box } from '../box';
import { makeRng } from '../rng';
import type { GridSpec } from './grid';
import { kde } from './kde';
import { klDivergence } from './kl';

export const KL_FLOOR_RESAMPLES = 8;

export interface KlFloor {
  /** Mean over resamples of KL(p̂*_r ‖ p̂), nats. NaN for fewer than two points. */
  mean: number;
  /** Sample standard deviation over the resamples. */
  std: number;
  /** Each resample's KL. */
  values: number[];
}

export interface KlFloorOptions {
  resamples?: number;
  seed?: number;
  /** The data KDE with this bandwidth, if already computed (the worker keeps one). */
  dataKde?: ArrayLike<number>;
}

const inBox = (v: number, box: Box) => v >= box.min && v <= box.max;

/** N points from the KDE of `points` with bandwidth b, restricted to the box. */
export function sampleKde(
  points: ArrayLike<number>,
  bandwidth: number,
  box: Box,
  seed: number,
  n = points.length >> 1,
): Float32Array {
  const rng = makeRng(seed);
  const m = points.length >> 1;
  const out = new Float32Array(2 * n);
  for (let k = 0; k < n; k++) {
    let x = NaN;
    let y = NaN;
    // The kernel of a point inside the box keeps ≥ 1/4 of its mass there: few redraws.
    for (let tries = 0; tries < 1000 && !(inBox(x, box) && inBox(y, box)); tries++) {
      const u = rng.int(m);
      x = points[2 * u] + bandwidth * rng.normal();
      y = points[2 * u + 1] + bandwidth * rng.normal();
    }
    out[2 * k] = x;
    out[2 * k + 1] = y;
  }
  return out;
}

/** The smoothed-bootstrap floor of KL(KDE_b(data) ‖ model) on `grid`; see the header. */
export function klFloor(
  points: ArrayLike<number>,
  grid: GridSpec,
  bandwidth: number,
  opts: KlFloorOptions = {},
): KlFloor {
  const n = points.length >> 1;
  if (n < 2) return { mean: NaN, std: NaN, values: [] };
  const R = opts.resamples ?? KL_FLOOR_RESAMPLES;
  const seed = opts.seed ?? 1;
  const dataKde = opts.dataKde ?? kde(points, grid, { bandwidth });
  const values: number[] = [];
  for (let r = 0; r < R; r++) {
    const resample = sampleKde(points, bandwidth, grid.box, seed + 7919 * r, n);
    values.push(klDivergence(kde(resample, grid, { bandwidth }), dataKde, grid));
  }
  const mean = values.reduce((s, v) => s + v, 0) / R;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(R - 1, 1);
  return { mean, std: Math.sqrt(variance), values };
}
