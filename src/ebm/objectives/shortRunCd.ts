// Short-run contrastive divergence (Nijkamp et al. 2019): the CD loss of persistentCd.ts,
//   L = mean E(data) − mean E(neg) + α·(mean E(data)² + mean E(neg)²),
// but every iteration's negatives come from K sampler steps started afresh from uniform
// noise over the box (no buffer). K short steps do not reach p_θ, so the learned E makes a
// good K-step sampler rather than a valid density: useful to show side by side.
// The trainer builds the starts with shortRunStart and runs its Sampler on them.
import { uniformInBox, type Box } from '../box';
import type { Rng } from '../rng';
import type { Tensor2D } from '../tf';
import { cdObjective } from './persistentCd';
import type { NegativeSource } from './types';

export const SHORT_RUN_NEGATIVES: NegativeSource = 'noise';

/** n fresh chain starts, uniform on the box [min, max]², seeded from rng. Shape [n, 2]. */
export function shortRunStart(n: number, box: Box, rng: Rng): Tensor2D {
  return uniformInBox(n, box, rng.seed());
}

export const shortRunCd = cdObjective('shortRunCd');
