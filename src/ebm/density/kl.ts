// Kullback–Leibler divergence of the model from the data, on the density grid:
//   KL(p_data ‖ p_model) = ∫ p_data log(p_data / p_model) dx
//                        ≈ Σ_c p_c log(max(p_c, ε) / max(q_c, ε)) · ΔA       (nats)
// This direction is the one maximum likelihood minimises (KL = NLL − entropy of the data):
// it punishes the model for missing data mass, not for putting mass where there is none.
// The floor ε: a float32 model density underflows to 0 where βE − min βE ≳ 88, and then
// log(p/0) = ∞ would make one far-off cell decide the whole number. With ε each cell's
// log-ratio is capped at log(p_c/ε) (≈ 25 nats for p_c ~ 1, ε = 1e-11); a real model
// density below ε is indistinguishable from 0 for display anyway (the uniform density on the
// [−4, 4]² box is 1/64). Cells with p_c = 0 contribute 0 (0·log 0 = 0).
// Where p_data is a KDE it is smoothed by the bandwidth, so even a perfect model shows a
// small positive KL; compare KL values over time, not to 0.
import { cellArea, type GridSpec } from './grid';

/** Density floor ε (per unit area) for both densities; see the header. */
export const KL_FLOOR = 1e-11;

/** KL(p‖q) in nats for two density grids normalised on the same grid (Σ p h² = 1). */
export function klDivergence(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  grid: GridSpec,
  floor = KL_FLOOR,
): number {
  if (p.length !== q.length) throw new Error(`grids differ: ${p.length} vs ${q.length}`);
  let s = 0;
  for (let c = 0; c < p.length; c++) {
    const pc = p[c];
    if (!(pc > 0)) continue;
    s += pc * (Math.log(Math.max(pc, floor)) - Math.log(Math.max(q[c], floor)));
  }
  return s * cellArea(grid);
}

/**
 * Same with the model given as log q (partition.ts's logDensity): no underflow, so no floor
 * is needed on the model side; the data side still uses p_c > 0 only.
 */
export function klDivergenceLog(
  p: ArrayLike<number>,
  logQ: ArrayLike<number>,
  grid: GridSpec,
): number {
  if (p.length !== logQ.length) throw new Error(`grids differ: ${p.length} vs ${logQ.length}`);
  let s = 0;
  for (let c = 0; c < p.length; c++) {
    const pc = p[c];
    if (pc > 0) s += pc * (Math.log(pc) - logQ[c]);
  }
  return s * cellArea(grid);
}
