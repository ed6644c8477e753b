// SiLU(x) = x·σ(x) with a hand-written derivative σ·(1 + x·(1 − σ)): one fused backward
// instead of autodiff through mul+sigmoid (fewer kernels per Langevin step, same values).
//
// Second-order gradients (∇θ of ∇ₓE, needed by denoising score matching): tfjs runs a
// customGrad forward as one kernel, so the saved σ has no link to x on the gradient tape, and
// a gradient taken through gradFunc would treat σ as a constant (measured on a 2-8-8-1 MLP:
// entries of ∇θ mean‖∇ₓE‖² off by 25 % up to 10×). So when a tape is recording during the
// backward pass (someone differentiates this gradient), gradFunc recomputes σ from the saved
// x with plain ops; otherwise (Langevin, CD) it reuses the saved σ and costs nothing extra.
// Plain autodiff of x·sigmoid(x) is no way out: tfjs 4.22 saves sigmoid's output before its
// tape node exists, so its second derivative is wrong too (some entries of the opposite sign
// to finite differences). objectives/dsm.test.ts checks the nested gradient against them.
import { tf } from './tf';

export const silu = tf.customGrad(((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  const save = args[1] as tf.GradSaveFunc;
  const s = tf.sigmoid(x);
  save([x, s]);
  return {
    value: tf.mul(x, s),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, s0] = saved;
      const ss = tf.engine().isTapeOn() ? tf.sigmoid(xs) : s0;
      return tf.mul(dy, tf.mul(ss, tf.add(1, tf.mul(xs, tf.sub(1, ss)))));
    },
  };
}) as Parameters<typeof tf.customGrad>[0]) as (x: tf.Tensor) => tf.Tensor;
