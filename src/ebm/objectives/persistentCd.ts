// Persistent contrastive divergence: today's loss (loss.ts's cdLoss), unchanged:
//   L = mean E(data) − mean E(neg) + α·(mean E(data)² + mean E(neg)²)
// with the negatives x' taken from the persistent replay buffer (replay.ts) after K sampler
// steps. With x' ∼ p_θ held fixed and α = 0, ∇θL = mean ∂θE(data) − mean ∂θE(x') estimates
// (1/β)·∇θ NLL (exactMl.ts). The α term pins the energy's offset, which L otherwise ignores;
// in the two means alone L is minimised at E(data) = −1/(2α), E(neg) = +1/(2α).
import { cdLoss } from '../loss';
import { requireNegatives, type NegativeSource, type Objective } from './types';

export interface CdParams {
  /** Weight α of the energy² penalty. */
  alpha: number;
}

export const PERSISTENT_CD_NEGATIVES: NegativeSource = 'persistent';

/** The CD loss on whatever negatives the trainer made; `name` only words a missing-input error. */
export function cdObjective(name: string): Objective<CdParams> {
  return (input, p) => {
    const negatives = requireNegatives(input, name);
    const { loss, eData, eNeg } = cdLoss(input.energy, input.data, negatives, p.alpha);
    return { loss, terms: { eData, eNeg } };
  };
}

export const persistentCd = cdObjective('persistentCd');
