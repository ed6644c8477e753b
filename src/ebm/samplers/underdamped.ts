// Underdamped (kinetic) Langevin dynamics on π(x, v) ∝ exp(−β(E(x) + ½‖v‖²)), whose x-marginal
// is the target exp(−βE). The SDE (unit mass, friction γ):
//   dx = v dt,   dv = −∇E(x) dt − γ v dt + √(2γ/β) dW.
// One step of length h is the BAOAB splitting (Leimkuhler & Matthews 2013):
//   B: v ← v − (h/2)∇E(x)        A: x ← x + (h/2)v
//   O: v ← c·v + √((1 − c²)/β)·ξ,  c = e^(−γh),  ξ ~ N(0, I)   (exact Ornstein–Uhlenbeck)
//   A: x ← x + (h/2)v             B: v ← v − (h/2)∇E(x)
// BAOAB's x-marginal is very accurate: exact for any quadratic E at every stable h < 2/√λmax.
// Small γ keeps momentum (long ballistic moves, like HMC); large γ is overdamped Langevin.
// The momentum of every chain is carried through all the steps of a run and drawn from its
// exact marginal N(0, β⁻¹I) at the start of a run (v is independent of x under π, so this
// leaves π invariant). The box is a wall: a chain that crosses it is reflected back and its
// momentum component flipped (specular reflection keeps the restricted π invariant).
import { energyGrad } from '../energy';
import { tf, type Tensor2D } from '../tf';
import { TraceRecorder } from './trace';
import type { Sampler, SamplerRegistration } from './types';

/** Reflect coordinates into [lo, hi] (one bounce: steps are far shorter than the box). */
function reflect(x: Tensor2D, v: Tensor2D, lo: number, hi: number): [Tensor2D, Tensor2D] {
  const below = tf.less(x, lo);
  const above = tf.greater(x, hi);
  const out = tf.logicalOr(below, above);
  const xr = tf.where(below, tf.sub(2 * lo, x), tf.where(above, tf.sub(2 * hi, x), x));
  return [tf.clipByValue(xr, lo, hi) as Tensor2D, tf.where(out, tf.neg(v), v) as Tensor2D];
}

export const underdamped: Sampler<'udStep' | 'udFriction'> = {
  kind: 'underdamped',
  run(energy, x0, steps, p, rng) {
    const { udStep: h, udFriction: gamma, beta, box } = p;
    const c = Math.exp(-gamma * h);
    const noiseStd = Math.sqrt((1 - c * c) / beta);
    const rec = new TraceRecorder(p.trace, steps, x0.shape[0]);
    let x = x0;
    let v = tf.randomNormal(x0.shape, 0, 1 / Math.sqrt(beta), 'float32', rng.seed()) as Tensor2D;
    let g = energyGrad(energy, x);
    for (let k = 0; k < steps; k++) {
      v = tf.sub(v, tf.mul(g, h / 2)) as Tensor2D; // B
      x = tf.add(x, tf.mul(v, h / 2)) as Tensor2D; // A
      const xi = tf.randomNormal(x.shape, 0, noiseStd, 'float32', rng.seed());
      v = tf.add(tf.mul(v, c), xi) as Tensor2D; // O
      x = tf.add(x, tf.mul(v, h / 2)) as Tensor2D; // A
      [x, v] = reflect(x, v, box.min, box.max);
      g = energyGrad(energy, x);
      v = tf.sub(v, tf.mul(g, h / 2)) as Tensor2D; // B
      rec.record(k, x);
    }
    const trace = rec.finish();
    return trace ? { x, acceptRate: null, trace } : { x, acceptRate: null };
  },
};

export const registration: SamplerRegistration = {
  id: 'underdamped',
  create: () => underdamped,
};
