// How far the sampler's chains are from the data, as point sets (no density needed).
// Main read-out: sliced Wasserstein-1, because it is in data units ("samples are 0.3 away
// from the data"), needs no kernel bandwidth, is exact for 1-D projections by sorting
// (O(n log n)), and is deterministic: K directions evenly spaced on the half circle,
//   θ_k = πk/K,   SW₁ = (π/2) · (1/K) Σ_k W₁(θ_k·A, θ_k·B).
// The factor π/2 = 1/E|cos θ| makes a pure translation by δ read exactly ‖δ‖ (up to the
// K-point average, O(1/K²)). MMD with a Gaussian kernel is also given: it is more sensitive
// to wrong mode weights at small scales, but its value has no unit and depends on the
// bandwidth, so we use a fixed multi-scale kernel and show it as a secondary number.
// Point sets are [x0, y0, x1, y1, …]; large sets are subsampled (seeded, reproducible).
import { makeRng } from '../rng';

export const SW_DIRECTIONS = 32;
export const SW_MAX_POINTS = 2048; // the default chain count: samples are used whole
export const MMD_MAX_POINTS = 512;
/** Kernel widths (data units) for the [−4, 4]² box: mode width, cluster, layout. */
export const MMD_SCALES = [1 / 9, 1 / 3, 1] as const;

/** At most `max` points of a set, drawn without replacement by a seeded partial shuffle. */
export function subsample(points: ArrayLike<number>, max: number, seed = 1): Float64Array {
  const n = points.length >> 1;
  const m = Math.min(n, max);
  const idx = Int32Array.from({ length: n }, (_, k) => k);
  const rng = makeRng(seed);
  const out = new Float64Array(2 * m);
  for (let k = 0; k < m; k++) {
    if (m < n) {
      const t = k + rng.int(n - k);
      [idx[k], idx[t]] = [idx[t], idx[k]];
    }
    out[2 * k] = points[2 * idx[k]];
    out[2 * k + 1] = points[2 * idx[k] + 1];
  }
  return out;
}

/** W₁ between two sorted 1-D samples: ∫ |F_a(t) − F_b(t)| dt, walking the merged order. */
export function wasserstein1Sorted(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return NaN;
  let i = 0;
  let j = 0;
  let prev = Math.min(a[0], b[0]);
  let s = 0;
  while (i < n || j < m) {
    const fromA = j >= m || (i < n && a[i] <= b[j]);
    const next = fromA ? a[i] : b[j];
    s += Math.abs(i / n - j / m) * (next - prev); // F_a = i/n, F_b = j/m on [prev, next)
    prev = next;
    if (fromA) i++;
    else j++;
  }
  return s;
}

function project(p: Float64Array, c: number, s: number): Float64Array {
  const out = new Float64Array(p.length >> 1);
  for (let k = 0; k < out.length; k++) out[k] = c * p[2 * k] + s * p[2 * k + 1];
  return out.sort();
}

/** Sliced W₁ (scaled as in the header) between samples and data. */
export function slicedWasserstein(
  samples: ArrayLike<number>,
  data: ArrayLike<number>,
  directions = SW_DIRECTIONS,
  maxPoints = SW_MAX_POINTS,
  seed = 1,
): number {
  const a = subsample(samples, maxPoints, seed);
  const b = subsample(data, maxPoints, seed);
  let s = 0;
  for (let k = 0; k < directions; k++) {
    const t = (Math.PI * k) / directions;
    s += wasserstein1Sorted(
      project(a, Math.cos(t), Math.sin(t)),
      project(b, Math.cos(t), Math.sin(t)),
    );
  }
  return ((Math.PI / 2) * s) / directions;
}

/**
 * Multi-scale Gaussian kernel k(x, y) = (e + e⁹ + e⁸¹)/3, e = exp(−‖x − y‖²/2): the mean of
 * Gaussians of widths 1, 1/3 and 1/9 (MMD_SCALES; k ∈ [0, 1]). The widths are chosen with
 * integer ratios of 1/s² so that one exp and eight multiplications give all three.
 */
function kernelMean(p: Float64Array, q: Float64Array, same: boolean): number {
  const n = p.length >> 1;
  const m = q.length >> 1;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const x = p[2 * i];
    const y = p[2 * i + 1];
    for (let j = same ? i + 1 : 0; j < m; j++) {
      const e = Math.exp(-0.5 * ((x - q[2 * j]) ** 2 + (y - q[2 * j + 1]) ** 2));
      const e2 = e * e;
      const e4 = e2 * e2;
      const e9 = e4 * e4 * e;
      const e18 = e9 * e9;
      const e36 = e18 * e18;
      s += e + e9 + e36 * e36 * e9;
    }
  }
  return s / 3 / (same ? (n * (n - 1)) / 2 : n * m);
}

/**
 * Unbiased MMD² with the kernel above:
 *   MMD² = mean_{i≠j} k(a_i, a_j) + mean_{i≠j} k(b_i, b_j) − 2 mean_{i,j} k(a_i, b_j).
 * ≈ 0 (it can be slightly negative) when both come from one distribution. O(n²): both sets
 * are subsampled to maxPoints (512: ~0.5 M kernel evaluations).
 */
export function mmd2(
  samples: ArrayLike<number>,
  data: ArrayLike<number>,
  maxPoints = MMD_MAX_POINTS,
  seed = 1,
): number {
  const a = subsample(samples, maxPoints, seed);
  const b = subsample(data, maxPoints, seed);
  if (a.length < 4 || b.length < 4) return NaN; // needs two points on each side
  return kernelMean(a, a, true) + kernelMean(b, b, true) - 2 * kernelMean(a, b, false);
}
