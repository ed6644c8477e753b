// Tensor helpers for the view box (its numbers are the contract's: src/contract/box.ts).
// Chains live in it, are re-initialised uniformly over it, and the energy grid covers it.
import { BOX, type Box } from '../contract/box';
import { tf, type Tensor2D } from './tf';

export type { Box };
/** The view box [−4, 4]² (the contract's BOX). */
export const DEFAULT_BOX: Box = BOX;

export function clampToBox(x: Tensor2D, box: Box): Tensor2D {
  return tf.clipByValue(x, box.min, box.max);
}

export function uniformInBox(n: number, box: Box, seed: number): Tensor2D {
  return tf.randomUniform([n, 2], box.min, box.max, 'float32', seed) as Tensor2D;
}
