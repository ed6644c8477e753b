// Unadjusted Langevin dynamics on p ∝ exp(−U)·1_B, U = βE, B the box:
//   x ← R_B( x − (ε/2) ∇ₓU(x) + N(0, ε I) )
// the Euler–Maruyama discretisation of dx = −½∇U dt + dW, whose stationary law is exp(−U).
// Without a Metropolis correction it is biased at finite ε (the bias shrinks with ε).
// Walls: R_B reflects (x → 2·max − x, folded until inside; box.ts), it does not clamp. As
// ε → 0 this is the diffusion reflected at ∂B, whose density solves ∂ₜρ = ∇·J with flux
// J = ½(∇ρ + ρ∇U) and zero normal flux n·J = 0 on ∂B. ρ ∝ exp(−U)·1_B has J ≡ 0, so it meets
// the boundary condition and is stationary: the box-restricted density is the reflected
// diffusion's stationary law. At finite ε, with E flat, the folded Gaussian step is exactly
// reversible w.r.t. the uniform law on B (its kernel is a sum over mirror images, symmetric
// in x and y), so the walls add no atom; with a gradient the usual O(ε) Langevin bias remains,
// largest in a layer ~√ε wide along the walls. Clamping instead moves every overshoot onto
// the wall itself: an atom (+46 % mass in the edge strip, measured).
import { reflectIntoBox } from '../box';
import { energyGrad } from '../energy';
import { fusedStepFor } from '../fused/path';
import { tf, type Tensor2D } from '../tf';
import { iterate } from './mh';
import { TraceRecorder } from './trace';
import type { Sampler, SamplerRegistration } from './types';

export const langevin: Sampler<'langevinStep'> = {
  kind: 'langevin',
  run(energy, x0, steps, p, rng) {
    const eps = p.langevinStep;
    const noiseStd = Math.sqrt(eps);
    const rec = new TraceRecorder(p.trace, steps, x0.shape[0]);
    // The same update as one hand-written program per step where it applies (fused/path.ts).
    const fused = fusedStepFor(energy, p);
    const s = iterate(
      () => ({ x: tf.clone(x0) }),
      steps,
      ({ x }, k) => {
        const noise = tf.randomNormal(x.shape, 0, noiseStd, 'float32', rng.seed()) as Tensor2D;
        const xn = fused ? fused(x, noise) : opsStep(x, noise);
        rec.record(k, xn);
        return { x: xn };
      },
    );
    function opsStep(x: Tensor2D, noise: Tensor2D): Tensor2D {
      const g = energyGrad(energy, x);
      const moved = tf.add(tf.sub(x, tf.mul(g, 0.5 * eps * p.beta)), noise) as Tensor2D;
      return reflectIntoBox(moved, p.box);
    }
    const trace = rec.finish();
    return trace ? { x: s.x, acceptRate: null, trace } : { x: s.x, acceptRate: null };
  },
};

export const registration: SamplerRegistration = { id: 'langevin', create: () => langevin };
