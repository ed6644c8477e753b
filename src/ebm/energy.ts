// The contract every energy-based model in the playground satisfies.
// p(x) ∝ exp(−β E(x)); samplers only ever need E and ∇ₓE.
import type { MlpSpec } from './fused/mlpSpec';
import { tf, type Tensor1D, type Tensor2D } from './tf';

/**
 * E(x) for a batch x of shape [N, 2]; returns shape [N]. Pure tensor function. A plain MLP's
 * energy also carries its layers (`mlp`), so a fused Langevin step can run it by hand
 * (fused/); a composed or tempered energy is a new function without it.
 */
export type EnergyFn = ((x: Tensor2D) => Tensor1D) & { readonly mlp?: MlpSpec };

export interface EnergyModel {
  readonly energy: EnergyFn;
  /** Trainable parameters (owned by the model; freed by dispose()). */
  readonly variables: tf.Variable[];
  dispose(): void;
}

/**
 * ∇ₓE for every row at once. Rows are independent, so the gradient of ΣE is the
 * per-row gradient. Returns [N, 2]; the caller owns it (call inside tf.tidy).
 */
export function energyGrad(energy: EnergyFn, x: Tensor2D): Tensor2D {
  return tf.grad((z: tf.Tensor) => tf.sum(energy(z as Tensor2D)))(x) as Tensor2D;
}

/**
 * E and ∇ₓE in one pass (tf.valueAndGrad shares the forward). The forward runs in an inner
 * tidy, so E is kept there and re-tracked here with a clone: both results belong to the
 * caller's scope.
 */
export function energyAndGrad(energy: EnergyFn, x: Tensor2D): { e: Tensor1D; g: Tensor2D } {
  let kept: Tensor1D | null = null;
  const f = (z: tf.Tensor): tf.Scalar => {
    const e = tf.keep(energy(z as Tensor2D));
    kept = e;
    return tf.sum(e);
  };
  const { grad } = tf.valueAndGrad(f)(x);
  const k = kept as unknown as Tensor1D;
  const e = tf.clone(k);
  k.dispose();
  return { e, g: grad as Tensor2D };
}
