// The JEM training objective on a batch of labelled points (x, y):
//   L = CE + λ·L_gen,
//   CE    = mean −log p(y | x) = mean [E(x, y) − E(x)] = mean [logsumexp f(x) − f(x)[y]]
//   L_gen = mean E(x) − mean E(x') + α·(mean E(x)² + mean E(x')²),   x' ∼ p_θ (negatives)
// where L_gen is exactly the contrastive-divergence loss of loss.ts (cdLoss) applied to the
// free energy E(x) = −logsumexp f(x). CE only shapes the differences between logits at
// each x; L_gen shapes their common level, i.e. the density p(x) ∝ exp(−E(x)). λ = 0 is a
// plain classifier (no negatives needed); λ > 0 makes it a generative model as well.
import { cdLoss, type CdTerms } from '../loss';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import type { JemModel } from './jemModel';

export interface JemLossParams {
  /** Weight of the generative (CD) term; 0 = classifier only. */
  lambda: number;
  /** The CD energy regulariser α (see loss.ts). */
  alpha: number;
}

export interface JemTerms {
  loss: tf.Scalar;
  /** Mean cross-entropy −log p(y | x) over the batch. */
  ce: tf.Scalar;
  /** The CD terms on E(x); null when λ = 0. */
  cd: CdTerms | null;
}

/** Mean −log softmax(f)[y] for logits [N, K] and int32 labels [N]. */
export function crossEntropy(logits: Tensor2D, labels: Tensor1D): tf.Scalar {
  const K = logits.shape[1];
  const picked = tf.sum(tf.mul(logits, tf.oneHot(tf.cast(labels, 'int32'), K)), 1);
  return tf.mean(tf.sub(tf.logSumExp(logits, 1), picked)) as tf.Scalar;
}

/**
 * The loss on labelled points x [N, 2] with labels [N] (int32), and negatives [M, 2] drawn
 * from p_θ outside the gradient tape (ignored, and may be null, when λ = 0).
 */
export function jemLoss(
  model: Pick<JemModel, 'logits' | 'energy'>,
  x: Tensor2D,
  labels: Tensor1D,
  negatives: Tensor2D | null,
  p: JemLossParams,
): JemTerms {
  const ce = crossEntropy(model.logits(x), labels);
  if (p.lambda === 0) return { loss: ce, ce, cd: null };
  if (!negatives) throw new Error('jemLoss: λ > 0 needs negatives');
  const cd = cdLoss(model.energy, x, negatives, p.alpha);
  return { loss: tf.add(ce, tf.mul(cd.loss, p.lambda)) as tf.Scalar, ce, cd };
}

/** Share of rows whose largest logit (or probability) is at the label: a JS number. */
export function accuracy(scores: Tensor2D, labels: Tensor1D): number {
  const t = tf.tidy(() =>
    tf.mean(tf.cast(tf.equal(tf.argMax(scores, 1), tf.cast(labels, 'int32')), 'float32')),
  );
  const v = t.dataSync()[0];
  t.dispose();
  return v;
}

/**
 * The trainer's JEM loss: CE on the labelled batch plus λ × the generative objective's loss
 * (whichever objective the trainer runs on E(x); jemLoss above is the persistent-CD case).
 * λ = 0 keeps the generative term in the graph with weight 0: a plain classifier.
 */
export function withCrossEntropy(
  model: Pick<JemModel, 'logits'>,
  data: Tensor2D,
  labels: Tensor1D,
  generative: tf.Scalar,
  lambda: number,
): tf.Scalar {
  return tf.add(crossEntropy(model.logits(data), labels), tf.mul(generative, lambda)) as tf.Scalar;
}
