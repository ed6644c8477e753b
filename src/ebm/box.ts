// The view box in data coordinates: the square [min, max]². Chains are clamped to it,
// re-initialised uniformly over it, and the energy grid covers it.
import { tf, type Tensor2D } from './tf';

export interface Box {
  min: number;
  max: number;
}

export const DEFAULT_BOX: Box = { min: -4, max: 4 };

export function clampToBox(x: Tensor2D, box: Box): Tensor2D {
  return tf.clipByValue(x, box.min, box.max);
}

export function uniformInBox(n: number, box: Box, seed: number): Tensor2D {
  return tf.randomUniform([n, 2], box.min, box.max, 'float32', seed) as Tensor2D;
}
