// Analytic experts to compose with (rows in contract/experts.ts):
//  ring:      E = (‖x‖ − R)² / (2σ²), R = 2.5, σ = 0.3 (a gaussian band on a circle);
//  rightHalf: E = 3·softplus(−4x) ≈ 0 for x ≫ 0 and ≈ −12x for x ≪ 0 (a soft wall; smooth,
//             so ∇E is defined everywhere and Langevin/MALA/HMC run on it);
//  upperHalf: the same wall along y.
// "ring AND right half-plane" is then a half ring: E = E_ring + E_right keeps the ring's
// mass only where the wall is about 0.
import type { BuiltinExpert } from '../contract/experts';
import type { EnergyFn } from './energy';
import { tf, type Tensor1D } from './tf';

export const RING_RADIUS = 2.5;
export const RING_SIGMA = 0.3;

const column = (x: tf.Tensor2D, k: 0 | 1): tf.Tensor1D =>
  tf.reshape(tf.slice(x, [0, k], [-1, 1]), [-1]) as Tensor1D;

const wall =
  (k: 0 | 1): EnergyFn =>
  (x) =>
    tf.mul(tf.softplus(tf.mul(column(x, k), -4)), 3) as Tensor1D;

export const BUILTIN_ENERGIES: Readonly<Record<BuiltinExpert, EnergyFn>> = {
  ring: (x) => {
    // ‖x‖ with a tiny floor: the gradient of a norm at 0 is NaN.
    const r = tf.sqrt(tf.add(tf.sum(tf.square(x), 1), 1e-12));
    return tf.div(tf.square(tf.sub(r, RING_RADIUS)), 2 * RING_SIGMA * RING_SIGMA) as Tensor1D;
  },
  rightHalf: wall(0),
  upperHalf: wall(1),
};
