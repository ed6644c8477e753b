// Metropolis-adjusted Langevin (MALA) on π(x) ∝ exp(−U(x)), U = βE, restricted to the box.
// Proposal: the Langevin step x* = m(x) + √ε·z, m(x) = x − (ε/2)∇U(x), z ~ N(0, I), so
//   q(x*|x) ∝ exp(−‖x* − m(x)‖² / (2ε))            (not symmetric: m depends on x)
//   log α = −U(x*) + U(x) + log q(x|x*) − log q(x*|x).
// The correction removes the O(ε) bias of unadjusted Langevin at any step size; large steps
// only cost acceptance. Out-of-box proposals are rejected (see mh.ts).
import { energyAndGrad, type EnergyFn } from '../energy';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { addAccept, finish, inBox, iterate, mhAccept, select } from './mh';
import { TraceRecorder } from './trace';
import type { Sampler, SamplerRegistration } from './types';

/** Squared norm of each row: [N, 2] → [N]. */
const sqNorm = (v: tf.Tensor): Tensor1D => tf.sum(tf.square(v), 1) as Tensor1D;

export const mala: Sampler<'malaStep'> = {
  kind: 'mala',
  run(energy: EnergyFn, x0, steps, p, rng) {
    if (steps <= 0) return { x: tf.clone(x0), acceptRate: null };
    const eps = p.malaStep;
    const h = 0.5 * eps * p.beta; // the drift factor: (ε/2)∇U = (εβ/2)∇E
    const rec = new TraceRecorder(p.trace, steps, x0.shape[0]);
    const s = iterate(
      () => ({ x: tf.clone(x0), ...energyAndGrad(energy, x0), acc: tf.scalar(0) }),
      steps,
      ({ x, e, g, acc }, k) => {
        const z = tf.randomNormal(x.shape, 0, 1, 'float32', rng.seed());
        const xp = tf.add(tf.sub(x, tf.mul(g, h)), tf.mul(z, Math.sqrt(eps))) as Tensor2D;
        const { e: ep, g: gp } = energyAndGrad(energy, xp);
        // log q(x*|x) = −‖√ε z‖²/(2ε) = −‖z‖²/2;  log q(x|x*) = −‖x − m(x*)‖²/(2ε).
        const logQfwd = tf.mul(sqNorm(z), -0.5);
        const logQrev = tf.div(sqNorm(tf.sub(x, tf.sub(xp, tf.mul(gp, h)))), -2 * eps);
        const logAlpha = tf.add(
          tf.mul(tf.sub(ep, e), -p.beta),
          tf.sub(logQrev, logQfwd),
        ) as Tensor1D;
        const accept = mhAccept(logAlpha, inBox(xp, p.box), rng.seed());
        const xn = select(accept, xp, x);
        rec.record(k, xn, xp, accept);
        return {
          x: xn,
          e: select(accept, ep, e),
          g: select(accept, gp, g),
          acc: addAccept(acc, accept),
        };
      },
    );
    return finish(s, steps, [s.e, s.g], rec);
  },
};

export const registration: SamplerRegistration = { id: 'mala', create: () => mala };
