// Composing energies: new models out of trained (or analytic) experts E_i, no training.
//  Product of experts (AND):  E(x) = Σ_i w_i E_i(x)   ⇔  p(x) ∝ Π_i p_i(x)^{w_i β}
//    Mass survives only where every expert agrees; w_i acts as expert i's inverse
//    temperature (w = 0 switches it off, w > 1 sharpens it).
//  Soft-min mixture (OR):     E(x) = −log Σ_i exp(ℓ_i − E_i(x)),  ℓ_i = log-weight
//    ⇔ exp(−E) = Σ_i e^{ℓ_i} exp(−E_i): at β = 1 the partition functions add,
//    Z = Σ_i e^{ℓ_i} Z_i, so the mixture weights of the normalised p_i are e^{ℓ_i} Z_i / Z
//    (an expert with a larger Z gets more mass). With ℓ = 0, min_i E_i − log M ≤ E ≤ min_i E_i.
// Weights are read when the energy is called, not when it is built: pass a mutable array
// (changed in place) or a tensor (e.g. a tf.variable, updated with assign) and the composed
// EnergyFn follows without being rebuilt. Gradients ∇ₓE flow through every expert.
import type { EnergyFn } from './energy';
import { tf, type Tensor1D, type Tensor2D } from './tf';

/** Per-expert numbers read at call time: a (mutable) array, or a [M] tensor. */
export type ExpertWeights = ArrayLike<number> | Tensor1D;

/** The experts' energies side by side: [N, M]. */
function stacked(experts: readonly EnergyFn[], x: Tensor2D): Tensor2D {
  if (experts.length === 0) throw new Error('compose: no experts');
  return tf.stack(
    experts.map((e) => e(x)),
    1,
  ) as Tensor2D;
}

/** The weights as a [M] tensor (created in the caller's tidy if given as an array). */
function weightTensor(w: ExpertWeights, m: number): Tensor1D {
  const t = w instanceof tf.Tensor ? w : tf.tensor1d(Array.from(w));
  if (t.shape[0] !== m) throw new Error(`compose: ${t.shape[0]} weights for ${m} experts`);
  return t;
}

/** E = Σ_i w_i E_i (default w_i = 1). */
export function productOfExperts(experts: readonly EnergyFn[], weights?: ExpertWeights): EnergyFn {
  return (x) => {
    const e = stacked(experts, x);
    if (!weights) return tf.sum(e, 1) as Tensor1D;
    return tf.sum(tf.mul(e, weightTensor(weights, experts.length)), 1) as Tensor1D;
  };
}

/** E = −log Σ_i exp(ℓ_i − E_i) (default ℓ_i = 0); ℓ_i = −∞ drops expert i. */
export function softMinMixture(experts: readonly EnergyFn[], logWeights?: ExpertWeights): EnergyFn {
  return (x) => {
    const e = stacked(experts, x);
    const a = logWeights ? tf.sub(weightTensor(logWeights, experts.length), e) : tf.neg(e);
    return tf.neg(tf.logSumExp(a, 1)) as Tensor1D;
  };
}
