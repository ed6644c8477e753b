// Contrastive divergence. The maximum-likelihood gradient of log p_θ(x) is
//   ∂θ log p(x) = E_{x'∼p_θ}[∂θE(x')] − ∂θE(x),
// so minimising  L = mean E(data) − mean E(negatives)  with negatives x' ∼ p_θ (held fixed)
// follows it: energy goes down at data and up at model samples. L ignores constant offsets
// of E, so α·(mean E(data)² + mean E(neg)²) keeps the energy near zero.
import type { EnergyFn } from './energy';
import { tf, type Tensor2D } from './tf';

export interface CdTerms {
  loss: tf.Scalar;
  eData: tf.Scalar;
  eNeg: tf.Scalar;
}

export function cdLoss(
  energy: EnergyFn,
  data: Tensor2D,
  negatives: Tensor2D,
  alpha: number,
): CdTerms {
  const ed = energy(data);
  // Negatives were produced outside the gradient tape, so they are constants here.
  const en = energy(negatives);
  const eData = tf.mean(ed);
  const eNeg = tf.mean(en);
  const reg = tf.mul(alpha, tf.add(tf.mean(tf.square(ed)), tf.mean(tf.square(en))));
  const loss = tf.add(tf.sub(eData, eNeg), reg) as tf.Scalar;
  return { loss, eData: eData as tf.Scalar, eNeg: eNeg as tf.Scalar };
}

/** Scale gradients so their global L2 norm is at most `maxNorm` (tfjs has no built-in). */
export function clipByGlobalNorm(
  grads: Record<string, tf.Tensor>,
  maxNorm: number,
): { grads: Record<string, tf.Tensor>; norm: tf.Scalar } {
  const names = Object.keys(grads);
  const sq = names.map((n) => tf.sum(tf.square(grads[n])));
  const norm = tf.sqrt(tf.addN(sq)) as tf.Scalar;
  const scale = tf.minimum(1, tf.div(maxNorm, tf.add(norm, 1e-6)));
  const out: Record<string, tf.Tensor> = {};
  for (const n of names) out[n] = tf.mul(grads[n], scale);
  return { grads: out, norm };
}
