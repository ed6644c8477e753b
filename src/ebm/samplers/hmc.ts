// Hamiltonian Monte Carlo on π(x) ∝ exp(−U(x)), U = βE, restricted to the box.
// Each transition: p ~ N(0, I); L leapfrog steps of size ε on H(x, p) = U(x) + ½‖p‖²;
// accept with min(1, exp(H₀ − H_L)). Leapfrog is volume-preserving and reversible (negate p),
// so this is exact MH; its energy error is O(ε²), which is what acceptance pays for.
// Only the final position must lie in the box (the trajectory may leave it): π·1_box is the
// target, and the accept test sees the end point only.
import { energyAndGrad, energyGrad, type EnergyFn } from '../energy';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { addAccept, finish, inBox, iterate, mhAccept, select } from './mh';
import { TraceRecorder } from './trace';
import type { Sampler, SamplerRegistration } from './types';

export interface LeapfrogResult {
  x: Tensor2D;
  p: Tensor2D;
  /** E (not βE) at the final x, and ∇ₓE there: HMC reuses both. */
  e: Tensor1D;
  g: Tensor2D;
  /** [L + 1, 2]: positions of chain 0 (start included), when asked for; else null. */
  path: Tensor2D | null;
}

/**
 * L leapfrog steps (kick ½ε, then L × (drift ε, kick ε) with the last kick halved):
 *   p ← p − (ε/2)∇U(x);  x ← x + ε p;  p ← p − ε∇U(x) … ;  final kick ε/2.
 * `g0` is ∇ₓE at x when the caller already has it. Pure tensor code; call inside tf.tidy.
 */
export function leapfrog(
  energy: EnergyFn,
  x0: Tensor2D,
  p0: Tensor2D,
  eps: number,
  L: number,
  beta: number,
  opts: { g0?: Tensor2D; path?: boolean } = {},
): LeapfrogResult {
  const n = Math.max(1, Math.round(L));
  const rows: tf.Tensor[] = [];
  // Path rows escape the per-step tidies with tf.keep; concatenated and freed at the end.
  const record = (x: Tensor2D): void => {
    if (opts.path) rows.push(tf.keep(tf.slice(x, [0, 0], [1, 2])));
  };
  record(x0);
  const s = iterate(
    () => {
      const g = opts.g0 ? tf.clone(opts.g0) : energyGrad(energy, x0);
      const p = tf.sub(p0, tf.mul(g, 0.5 * eps * beta)) as Tensor2D;
      // e stays a placeholder until the last step: only the end point's energy is needed.
      return { x: tf.clone(x0), p, e: tf.zeros([1]) as Tensor1D, g };
    },
    n,
    ({ x, p }, k) => {
      const last = k === n - 1;
      const xn = tf.add(x, tf.mul(p, eps)) as Tensor2D;
      record(xn);
      const { e, g } = last
        ? energyAndGrad(energy, xn)
        : { e: tf.zeros([1]) as Tensor1D, g: energyGrad(energy, xn) };
      const pn = tf.sub(p, tf.mul(g, (last ? 0.5 : 1) * eps * beta)) as Tensor2D;
      return { x: xn, p: pn, e, g };
    },
  );
  const path = opts.path ? (tf.concat(rows, 0) as Tensor2D) : null;
  tf.dispose(rows);
  return { ...s, path };
}

/** Positions of chain 0 along one leapfrog trajectory, as [L + 1, 2] (for the UI trail). */
export function leapfrogPath(
  ...args: [energy: EnergyFn, x0: Tensor2D, p0: Tensor2D, eps: number, L: number, beta: number]
): Tensor2D {
  const r = leapfrog(...args, { path: true });
  tf.dispose([r.x, r.p, r.e, r.g]);
  return r.path as Tensor2D;
}

/** H = βE + ½‖p‖² per chain. */
const hamiltonian = (e: Tensor1D, p: Tensor2D, beta: number): Tensor1D =>
  tf.add(tf.mul(e, beta), tf.mul(tf.sum(tf.square(p), 1), 0.5)) as Tensor1D;

export const hmc: Sampler<'hmcStep' | 'leapfrogSteps'> = {
  kind: 'hmc',
  run(energy: EnergyFn, x0, steps, prm, rng) {
    if (steps <= 0) return { x: tf.clone(x0), acceptRate: null };
    const { hmcStep: eps, beta } = prm;
    const rec = new TraceRecorder(prm.trace, steps, x0.shape[0]);
    const s = iterate(
      () => ({ x: tf.clone(x0), ...energyAndGrad(energy, x0), acc: tf.scalar(0) }),
      steps,
      ({ x, e, g, acc }, k) => {
        const p = tf.randomNormal(x.shape, 0, 1, 'float32', rng.seed()) as Tensor2D;
        const path = rec.isLast(k);
        const end = leapfrog(energy, x, p, eps, prm.leapfrogSteps, beta, { g0: g, path });
        rec.setLeapfrog(end.path);
        const logAlpha = tf.sub(hamiltonian(e, p, beta), hamiltonian(end.e, end.p, beta));
        const accept = mhAccept(logAlpha as Tensor1D, inBox(end.x, prm.box), rng.seed());
        const xn = select(accept, end.x, x);
        rec.record(k, xn, end.x, accept);
        return {
          x: xn,
          e: select(accept, end.e, e),
          g: select(accept, end.g, g),
          acc: addAccept(acc, accept),
        };
      },
    );
    return finish(s, steps, [s.e, s.g], rec);
  },
};

export const registration: SamplerRegistration = { id: 'hmc', create: () => hmc };
