// Exact maximum likelihood on the grid: the reference every sampler-based objective
// approximates. With p_θ(x) = exp(−βE_θ(x))/Z(θ) normalised over the box,
//   L(θ) = NLL = β·mean_n E(x_n) + log Z(θ),
//   log Z  = logsumexp_c(−βE(c)) + log h²,
// c over the G×G cell centres, h = (max − min)/G: the midpoint rule of density/partition.ts
// (the same quadrature and layout as grid.ts). Its gradient is exact (to quadrature error):
//   ∇θL = β·mean_n ∂θE(x_n) − Σ_c w_c β∂θE(c),   w = softmax_c(−βE(c)),
// i.e. the negative phase E_{p_θ}[β∂θE] as a weighted sum over the grid instead of over
// sampler negatives. No sampler, no bias; cost G² energy evaluations per step, so a modest
// G (64) is the default. Modes narrower than a cell are not resolved (see the health checks).
import type { Box } from '../box';
import { EnergyGrid } from '../grid';
import { tf } from '../tf';
import type { NegativeSource, Objective } from './types';

export const EXACT_ML_NEGATIVES: NegativeSource = 'none';
export const EXACT_ML_GRID = 64;

export interface ExactMlParams {
  beta: number;
  /** Constant cell centres [G², 2] (grid.ts); create once with createMlGrid, dispose when done. */
  grid: EnergyGrid;
}

export function createMlGrid(box: Box, G = EXACT_ML_GRID): EnergyGrid {
  return new EnergyGrid(G, box);
}

/** log h², the midpoint-rule weight of one cell. */
export function logCellArea(grid: EnergyGrid): number {
  return 2 * Math.log((grid.box.max - grid.box.min) / grid.size);
}

export const exactMl: Objective<ExactMlParams> = (input, p) => {
  const eData = tf.mean(input.energy(input.data)) as tf.Scalar;
  const eGrid = p.grid.evaluate(input.energy);
  const logits = tf.mul(eGrid, -p.beta);
  const logZ = tf.add(tf.logSumExp(logits), logCellArea(p.grid)) as tf.Scalar;
  const loss = tf.add(tf.mul(eData, p.beta), logZ) as tf.Scalar;
  // Reported only: E_{p_θ}[E] = Σ_c w_c E(c), the energy the negative phase pushes up.
  const eNeg = tf.sum(tf.mul(tf.softmax(logits), eGrid)) as tf.Scalar;
  return { loss, terms: { eData, eNeg, logZ } };
};
