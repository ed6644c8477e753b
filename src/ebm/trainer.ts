// One training iteration: advance a batch of persistent chains with the sampler, then one
// Adam step (β1 = 0: EBMs are known to suffer from momentum) on the CD loss with
// global-norm gradient clipping. Per-iteration statistics stay on the device as one small
// tensor, read back only when a frame is displayed.
import type { EnergyModel } from './energy';
import { cdLoss, clipByGlobalNorm } from './loss';
import type { ReplayBuffer } from './replay';
import type { Rng } from './rng';
import type { Sampler, SamplerParams } from './samplers/types';
import { tf, type Tensor2D } from './tf';

export interface TrainParams {
  /** What the sampler is handed: β, the box and its own parameters (by setting key). */
  sampler: SamplerParams & Readonly<Record<string, unknown>>;
  learningRate: number;
  steps: number;
  reinitFraction: number;
  alpha: number;
  batch: number;
  maxGradNorm: number;
}

/** Stats layout: [loss, E(data), E(neg), gradNorm, acceptRate (−1 if none)]. */
export const STAT_COUNT = 5;

export class Trainer {
  private optimizer: tf.Optimizer;
  private lr: number;
  /** Latest stats tensor [STAT_COUNT]; owned here. */
  stats: tf.Tensor1D | null = null;

  constructor(
    readonly model: EnergyModel,
    learningRate: number,
  ) {
    this.lr = learningRate;
    this.optimizer = tf.train.adam(learningRate, 0, 0.999);
  }

  /** A changed learning rate restarts Adam's second-moment estimate (cheap, stable). */
  setLearningRate(lr: number): void {
    if (lr === this.lr) return;
    this.lr = lr;
    this.resetOptimizer();
  }

  resetOptimizer(): void {
    this.optimizer.dispose();
    this.optimizer = tf.train.adam(this.lr, 0, 0.999);
  }

  step(data: Tensor2D, buffer: ReplayBuffer, sampler: Sampler, p: TrainParams, rng: Rng): void {
    const stats = tf.tidy(() => {
      const { box } = p.sampler;
      const { negatives, extra } = buffer.advance(p.batch, p.reinitFraction, box, rng, (x) => {
        const r = sampler.run(this.model.energy, x, p.steps, p.sampler, rng);
        return { x: r.x, extra: r.acceptRate };
      });
      // The loss closure runs in tfjs's own inner tidy: keep the two means so they outlive
      // it, and free them by hand once stacked into the stats.
      let kept: tf.Scalar[] = [];
      const { value, grads } = this.optimizer.computeGradients(() => {
        const t = cdLoss(this.model.energy, data, negatives, p.alpha);
        kept = [tf.keep(t.eData), tf.keep(t.eNeg)];
        return t.loss;
      }, this.model.variables);
      const clipped = clipByGlobalNorm(grads, p.maxGradNorm);
      this.optimizer.applyGradients(clipped.grads as tf.NamedTensorMap);
      const acc = extra ?? tf.scalar(-1);
      const out = tf.stack([value, kept[0], kept[1], clipped.norm, acc]) as tf.Tensor1D;
      kept.forEach((k) => k.dispose());
      return out;
    });
    this.stats?.dispose();
    this.stats = stats;
  }

  /**
   * Sampling without training (sample mode): keep the last training stats but report this
   * acceptance (a scalar, or null for samplers that always accept). Does not take `acc`.
   */
  setAcceptRate(acc: tf.Scalar | null): void {
    const prev = this.stats;
    this.stats = tf.tidy(() => {
      const head = prev ? tf.slice(prev, [0], [STAT_COUNT - 1]) : tf.zeros([STAT_COUNT - 1]);
      return tf.concat([head, tf.reshape(acc ?? tf.scalar(-1), [1])]) as tf.Tensor1D;
    });
    prev?.dispose();
  }

  dispose(): void {
    this.optimizer.dispose();
    this.stats?.dispose();
    this.stats = null;
  }
}
