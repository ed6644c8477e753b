// Blocked Gibbs for the Gaussian–Bernoulli RBM: every chain draws all hidden units at once,
// h ~ p(h | v), then both visibles, v ~ p(v | h) (see rbm.ts). Conditionals are exact, so at
// β = 1 every step is accepted and no rate is reported.
// Temperature: the target, as for every sampler, is exp(−βF(v)). Tempering the conditionals
// (rbm.ts: sigmoid(βa), variance σ²/β) samples the tempered joint exp(−βE(v, h)), whose
// v-marginal π_β(v) ∝ exp(−β‖v − b‖²/2σ²)·Πⱼ(1 + e^{βaⱼ(v)}) differs from exp(−βF) when β ≠ 1.
// That two-step kernel K is reversible w.r.t. π_β, so using it as a Metropolis–Hastings
// proposal for exp(−βF) gives the acceptance
//   log α = r(v*) − r(v),   r(v) = log exp(−βF(v)) − log π_β(v) = β Σ softplus(a) − Σ softplus(βa),
// which is exact for any β (r ≡ 0 at β = 1). Only then (β ≠ 1) is an acceptance rate returned.
// Chains are clamped to the box after each step (as Langevin does): v | h is unbounded.
import { clampToBox } from '../box';
import { isRbm, type Rbm } from '../rbm';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { addAccept, finish, iterate, mhAccept, select } from './mh';
import { TraceRecorder } from './trace';
import type { Sampler, SamplerRegistration } from './types';

/** A Sampler that runs on `rbm` and ignores the energy function it is handed. */
export function makeGibbsSampler(rbm: Rbm): Sampler {
  // r(x) = β Σ softplus(a) − Σ softplus(βa) from the hidden field a = a(x), [N, H] → [N].
  const logRatio = (a: Tensor2D, beta: number): Tensor1D =>
    tf.sub(
      tf.mul(tf.sum(tf.softplus(a), 1), beta),
      tf.sum(tf.softplus(tf.mul(a, beta)), 1),
    ) as Tensor1D;

  return {
    kind: 'gibbs',
    run(_energy, x0, steps, p, rng) {
      if (steps <= 0) return { x: tf.clone(x0), acceptRate: null };
      const beta = p.beta;
      const rec = new TraceRecorder(p.trace, steps, x0.shape[0]);
      if (beta === 1) {
        const s = iterate(
          () => ({ x: tf.clone(x0) }),
          steps,
          ({ x }, k) => {
            const h = rbm.sampleHidden(x, rng.seed());
            const xn = clampToBox(rbm.sampleVisible(h, rng.seed()), p.box);
            rec.record(k, xn);
            return { x: xn };
          },
        );
        const trace = rec.finish();
        return trace ? { x: s.x, acceptRate: null, trace } : { x: s.x, acceptRate: null };
      }
      const s = iterate(
        () => ({ x: tf.clone(x0), acc: tf.scalar(0) }),
        steps,
        ({ x, acc }, k) => {
          const h = rbm.sampleHidden(x, rng.seed(), beta);
          const xp = rbm.sampleVisible(h, rng.seed(), beta);
          const logAlpha = tf.sub(
            logRatio(rbm.hiddenField(xp), beta),
            logRatio(rbm.hiddenField(x), beta),
          ) as Tensor1D;
          const accept = mhAccept(logAlpha, null, rng.seed());
          const xn = clampToBox(select(accept, xp, x), p.box);
          rec.record(k, xn, xp, accept);
          return { x: xn, acc: addAccept(acc, accept) };
        },
      );
      return finish(s, steps, [], rec);
    },
  };
}

export const registration: SamplerRegistration = {
  id: 'gibbs',
  create({ model }) {
    if (!isRbm(model)) throw new Error('The Gibbs sampler needs an RBM model');
    return makeGibbsSampler(model);
  },
};
