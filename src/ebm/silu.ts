// SiLU(x) = x·σ(x) with a hand-written derivative σ·(1 + x·(1 − σ)): one fused backward
// instead of autodiff through mul+sigmoid (fewer kernels per Langevin step, same values).
import { tf } from './tf';

export const silu = tf.customGrad(((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  const save = args[1] as tf.GradSaveFunc;
  const s = tf.sigmoid(x);
  save([x, s]);
  return {
    value: tf.mul(x, s),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, ss] = saved;
      return tf.mul(dy, tf.mul(ss, tf.add(1, tf.mul(xs, tf.sub(1, ss)))));
    },
  };
}) as Parameters<typeof tf.customGrad>[0]) as (x: tf.Tensor) => tf.Tensor;
