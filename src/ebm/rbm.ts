// Gaussian–Bernoulli RBM on the plane: visible v ∈ R² (real), H binary hidden units h.
// The RBM works on scaled inputs v = s·x (s = inputScale, like the MLP), with a fixed σ:
//   E(v, h) = ‖v − b‖²/(2σ²) − cᵀh − (v/σ)ᵀW h,        W [2, H], b [2], c [H].
// Summing h out gives the free energy (what samplers and the energy map see):
//   F(v) = ‖v − b‖²/(2σ²) − Σⱼ softplus(aⱼ(v)),    a(v) = c + Wᵀv/σ,
// so p(v) ∝ exp(−F) is a mixture of 2^H Gaussians N(b + σWh, σ²I), one per h.
// Conditionals: p(hⱼ = 1 | v) = sigmoid(aⱼ(v));  v | h ~ N(b + σWh, σ²I).
// In data units a component has std σ/s: s sets how fine the model can resolve (default
// σ = 1, s = 2 → std 0.5 on the [−4, 4] box). A small s (e.g. 1/4, as for the MLP) makes every
// component wider than the box.
// Temperature β: the conditionals take β as in the tempered joint exp(−βE(v, h)):
//   p_β(h = 1 | v) = sigmoid(β a(v)),  v | h ~ N(b + σWh, σ²/β · I).
// Note that joint's v-marginal is exp(−β‖v − b‖²/2σ²)·Πⱼ(1 + e^{βaⱼ}), which is NOT exp(−βF)
// unless β = 1; gibbs.ts corrects for the difference with a Metropolis–Hastings step.
import type { EnergyModel } from './energy';
import { ownedVariable, tf, type Tensor1D, type Tensor2D } from './tf';

export interface RbmConfig {
  hidden: number;
  seed: number;
  /** Fixed visible std in scaled units (default 1). */
  sigma?: number;
  /** v = inputScale · x (default 2). */
  inputScale?: number;
  /** Std of the initial weights (default 0.1); b and c start at 0. */
  initStd?: number;
}

export interface Rbm extends EnergyModel {
  readonly kind: 'rbm';
  readonly hidden: number;
  readonly sigma: number;
  readonly inputScale: number;
  readonly W: tf.Variable<tf.Rank.R2>;
  readonly b: tf.Variable<tf.Rank.R1>;
  readonly c: tf.Variable<tf.Rank.R1>;
  /** a(v) = c + Wᵀv/σ at v = s·x: [N, 2] → [N, H]. */
  hiddenField(x: Tensor2D): Tensor2D;
  /** p_β(h = 1 | x) = sigmoid(β a): [N, H]. */
  hiddenProb(x: Tensor2D, beta?: number): Tensor2D;
  /** h ~ Bernoulli(p_β(h | x)) as float 0/1: [N, H]. */
  sampleHidden(x: Tensor2D, seed: number, beta?: number): Tensor2D;
  /** E[x | h] in data units: (b + σWh)/s, [N, 2]. */
  visibleMean(h: Tensor2D): Tensor2D;
  /** Std of x | h in data units: σ/(s√β). */
  visibleStd(beta?: number): number;
  /** x ~ p_β(x | h): [N, 2] in data units. */
  sampleVisible(h: Tensor2D, seed: number, beta?: number): Tensor2D;
  /** E(v, h) at v = s·x, one value per row: [N]. */
  jointEnergy(x: Tensor2D, h: Tensor2D): Tensor1D;
  /**
   * CD surrogate: mean F(data) − mean F(negatives). Its gradient in θ is the CD-k gradient
   * ⟨∂F/∂θ⟩_data − ⟨∂F/∂θ⟩_model when negatives come from k Gibbs steps (held constant).
   */
  cdLoss(data: Tensor2D, negatives: Tensor2D): tf.Scalar;
}

export function createRbm(cfg: RbmConfig): Rbm {
  const H = cfg.hidden;
  const sigma = cfg.sigma ?? 1;
  const s = cfg.inputScale ?? 2;
  // Unnamed variables: tfjs variable names are global.
  const W = ownedVariable(
    tf.tidy(() => tf.randomNormal([2, H], 0, cfg.initStd ?? 0.1, 'float32', cfg.seed)),
  ) as tf.Variable<tf.Rank.R2>;
  const b = ownedVariable(tf.zeros([2])) as tf.Variable<tf.Rank.R1>;
  const c = ownedVariable(tf.zeros([H])) as tf.Variable<tf.Rank.R1>;

  const quad = (v: tf.Tensor): Tensor1D =>
    tf.div(tf.sum(tf.square(tf.sub(v, b)), 1), 2 * sigma * sigma) as Tensor1D;
  const field = (x: Tensor2D): Tensor2D =>
    tf.add(tf.matMul(tf.mul(x, s / sigma) as Tensor2D, W), c) as Tensor2D;
  const hiddenProb = (x: Tensor2D, beta = 1): Tensor2D =>
    tf.sigmoid(tf.mul(field(x), beta)) as Tensor2D;
  const visibleMean = (h: Tensor2D): Tensor2D =>
    tf.div(tf.add(tf.mul(tf.matMul(h, W, false, true), sigma), b), s) as Tensor2D;
  const visibleStd = (beta = 1): number => sigma / (s * Math.sqrt(beta));
  const energy = (x: Tensor2D): Tensor1D =>
    tf.sub(quad(tf.mul(x, s)), tf.sum(tf.softplus(field(x)), 1)) as Tensor1D;

  return {
    kind: 'rbm',
    hidden: H,
    sigma,
    inputScale: s,
    W,
    b,
    c,
    variables: [W, b, c],
    energy,
    hiddenField: field,
    hiddenProb,
    sampleHidden: (x, seed, beta = 1) => {
      const prob = hiddenProb(x, beta);
      return tf.cast(tf.less(tf.randomUniform(prob.shape, 0, 1, 'float32', seed), prob), 'float32');
    },
    visibleMean,
    visibleStd,
    sampleVisible: (h, seed, beta = 1) => {
      const z = tf.randomNormal([h.shape[0], 2], 0, visibleStd(beta), 'float32', seed);
      return tf.add(visibleMean(h), z) as Tensor2D;
    },
    jointEnergy: (x, h) => {
      const v = tf.mul(x, s);
      const cTh = tf.sum(tf.mul(h, c), 1);
      const vWh = tf.sum(tf.mul(tf.matMul(tf.div(v, sigma) as Tensor2D, W), h), 1);
      return tf.sub(tf.sub(quad(v), cTh), vWh) as Tensor1D;
    },
    cdLoss: (data, negatives) => tf.sub(tf.mean(energy(data)), tf.mean(energy(negatives))),
    dispose: () => [W, b, c].forEach((v) => v.dispose()),
  };
}

/** The RBM behind an energy model, if it is one (Gibbs sampling needs its conditionals). */
export function isRbm(model: EnergyModel): model is Rbm {
  return (model as Partial<Rbm>).kind === 'rbm';
}
