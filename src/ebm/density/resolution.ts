// Is the grid fine enough for log Z? The midpoint rule (partition.ts) converges fast once
// the density is smooth on the scale of a cell h, and not at all for a mode narrower than a
// cell: its mass then depends on where the cell centres happen to fall. Compare log Z on the
// G grid with log Z on each of the four interleaved G/2 subgrids (every other centre, at
// offsets (o_i, o_j) ∈ {0, 1}², weight (2h)² per point):
//   log Z_{G/2}^{o} = log Σ_{i ≡ o_i, j ≡ o_j (mod 2)} exp(−βE_ij) + log (2h)²
//   gap = max_o |log Z_{G/2}^{o} − log Z_G|
// Each subgrid is a Riemann sum with spacing 2h, as accurate as the midpoint rule for a
// density that vanishes at the box's edge (for a Gaussian of width s the error falls like
// exp(−2π²s²/(2h)²)), so a smooth density gives gap ≈ 0 and a mode narrower than a cell of
// the G grid gives gap ≫ 0.02 (s = 0.03 at h = 1/16: gap ≈ 1). Reuses the G-grid energies:
// no second model evaluation. Requires G even.
import { cellArea, type GridSpec } from './grid';

/** log Z on the G/2 subgrid at offset (oi, oj) ∈ {0, 1}², from energies on the G grid. */
export function logZSubgrid(
  energy: ArrayLike<number>,
  grid: GridSpec,
  beta: number,
  oi: number,
  oj: number,
): number {
  const { G } = grid;
  let m = -Infinity;
  for (let j = oj; j < G; j += 2)
    for (let i = oi; i < G; i += 2) {
      const v = -beta * energy[j * G + i];
      if (Number.isNaN(v)) return NaN;
      if (v > m) m = v;
    }
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (let j = oj; j < G; j += 2)
    for (let i = oi; i < G; i += 2) s += Math.exp(-beta * energy[j * G + i] - m);
  return m + Math.log(s) + Math.log(4 * cellArea(grid));
}

/** max over the four G/2 subgrids of |log Z_{G/2} − log Z_G|; NaN if G is odd. */
export function logZResolutionGap(energy: ArrayLike<number>, grid: GridSpec, beta = 1): number {
  if (grid.G % 2 !== 0) return NaN;
  // log Z_G from the four subgrid sums: Z_G = ¼ Σ_o Z_{G/2}^{o} exactly.
  const sub = [0, 1].flatMap((oj) => [0, 1].map((oi) => logZSubgrid(energy, grid, beta, oi, oj)));
  const top = Math.max(...sub);
  if (!Number.isFinite(top)) return NaN;
  const full = top + Math.log(sub.reduce((s, v) => s + Math.exp(v - top), 0) / 4);
  return Math.max(...sub.map((v) => Math.abs(v - full)));
}
