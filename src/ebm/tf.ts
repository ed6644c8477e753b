// The one place tfjs-core is imported for the maths. tfjs-core alone registers no
// gradients, so tf.grad / optimisers would fail without the side-effect import below.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export { tf };
export type Tensor = tf.Tensor;
export type Tensor1D = tf.Tensor1D;
export type Tensor2D = tf.Tensor2D;

/**
 * A trainable variable that owns its value. tf.variable(t) keeps `t` alive as a separate
 * tensor object (it only adds a reference to the data), so the initial tensor is freed here.
 */
export function ownedVariable<R extends tf.Rank>(init: tf.Tensor<R>): tf.Variable<R> {
  const v = tf.variable(init);
  init.dispose();
  return v;
}
