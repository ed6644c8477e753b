// Unadjusted Langevin dynamics on p ∝ exp(−βE):
//   x ← x − (ε/2) ∇ₓ(βE(x)) + N(0, ε I)
// the Euler–Maruyama discretisation of dx = −½∇(βE)dt + dW, whose stationary law is p.
// Without a Metropolis correction it is biased at finite ε (the bias shrinks with ε).
import { clampToBox } from '../box';
import { energyGrad } from '../energy';
import { tf, type Tensor2D } from '../tf';
import { TraceRecorder } from './trace';
import type { Sampler, SamplerRegistration } from './types';

export const langevin: Sampler<'langevinStep'> = {
  kind: 'langevin',
  run(energy, x0, steps, p, rng) {
    const eps = p.langevinStep;
    const noiseStd = Math.sqrt(eps);
    const rec = new TraceRecorder(p.trace, steps, x0.shape[0]);
    let x = x0;
    for (let k = 0; k < steps; k++) {
      const g = energyGrad(energy, x);
      const noise = tf.randomNormal(x.shape, 0, noiseStd, 'float32', rng.seed());
      x = clampToBox(tf.add(tf.sub(x, tf.mul(g, 0.5 * eps * p.beta)), noise) as Tensor2D, p.box);
      rec.record(k, x);
    }
    const trace = rec.finish();
    return trace ? { x, acceptRate: null, trace } : { x, acceptRate: null };
  },
};

export const registration: SamplerRegistration = { id: 'langevin', create: () => langevin };
