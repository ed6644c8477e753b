// One sampler run of K transitions, cut into pieces so the chains can be shown between them
// (issue 13, smooth frames: a training iteration's K = 20 Langevin steps take ~40 ms on wasm,
// longer than one picture at 30 frames/s). For a sampler whose transitions keep no state
// from one step to the next (each step draws its own noise, proposal and accept test), K
// steps run as k₁ + k₂ + … steps are the same Markov chain: the same kernel applied K times.
// Underdamped Langevin (its momentum runs through a whole run) and replica exchange (its
// swap parity and hot rungs) are left whole. The acceptance rate is the steps-weighted mean
// of the pieces', i.e. the mean over all K transitions, as one run would report it.
import { tf, type Tensor2D } from '../tf';
import type { Sampler, SamplerResult } from './types';

/** Samplers whose K-step run equals its pieces run one after the other. */
export const SPLITTABLE: ReadonlySet<string> = new Set(['langevin', 'mala', 'mh', 'hmc', 'gibbs']);

/**
 * `sampler`, run in pieces of at most pieceSteps() transitions with `between(x)` called on the
 * chains after each piece but the last (inside the caller's tidy: x is not kept). Traced
 * runs, and samplers outside SPLITTABLE, run whole.
 */
export function inPieces<K extends string>(
  sampler: Sampler<K>,
  pieceSteps: () => number,
  between: (x: Tensor2D) => void,
): Sampler<K> {
  if (!SPLITTABLE.has(sampler.kind)) return sampler;
  return {
    kind: sampler.kind,
    run(energy, x0, steps, p, rng): SamplerResult {
      const piece = Math.max(1, Math.floor(pieceSteps()));
      if (p.trace || steps <= piece) return sampler.run(energy, x0, steps, p, rng);
      let x = x0;
      let acc: tf.Scalar | null = null;
      for (let done = 0; done < steps;) {
        const k = Math.min(piece, steps - done);
        const r = sampler.run(energy, x, k, p, rng);
        x = r.x;
        if (r.acceptRate) {
          const w = tf.mul(r.acceptRate, k / steps) as tf.Scalar;
          acc = acc ? (tf.add(acc, w) as tf.Scalar) : w;
        }
        done += k;
        if (done < steps) between(x);
      }
      return { x, acceptRate: acc };
    },
  };
}
