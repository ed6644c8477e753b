// Joint energy-based model (JEM, Grathwohl et al. 2020): a classifier with K logits f(x)[y]
// read as an energy on (x, y) pairs,
//   E(x, y) = −f(x)[y],            p(x, y) = exp(−E(x, y)) / Z.
// Marginalising y gives the energy of x alone, the "free energy" of the logits,
//   E(x) = −log Σ_y exp f(x)[y] = −logsumexp_y f(x)[y],   p(x) = Σ_y p(x, y) ∝ exp(−E(x)),
// and conditioning gives back the ordinary softmax classifier, Z cancelling:
//   p(y | x) = p(x, y) / p(x) = exp(f(x)[y]) / Σ_y' exp(f(x)[y']) = softmax(f(x))[y]
//            = exp(E(x) − E(x, y)).
// Adding a constant to every logit changes E(x) but not p(y|x): the classifier leaves one
// degree of freedom per x free, and the generative term (jemLoss.ts) is what fixes it.
import type { EnergyModel } from '../energy';
import { buildMlp, type MlpConfig } from '../mlp';
import { tf, type Tensor1D, type Tensor2D } from '../tf';

export interface JemConfig extends MlpConfig {
  /** Number of classes K (≥ 2). */
  classes: number;
}

export interface JemModel extends EnergyModel {
  readonly classes: number;
  /** f(x): [N, 2] → [N, K]. */
  logits(x: Tensor2D): Tensor2D;
  /** E(x, y) = −f(x)[y] for one class y: [N, 2] → [N]. An EnergyFn once y is bound. */
  classEnergy(x: Tensor2D, y: number): Tensor1D;
  /** p(y | x) = softmax(f(x)): [N, 2] → [N, K]. */
  classProbs(x: Tensor2D): Tensor2D;
}

/** E(x) = −logsumexp_y f[y] for logits f of shape [N, K]; returns [N]. */
export function freeEnergy(logits: Tensor2D): Tensor1D {
  return tf.neg(tf.logSumExp(logits, 1)) as Tensor1D;
}

/** Whether an energy model is a JEM classifier (it has logits). */
export function isJem(model: EnergyModel): model is JemModel {
  return typeof (model as Partial<JemModel>).logits === 'function';
}

export function createJem(cfg: JemConfig): JemModel {
  const K = cfg.classes;
  if (!Number.isInteger(K) || K < 2) throw new Error(`JEM needs at least 2 classes, got ${K}`);
  const { variables, forward } = buildMlp(cfg, K);
  const classEnergy = (x: Tensor2D, y: number): Tensor1D => {
    if (!Number.isInteger(y) || y < 0 || y >= K) throw new Error(`class ${y} is not in [0, ${K})`);
    return tf.neg(tf.reshape(tf.slice(forward(x), [0, y], [-1, 1]), [-1])) as Tensor1D;
  };
  return {
    classes: K,
    variables,
    energy: (x) => freeEnergy(forward(x)),
    logits: forward,
    classEnergy,
    classProbs: (x) => tf.softmax(forward(x)) as Tensor2D,
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
