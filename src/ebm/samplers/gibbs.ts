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
// The box B: the target is exp(−βF)·1_B, i.e. the joint restricted to v ∈ B. Its h | v is
// unchanged, and its v | h is the Gaussian truncated to B, drawn exactly by redrawing until
// the draw lands inside. With a fixed tensor shape there are TRIES draws; the first inside
// wins, and if none is inside v stays where it was. The chance of staying depends on h only,
// so the v-step is a mixture (weights fixed by h) of the exact truncated draw and the
// identity: both leave p(v | h)·1_B invariant, and the two-step kernel stays reversible
// w.r.t. π_β·1_B, so the acceptance above is still exact. (Clamping to B, as before, put an
// atom on the walls: +16 % variance at β = 0.5 for an RBM with 11 % of its mass outside.)
import type { Box } from '../box';
import { isRbm, type Rbm } from '../rbm';
import type { Rng } from '../rng';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { addAccept, finish, inBox, iterate, mhAccept, select } from './mh';
import { TraceRecorder } from './trace';
import type { Sampler, SamplerRegistration } from './types';

/** Draws of v | h per step; P(all outside) = P(one outside)^TRIES. */
const TRIES = 4;

/** v ~ p_β(v | h) truncated to the box: the first of TRIES draws inside, else `x` (per row). */
export function sampleVisibleInBox(
  rbm: Rbm,
  h: Tensor2D,
  x: Tensor2D,
  box: Box,
  beta: number,
  rng: Rng,
): Tensor2D {
  const mean = rbm.visibleMean(h);
  const std = rbm.visibleStd(beta);
  const draws = Array.from(
    { length: TRIES },
    () => tf.add(mean, tf.randomNormal(mean.shape, 0, std, 'float32', rng.seed())) as Tensor2D,
  );
  // Folded from the last draw back, so the earliest draw inside the box wins.
  return draws.reduceRight((acc, d) => select(inBox(d, box), d, acc), x);
}

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
            const xn = sampleVisibleInBox(rbm, h, x, p.box, 1, rng);
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
          const xp = sampleVisibleInBox(rbm, h, x, p.box, beta, rng);
          const logAlpha = tf.sub(
            logRatio(rbm.hiddenField(xp), beta),
            logRatio(rbm.hiddenField(x), beta),
          ) as Tensor1D;
          const accept = mhAccept(logAlpha, null, rng.seed());
          const xn = select(accept, xp, x);
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
