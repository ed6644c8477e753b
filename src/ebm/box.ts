// Tensor helpers for the view box (its numbers are the contract's: src/contract/box.ts). It is
// the support of every sampler's target exp(−βE)·1_box: accept/reject samplers reject proposals
// that leave it, Langevin reflects at its walls, Gibbs redraws (samplers/). Chains are
// re-initialised uniformly over it, and the energy grid covers it.
import { BOX, type Box } from '../contract/box';
import { tf, type Tensor2D } from './tf';

export type { Box };
/** The view box [−4, 4]² (the contract's BOX). */
export const DEFAULT_BOX: Box = BOX;

/**
 * Projects onto the box. No sampler uses it: the projection puts an atom of mass on the walls
 * (+46 % in the edge strip of a Gaussian with 8 % of its mass outside).
 */
export function clampToBox(x: Tensor2D, box: Box): Tensor2D {
  return tf.clipByValue(x, box.min, box.max);
}

/**
 * Mirror reflection at the walls, folded as often as needed so any overshoot lands inside:
 * one bounce is x → 2·max − x (or 2·min − x); in general, with w = max − min and
 * m = (x − min) mod 2w, x → min + w − |m − w|. Coordinate-wise; points inside are unchanged.
 */
export function reflectIntoBox(x: Tensor2D, box: Box): Tensor2D {
  const w = box.max - box.min;
  const y = tf.sub(x, box.min);
  const m = tf.sub(y, tf.mul(tf.floor(tf.div(y, 2 * w)), 2 * w));
  return tf.add(tf.sub(w, tf.abs(tf.sub(m, w))), box.min) as Tensor2D;
}

export function uniformInBox(n: number, box: Box, seed: number): Tensor2D {
  return tf.randomUniform([n, 2], box.min, box.max, 'float32', seed) as Tensor2D;
}
