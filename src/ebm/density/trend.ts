// Small statistics over per-iteration histories (oldest first) and point sets, for health.ts.
// A trend is judged on the last WINDOW values split into BLOCKS block means of |x|: |x| "grows
// steadily" when every block mean exceeds the one before. Noise around a level rarely does:
// 5 exchangeable noisy blocks come out in increasing order with probability 1/5! = 1/120, and
// health.ts also asks for a rise well above the noise. The time scale is the caller's: pass
// one value per iteration, or one per k iterations for slower trends.

/** Iterations a trend is judged over, and the blocks they are averaged in. */
export const WINDOW = 50;
export const BLOCKS = 5;

/** Block means of |x| over the last WINDOW values, or null if the history is shorter. */
export function blockMeans(xs: ArrayLike<number>): number[] | null {
  if (xs.length < WINDOW) return null;
  const size = WINDOW / BLOCKS;
  const out = new Array<number>(BLOCKS).fill(0);
  for (let t = 0; t < WINDOW; t++) {
    out[Math.floor(t / size)] += Math.abs(xs[xs.length - WINDOW + t]) / size;
  }
  return out;
}

/** [first, last] block means of |x| if it grew steadily over the window, else null. */
export function steadyRise(xs: ArrayLike<number>): [number, number] | null {
  const b = blockMeans(xs);
  if (!b || !b.every((v, k) => k === 0 || v > b[k - 1])) return null;
  return [b[0], b[BLOCKS - 1]];
}

/** Median of the last WINDOW values (NaN for none). */
export function recentMedian(xs: ArrayLike<number>): number {
  const v = Array.from(xs).slice(-WINDOW);
  v.sort((a, b) => a - b);
  return v.length > 0 ? v[v.length >> 1] : NaN;
}

/** Last value (NaN for none). */
export function last(xs: ArrayLike<number>): number {
  return xs.length > 0 ? xs[xs.length - 1] : NaN;
}

/** RMS distance to the mean, √(mean ‖x − x̄‖²), of points [x0, y0, …] (NaN for none). */
export function pointSpread(points: ArrayLike<number>): number {
  const n = points.length >> 1;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < n; k++) {
    mx += points[2 * k] / n;
    my += points[2 * k + 1] / n;
  }
  let v = 0;
  for (let k = 0; k < n; k++) v += (points[2 * k] - mx) ** 2 + (points[2 * k + 1] - my) ** 2;
  return n > 0 ? Math.sqrt(v / n) : NaN;
}
