// Metropolis–Hastings: the accept/reject step shared by MALA and HMC, and the random-walk
// sampler itself. Target π(x) ∝ exp(−βE(x)) restricted to the box.
//   Random walk: x* = x + s·N(0, I) (symmetric q), α = min(1, exp(−β(E(x*) − E(x)))).
// A proposal outside the box is rejected, not clamped: the box is then just the support of
// π, and detailed balance holds on it (clamping would pile mass on the edges).
import type { Box } from '../box';
import type { EnergyFn } from '../energy';
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import { TraceRecorder } from './trace';
import type { Sampler, SamplerRegistration, SamplerTrace } from './types';

/** Chain state carried from step to step: a flat record of tensors. */
export type ChainState = Record<string, Tensor>;

/**
 * Runs `steps` updates, each in its own tf.tidy so intermediates die every step (thousands of
 * chains × hundreds of steps would otherwise pile up in the caller's scope). The previous
 * state is disposed except tensors the step passed through unchanged. The final state is
 * tracked by the caller's scope.
 */
export function iterate<S extends ChainState>(
  init: () => S,
  steps: number,
  step: (s: S, k: number) => S,
): S {
  let s = tf.tidy(init as () => tf.TensorContainer) as S;
  for (let k = 0; k < steps; k++) {
    const prev = s;
    s = tf.tidy(() => step(prev, k) as tf.TensorContainer) as S;
    const kept = new Set(Object.values(s).map((t) => t.id));
    Object.values(prev).forEach((t) => kept.has(t.id) || t.dispose());
  }
  return s;
}

/** bool [N]: the row lies in the closed box (both coordinates). */
export function inBox(x: Tensor2D, box: Box): Tensor1D {
  const ok = tf.logicalAnd(tf.greaterEqual(x, box.min), tf.lessEqual(x, box.max));
  return tf.all(ok, 1) as Tensor1D;
}

/**
 * bool [N]: accept where log u < log α with u ~ U(0, 1) (⇔ u < min(1, α)), and only for
 * proposals in the box (`ok`; null = no constraint). A NaN log α compares false, so a non-finite energy rejects.
 */
export function mhAccept(logAlpha: Tensor1D, ok: Tensor1D | null, seed: number): Tensor1D {
  const u = tf.randomUniform(logAlpha.shape, 0, 1, 'float32', seed);
  const pass = tf.less(tf.log(u), logAlpha) as Tensor1D;
  return ok ? (tf.logicalAnd(ok, pass) as Tensor1D) : pass;
}

/** Per-chain select: rows of `a` where accept, rows of `b` elsewhere (any trailing shape). */
export function select<T extends Tensor>(accept: Tensor1D, a: T, b: T): T {
  const cond = a.rank > 1 ? tf.reshape(accept, [-1, ...a.shape.slice(1).map(() => 1)]) : accept;
  return tf.where(cond, a, b);
}

/** Running sum of per-step acceptance fractions: acc + mean(accept). */
export function addAccept(acc: tf.Scalar, accept: Tensor1D): tf.Scalar {
  return tf.add(acc, tf.mean(tf.cast(accept, 'float32')));
}

/** The result of an accept/reject run: mean acceptance over steps and chains. */
export function finish(
  s: { x: Tensor2D; acc: tf.Scalar },
  steps: number,
  rest: Tensor[],
  rec?: TraceRecorder,
): { x: Tensor2D; acceptRate: tf.Scalar; trace?: SamplerTrace } {
  const acceptRate = tf.div(s.acc, steps) as tf.Scalar;
  tf.dispose([s.acc, ...rest]);
  const trace = rec?.finish();
  return trace ? { x: s.x, acceptRate, trace } : { x: s.x, acceptRate };
}

export const mh: Sampler<'mhScale'> = {
  kind: 'mh',
  run(energy: EnergyFn, x0, steps, p, rng) {
    if (steps <= 0) return { x: tf.clone(x0), acceptRate: null };
    const rec = new TraceRecorder(p.trace, steps, x0.shape[0]);
    const s = iterate(
      () => ({ x: tf.clone(x0), e: energy(x0), acc: tf.scalar(0) }),
      steps,
      ({ x, e, acc }, k) => {
        const z = tf.randomNormal(x.shape, 0, p.mhScale, 'float32', rng.seed());
        const xp = tf.add(x, z) as Tensor2D;
        const ep = energy(xp);
        // Symmetric proposal: the q terms cancel, log α = −β ΔE.
        const logAlpha = tf.mul(tf.sub(ep, e), -p.beta) as Tensor1D;
        const accept = mhAccept(logAlpha, inBox(xp, p.box), rng.seed());
        const xn = select(accept, xp, x);
        rec.record(k, xn, xp, accept);
        return { x: xn, e: select(accept, ep, e), acc: addAccept(acc, accept) };
      },
    );
    return finish(s, steps, [s.e], rec);
  },
};

export const registration: SamplerRegistration = { id: 'mh', create: () => mh };
