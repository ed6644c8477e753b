// CD-k (Hinton 2002): the CD loss of persistentCd.ts,
//   L = mean E(data) − mean E(neg) + α·(mean E(data)² + mean E(neg)²),
// with negatives from K sampler steps started at the data batch itself. The chains start
// in the data's modes, so the gradient only sees how p_θ differs from the data near them:
// spurious modes far from the data are never visited and never pushed up.
// The trainer builds the starts with cdKStart and runs its Sampler on them.
import { tf, type Tensor2D } from '../tf';
import { cdObjective } from './persistentCd';
import type { NegativeSource } from './types';

export const CD_K_NEGATIVES: NegativeSource = 'data';

/**
 * The chains' starts: a copy of the data batch [B, 2] (a clone, so the caller may dispose
 * the starts without touching the data).
 */
export function cdKStart(data: Tensor2D): Tensor2D {
  return tf.clone(data);
}

export const cdK = cdObjective('cdK');
