// Recovery: what the model says about one coordinate when the other is known, and how it
// pulls a corrupted point back. With the clamp x_a = c (axis a, free coordinate t):
//  (a) exact conditional on the line, p(t | x_a = c) = exp(−βE(c, t)) / Z_c with
//      Z_c = ∫ exp(−βE(c, t)) dt over the box, by the midpoint rule on G cell centres
//      t_k = min + (k + ½)h, h = (max − min)/G (log-sum-exp in float64, as density/partition.ts);
//      mean = Σ p_k t_k h, variance = Σ p_k (t_k − mean)² h.
//  (b) conditional MALA: the chain lives on t alone, U(t) = βE(c, t), with
//      t* = t − (ε/2)∂_tU + √ε z, log α = U(t) − U(t*) + log q(t|t*) − log q(t*|t), and the
//      point (c, t) is assembled by concatenation, so x_a equals c exactly at every step.
//      Its stationary law is (a) restricted to the box; proposals outside it are rejected.
//  (c) denoising: unadjusted Langevin x ← x − (ε/2)β∇E + √ε z at low temperature (large
//      β), i.e. noisy gradient descent on E with effective rate εβ/2 (stable while
//      εβ/2·λ_max(∇²E) < 2) that settles within ~1/√β of a nearby minimum; optionally clamped.
import type { Box } from './box';
import { energyAndGrad, energyGrad, type EnergyFn } from './energy';
import type { Rng } from './rng';
import { addAccept, finish, inBox, iterate, mhAccept, select } from './samplers/mh';
import { TraceRecorder } from './samplers/trace';
import type { Sampler, SamplerParams, SamplerResult } from './samplers/types';
import { tf, type Tensor1D, type Tensor2D } from './tf';

/** Hold coordinate `axis` (0 = x, 1 = y) at `value`. */
export interface Clamp {
  axis: 0 | 1;
  value: number;
}

export interface LineDensity {
  /** Free coordinate at the G cell centres. */
  t: Float64Array;
  /** p(t_k | x_a = c), normalised on the box: Σ p_k h = 1. */
  density: Float64Array;
  /** log Z_c (NaN if an energy is NaN). */
  logZ: number;
  mean: number;
  variance: number;
}

/** The G points (c, t_k) or (t_k, c) as a flat [G, 2] array, t_k the cell centres. */
export function linePoints(clamp: Clamp, G: number, box: Box): Float32Array {
  const h = (box.max - box.min) / G;
  const out = new Float32Array(2 * G);
  for (let k = 0; k < G; k++) {
    out[2 * k + clamp.axis] = clamp.value;
    out[2 * k + 1 - clamp.axis] = box.min + (k + 0.5) * h;
  }
  return out;
}

/** (a) p(t | x_a = c) from the G energies at linePoints (same order). */
export function conditionalDensity(energies: ArrayLike<number>, box: Box, beta = 1): LineDensity {
  const G = energies.length;
  const h = (box.max - box.min) / G;
  const t = Float64Array.from({ length: G }, (_, k) => box.min + (k + 0.5) * h);
  let m = -Infinity;
  for (let k = 0; k < G; k++) m = Math.max(m, -beta * energies[k]);
  const density = new Float64Array(G);
  let s = 0;
  for (let k = 0; k < G; k++) s += density[k] = Math.exp(-beta * energies[k] - m);
  const logZ = m + Math.log(s * h);
  let mean = 0;
  for (let k = 0; k < G; k++) {
    density[k] /= s * h;
    mean += density[k] * t[k] * h;
  }
  let variance = 0;
  for (let k = 0; k < G; k++) variance += density[k] * (t[k] - mean) ** 2 * h;
  return { t, density, logZ, mean, variance };
}

/** (a) Evaluates E on the line (one readback) and normalises it. */
export function conditionalOnLine(
  energy: EnergyFn,
  clamp: Clamp,
  G: number,
  box: Box,
  beta = 1,
): LineDensity {
  const e = tf.tidy(() => energy(tf.tensor2d(linePoints(clamp, G, box), [G, 2])));
  const v = e.dataSync();
  e.dispose();
  return conditionalDensity(v, box, beta);
}

/** The points (c, t) or (t, c) from the free column t [N, 1]. */
function assemble(t: Tensor2D, clamp: Clamp): Tensor2D {
  const c = tf.fill([t.shape[0], 1], clamp.value);
  return tf.concat(clamp.axis === 0 ? [c, t] : [t, c], 1) as Tensor2D;
}

/** (b) MALA on the free coordinate only, x_a = c throughout. Call inside tf.tidy. */
export function clampedMala(
  energy: EnergyFn,
  x0: Tensor2D,
  steps: number,
  p: SamplerParams & Readonly<Record<'malaStep', number>>,
  rng: Rng,
  clamp: Clamp,
): SamplerResult {
  const free = 1 - clamp.axis;
  const t0 = tf.slice(x0, [0, free], [-1, 1]) as Tensor2D;
  if (steps <= 0) return { x: assemble(t0, clamp), acceptRate: null };
  const U: EnergyFn = (t) => energy(assemble(t, clamp));
  const eps = p.malaStep;
  const h = 0.5 * eps * p.beta;
  const sq = (v: tf.Tensor): Tensor1D => tf.reshape(tf.square(v), [-1]) as Tensor1D;
  const rec = new TraceRecorder(p.trace, steps, x0.shape[0]);
  const s = iterate(
    () => ({ t: tf.clone(t0), ...energyAndGrad(U, t0), acc: tf.scalar(0) }),
    steps,
    ({ t, e, g, acc }, k) => {
      const z = tf.randomNormal(t.shape, 0, 1, 'float32', rng.seed());
      const tp = tf.add(tf.sub(t, tf.mul(g, h)), tf.mul(z, Math.sqrt(eps))) as Tensor2D;
      const { e: ep, g: gp } = energyAndGrad(U, tp);
      const logQfwd = tf.mul(sq(z), -0.5);
      const logQrev = tf.div(sq(tf.sub(t, tf.sub(tp, tf.mul(gp, h)))), -2 * eps);
      const logAlpha = tf.add(tf.mul(tf.sub(ep, e), -p.beta), tf.sub(logQrev, logQfwd));
      const accept = mhAccept(logAlpha as Tensor1D, inBox(tp, p.box), rng.seed());
      const tn = select(accept, tp, t);
      if (rec.wants(k)) rec.record(k, assemble(tn, clamp), assemble(tp, clamp), accept);
      return {
        t: tn,
        e: select(accept, ep, e),
        g: select(accept, gp, g),
        acc: addAccept(acc, accept),
      };
    },
  );
  return finish({ x: assemble(s.t, clamp), acc: s.acc }, steps, [s.t, s.e, s.g], rec);
}

/** (b) The same as a Sampler, for code that takes one. */
export function clampedSampler(clamp: Clamp): Sampler<'malaStep'> {
  return {
    kind: 'mala-clamped',
    run: (energy, x0, steps, p, rng) => clampedMala(energy, x0, steps, p, rng, clamp),
  };
}

export interface DenoiseParams {
  /** Large β = low temperature: the path follows −∇E with little noise. */
  beta: number;
  stepSize: number;
  box: Box;
}

/**
 * (c) Langevin from `start` for `steps` steps; returns the path [steps + 1, 2], the start
 * first, owned by the caller's tidy. With a clamp, that coordinate is held at its value.
 */
export function denoise(
  energy: EnergyFn,
  start: [number, number],
  steps: number,
  p: DenoiseParams,
  rng: Rng,
  clamp?: Clamp,
): Tensor2D {
  const s0: [number, number] = [start[0], start[1]];
  if (clamp) s0[clamp.axis] = clamp.value;
  const mask = tf.tensor2d([[clamp?.axis === 0 ? 0 : 1, clamp?.axis === 1 ? 0 : 1]]);
  const rows: Tensor2D[] = [tf.tensor2d([s0])];
  for (let k = 0; k < steps; k++) {
    const x = rows[rows.length - 1];
    rows.push(
      tf.tidy(() => {
        const g = energyGrad(energy, x);
        const z = tf.randomNormal([1, 2], 0, Math.sqrt(p.stepSize), 'float32', rng.seed());
        // Masked entries add exactly 0, so a clamped coordinate keeps its value bit for bit.
        const step = tf.mul(tf.sub(z, tf.mul(g, 0.5 * p.stepSize * p.beta)), mask);
        return tf.clipByValue(tf.add(x, step), p.box.min, p.box.max) as Tensor2D;
      }),
    );
  }
  const path = tf.concat(rows, 0) as Tensor2D;
  tf.dispose([mask, ...rows]);
  return path;
}
