// Exact (to quadrature error) normalisation of p_θ(x) = exp(−βE(x)) / Z on the view box:
//   Z = ∫_box exp(−βE) dx ≈ Σ_c exp(−βE_c) h²            (midpoint rule, see grid.ts)
//   log Z = m + log Σ_c exp(−βE_c − m) + log h²,   m = max_c(−βE_c)
// Subtracting the maximum (log-sum-exp) keeps every exponent ≤ 0 and at least one = 0, so
// the sum lies in [1, G²]: no overflow or underflow whatever the energy's offset. That
// matters because the contrastive-divergence loss ignores constant offsets, so E drifts.
// The sum runs in float64 even though the energies arrive as float32.
import { cellArea, type GridSpec } from './grid';

export { cellArea, cellSize, gridPoints, integrate, type GridSpec } from './grid';

/**
 * Share of the mass above which the UI should say "the view box does not contain the mass".
 * The outer ring is 4(G−1) of the G² cells (3.1 % of the area at G = 128), so a density that
 * is flat near the edge already puts ~3 % there; a well-contained one puts ≪ 0.1 %.
 */
export const BORDER_MASS_WARN = 0.01;

export interface Normalised {
  /** log Z (nats). NaN if any energy is NaN; +∞ if one is −∞; −∞ if all are +∞. */
  logZ: number;
  /** log p_c = −βE_c − log Z at every cell centre. */
  logDensity: Float32Array;
  /** p_c = exp(log p_c); Σ p_c h² = 1. */
  density: Float32Array;
  /** Share of the mass in the outermost ring of cells (i or j is 0 or G−1). */
  borderMass: number;
  /** Range of E on the grid (not scaled by β). */
  energyMin: number;
  energyMax: number;
}

/** Largest −βE_c, i.e. the log-sum-exp shift; NaN if any energy is NaN. */
function shiftOf(energy: ArrayLike<number>, beta: number): number {
  let m = -Infinity;
  for (let c = 0; c < energy.length; c++) {
    const v = -beta * energy[c];
    if (Number.isNaN(v)) return NaN;
    if (v > m) m = v;
  }
  return m;
}

/** log Z = log ∫_box exp(−βE) dx from the energy at the cell centres. */
export function logPartition(energy: ArrayLike<number>, grid: GridSpec, beta = 1): number {
  const m = shiftOf(energy, beta);
  if (!Number.isFinite(m)) return m; // NaN, or ±∞ (see Normalised.logZ)
  let s = 0;
  for (let c = 0; c < energy.length; c++) s += Math.exp(-beta * energy[c] - m);
  return m + Math.log(s) + Math.log(cellArea(grid));
}

/** log Z plus the normalised log-density and density grids and the border mass. */
export function normalise(energy: ArrayLike<number>, grid: GridSpec, beta = 1): Normalised {
  const { G } = grid;
  const n = G * G;
  if (energy.length !== n) throw new Error(`energy has ${energy.length} values, grid ${n}`);
  const m = shiftOf(energy, beta);
  const logDensity = new Float32Array(n);
  const density = new Float32Array(n);
  let energyMin = Infinity;
  let energyMax = -Infinity;
  let total = 0;
  let border = 0;
  // w_c = exp(−βE_c − m) ∈ [0, 1]: the unnormalised weights, in float64.
  for (let j = 0; j < G; j++) {
    const edgeRow = j === 0 || j === G - 1;
    for (let i = 0; i < G; i++) {
      const c = j * G + i;
      const e = energy[c];
      if (e < energyMin) energyMin = e;
      if (e > energyMax) energyMax = e;
      const w = Math.exp(-beta * e - m);
      total += w;
      if (edgeRow || i === 0 || i === G - 1) border += w;
    }
  }
  const logZ = Number.isFinite(m) ? m + Math.log(total) + Math.log(cellArea(grid)) : m;
  for (let c = 0; c < n; c++) {
    const lp = -beta * energy[c] - logZ;
    logDensity[c] = lp;
    density[c] = Math.exp(lp);
  }
  // The ratio of weights is exact and stable; Σ p h² would be 1 up to float32 rounding.
  const borderMass = Number.isFinite(m) ? border / total : NaN;
  return { logZ, logDensity, density, borderMass, energyMin, energyMax };
}
