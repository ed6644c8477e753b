// Out-of-distribution scores, in plain JS. A score s (e.g. the energy E(x): high = unusual)
// separates a set A (e.g. OOD points) from a set B (in-distribution points) with
//   AUROC = P(s_a > s_b) + ½·P(s_a = s_b),   a ∈ A, b ∈ B drawn independently,
// the Mann–Whitney U statistic over |A|·|B|: 1 = perfect, ½ = chance, 0 = perfectly
// reversed. Computed from mid-ranks in O(n log n): sort A ∪ B, give each tie group the mean
// of its ranks (1-based), R_A = Σ ranks of A, U = R_A − |A|(|A| + 1)/2, AUROC = U/(|A||B|).
// Percentile of v among reference values r (mid-rank, in %):
//   100·(#{r < v} + ½·#{r = v}) / |r|.
// Threshold at percentile q (%): the type-7 quantile (linear interpolation between order
// statistics, numpy's default): sorted r, position (n − 1)·q/100. Flagging s > threshold at
// q = 95 flags about 5 % of the reference set.

function withoutNaN(values: ArrayLike<number>, what: string): number[] {
  const out = Array.from(values);
  if (out.some((v) => Number.isNaN(v))) throw new Error(`${what} contains NaN`);
  return out;
}

/** AUROC of score s for "A scores higher than B"; NaN if either set is empty. */
export function auroc(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return NaN;
  const all = [
    ...withoutNaN(a, 'auroc: A').map((v) => ({ v, inA: true })),
    ...withoutNaN(b, 'auroc: B').map((v) => ({ v, inA: false })),
  ].sort((p, q) => p.v - q.v || 0);
  let rankSumA = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1].v === all[i].v) j++;
    const midRank = (i + j) / 2 + 1; // ranks i+1 … j+1
    for (let k = i; k <= j; k++) if (all[k].inA) rankSumA += midRank;
    i = j + 1;
  }
  return (rankSumA - (na * (na + 1)) / 2) / (na * nb);
}

/** Mid-rank percentile (0–100) of `value` among `reference`; NaN for an empty reference. */
export function percentileOf(value: number, reference: ArrayLike<number>): number {
  const n = reference.length;
  if (n === 0 || Number.isNaN(value)) return NaN;
  let below = 0;
  let equal = 0;
  for (let i = 0; i < n; i++) {
    if (reference[i] < value) below++;
    else if (reference[i] === value) equal++;
  }
  return (100 * (below + 0.5 * equal)) / n;
}

/** The q-th percentile (q in [0, 100]) of `reference`, type 7; NaN for an empty one. */
export function thresholdAtPercentile(reference: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 100)) throw new Error(`percentile ${q} is not in [0, 100]`);
  const r = withoutNaN(reference, 'threshold: reference').sort((x, y) => x - y);
  if (r.length === 0) return NaN;
  const pos = ((r.length - 1) * q) / 100;
  const lo = Math.floor(pos);
  if (pos === lo) return r[lo]; // also keeps ±∞ out of 0·∞
  return r[lo] + (pos - lo) * (r[lo + 1] - r[lo]);
}
