// Denoising score matching (Vincent 2011) with one noise level σ. The model's score is
//   s_θ(x) = ∇ₓ log p_θ(x) = −β∇ₓE(x),
// the noise kernel q(x̃|x) = N(x̃; x, σ²I) has score ∇ₓ̃ log q(x̃|x) = −(x̃ − x)/σ², and
//   L(θ) = (σ²/2)·mean_n ‖s_θ(x̃_n) − ∇ log q(x̃_n|x_n)‖²
//        = (σ²/2)·mean_n ‖−β∇ₓE(x̃_n) + (x̃_n − x_n)/σ²‖²,   x̃ = x + σz, z ∼ N(0, I)
//        = ½·mean_n ‖z_n − σβ∇ₓE(x̃_n)‖²
// (the σ² weighting makes L of order one for any σ). Its minimiser over all scores is the
// score of the noised data q_σ = p_data ∗ N(0, σ²I), so p_θ learns the data blurred by σ:
// a Gaussian N(μ, s²I) fits as μ = μ*, s² = s*² + σ² (checked in dsm.test.ts). No sampler
// and no log Z; the price is that L is blind to the relative weights of well-separated modes.
//
// ∇θL needs the gradient of an input gradient. The input gradient is tf.grad nested inside
// the caller's parameter gradient; the MLP's fused SiLU (silu.ts) recomputes σ(x) with plain
// ops when a tape records its backward, so the nested gradient is exact (not analytic input
// gradients, not a separate plain-ops SiLU: plain x·sigmoid(x) gives wrong second
// derivatives in tfjs 4.22). Energies used with dsm must avoid ops whose gradient reuses their
// own output (sigmoid, exp, tanh, …) outside customGrad; dsm.test.ts checks the MLP against
// finite differences.
import { energyGrad } from '../energy';
import { tf, type Tensor2D } from '../tf';
import type { NegativeSource, Objective } from './types';

export const DSM_NEGATIVES: NegativeSource = 'none';

export interface DsmParams {
  beta: number;
  /** Noise standard deviation σ (data units). */
  sigma: number;
}

export const dsm: Objective<DsmParams> = (input, p) => {
  if (!input.rng) throw new Error('dsm needs an rng for its noise');
  const { data, energy } = input;
  const z = tf.randomNormal(data.shape, 0, 1, 'float32', input.rng.seed()) as Tensor2D;
  const noisy = tf.add(data, tf.mul(z, p.sigma)) as Tensor2D;
  const g = energyGrad(energy, noisy);
  // r = σ·(model score − kernel score) = z − σβ∇ₓE(x̃);  L = ½·mean_n ‖r_n‖².
  const r = tf.sub(z, tf.mul(g, p.sigma * p.beta));
  const loss = tf.mul(0.5, tf.mean(tf.sum(tf.square(r), 1))) as tf.Scalar;
  // Reported only (outside the loss's graph): the energies of the data and of the noised data.
  const eData = tf.mean(energy(data)) as tf.Scalar;
  const eNeg = tf.mean(energy(noisy)) as tf.Scalar;
  return { loss, terms: { eData, eNeg } };
};
