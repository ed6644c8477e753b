// Test-only: analytic 2D targets and a driver that runs many chains and collects moments.
import { uniformInBox, type Box } from '../box';
import type { EnergyFn } from '../energy';
import type { Rbm } from '../rbm';
import { makeRng } from '../rng';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import type { Sampler, SamplerParams } from './types';

export type Vec2 = [number, number];
export type Mat2 = [Vec2, Vec2];

/** E(x) = ½(x − μ)ᵀΣ⁻¹(x − μ): exp(−E) is N(μ, Σ). (matMul form: unstack is slow on cpu.) */
export function gaussianEnergy(mu: Vec2, cov: Mat2): EnergyFn {
  const [[a, b], [, d]] = cov;
  const det = a * d - b * b;
  const prec = [
    [d / det, -b / det],
    [-b / det, a / det],
  ];
  return (x) => {
    const dx = tf.sub(x, tf.tensor1d(mu)) as Tensor2D;
    return tf.mul(tf.sum(tf.mul(tf.matMul(dx, tf.tensor2d(prec)), dx), 1), 0.5) as Tensor1D;
  };
}

/**
 * Two isotropic components, common std s: E = −log(w₁N(x; μ₁, s²I) + w₂N(x; μ₂, s²I)) + const.
 * With aₖ = ‖x − μₖ‖²/(2s²) − log wₖ, E = −log(e^{−a₁} + e^{−a₂}) = a₁ − softplus(a₁ − a₂)
 * (cheaper than logSumExp on the cpu backend, and stable).
 */
export function mixture2(w: Vec2, m1: Vec2, m2: Vec2, s: number): EnergyFn {
  const a = (x: Tensor2D, m: Vec2, wk: number): tf.Tensor =>
    tf.sub(tf.div(tf.sum(tf.square(tf.sub(x, m)), 1), 2 * s * s), Math.log(wk));
  return (x) => {
    const a1 = a(x, m1, w[0]);
    return tf.sub(a1, tf.softplus(tf.sub(a1, a(x, m2, w[1])))) as Tensor1D;
  };
}

/** Responsibility of component 1 at (x, y): its mean under the mixture is exactly w₁. */
export function responsibility1(w: Vec2, m1: Vec2, m2: Vec2, s: number) {
  return (x: number, y: number): number => {
    const a = (m: Vec2, wk: number) =>
      ((x - m[0]) ** 2 + (y - m[1]) ** 2) / (2 * s * s) - Math.log(wk);
    return 1 / (1 + Math.exp(a(m1, w[0]) - a(m2, w[1])));
  };
}

export interface RunOpts {
  chains: number;
  burn: number;
  thin: number;
  snapshots: number;
  seed: number;
  /** Initial chains; default uniform in params.box. */
  init?: () => Tensor2D;
  /** A statistic f(x, y) whose sample mean is reported as `stat`. */
  stat?: (x: number, y: number) => number;
}

export interface Moments {
  mean: Vec2;
  cov: Mat2;
  /** Sample mean of opts.stat (NaN without one). */
  stat: number;
  acceptRate: number | null;
}

/** Burn in, then take `snapshots` snapshots `thin` steps apart; pool their moments. */
export function runMoments(sampler: Sampler, energy: EnergyFn, p: TestParams, o: RunOpts): Moments {
  const rng = makeRng(o.seed);
  let x = o.init ? o.init() : uniformInBox(o.chains, p.box, rng.seed());
  let rateSum = 0;
  let rateN = 0;
  const advance = (steps: number): void => {
    const r = tf.tidy(() => {
      const out = sampler.run(energy, x, steps, p, rng);
      return { x: out.x, rate: out.acceptRate ?? tf.scalar(NaN) };
    });
    x.dispose();
    x = r.x;
    const rate = r.rate.dataSync()[0];
    r.rate.dispose();
    if (!Number.isNaN(rate)) {
      rateSum += rate;
      rateN++;
    }
  };
  advance(o.burn);
  const s = [0, 0, 0, 0, 0]; // Σx, Σy, Σx², Σxy, Σy²
  let n = 0;
  let st = 0;
  for (let k = 0; k < o.snapshots; k++) {
    advance(o.thin);
    const v = x.dataSync();
    for (let i = 0; i < v.length; i += 2) {
      const [a, b] = [v[i], v[i + 1]];
      s[0] += a;
      s[1] += b;
      s[2] += a * a;
      s[3] += a * b;
      s[4] += b * b;
      if (o.stat) st += o.stat(a, b);
    }
    n += v.length / 2;
  }
  x.dispose();
  const mx = s[0] / n;
  const my = s[1] / n;
  const cxy = s[3] / n - mx * my;
  return {
    mean: [mx, my],
    cov: [
      [s[2] / n - mx * mx, cxy],
      [cxy, s[4] / n - my * my],
    ],
    stat: o.stat ? st / n : NaN,
    acceptRate: rateN > 0 ? rateSum / rateN : null,
  };
}

export const bigBox: Box = { min: -10, max: 10 };

/** Every sampler's own parameters at once (each reads only its own). */
export type TestParams = SamplerParams &
  Record<
    'langevinStep' | 'malaStep' | 'mhScale' | 'hmcStep' | 'replicaStep' | 'leapfrogSteps',
    number
  >;

/** Test shorthand: `step` sets every sampler's step (ε, s or the leapfrog ε). */
export function params(
  over: Partial<SamplerParams> & { step?: number; leapfrogSteps?: number },
): TestParams {
  const { step = 0.1, leapfrogSteps = 10, ...rest } = over;
  return {
    beta: 1,
    box: bigBox,
    langevinStep: step,
    malaStep: step,
    mhScale: step,
    hmcStep: step,
    replicaStep: step,
    leapfrogSteps,
    ...rest,
  };
}

/** Sets an RBM's parameters (W given as [2][H]). */
export function setRbm(rbm: Rbm, W: number[][], b: number[], c: number[]): void {
  rbm.W.assign(tf.tensor2d(W));
  rbm.b.assign(tf.tensor1d(b));
  rbm.c.assign(tf.tensor1d(c));
}

/**
 * Exact moments (data units) of the RBM marginal at β = 1, a mixture over all h of
 * N((b + σWh)/s, (σ/s)²I) with weights ∝ exp(cᵀh + bᵀWh/σ + ½‖Wh‖²) (complete the square).
 */
export function rbmMoments(W: number[][], b: number[], c: number[], sigma: number, s: number) {
  const H = c.length;
  const comps = Array.from({ length: 2 ** H }, (_, k) => {
    const h = Array.from({ length: H }, (_, j) => (k >> j) & 1);
    const Wh = [0, 1].map((i) => h.reduce((acc, hj, j) => acc + W[i][j] * hj, 0));
    const logw =
      h.reduce((acc, hj, j) => acc + c[j] * hj, 0) +
      (b[0] * Wh[0] + b[1] * Wh[1]) / sigma +
      0.5 * (Wh[0] ** 2 + Wh[1] ** 2);
    return { logw, mu: [0, 1].map((i) => (b[i] + sigma * Wh[i]) / s) };
  });
  const top = Math.max(...comps.map((q) => q.logw));
  const z = comps.reduce((acc, q) => acc + Math.exp(q.logw - top), 0);
  const v = (sigma / s) ** 2;
  const mean = [0, 0];
  const m2 = [0, 0, 0]; // E[x²], E[xy], E[y²]
  for (const q of comps) {
    const w = Math.exp(q.logw - top) / z;
    mean[0] += w * q.mu[0];
    mean[1] += w * q.mu[1];
    m2[0] += w * (v + q.mu[0] ** 2);
    m2[1] += w * q.mu[0] * q.mu[1];
    m2[2] += w * (v + q.mu[1] ** 2);
  }
  const cxy = m2[1] - mean[0] * mean[1];
  return {
    mean: mean as Vec2,
    cov: [
      [m2[0] - mean[0] ** 2, cxy],
      [cxy, m2[2] - mean[1] ** 2],
    ] as Mat2,
  };
}

/** Moments of exp(−U) by quadrature on an n × n grid over the box; U gets [N, 2] → [N]. */
export function gridMoments(U: (x: Tensor2D) => tf.Tensor, box: Box, n = 321) {
  const h = (box.max - box.min) / (n - 1);
  const pts = new Float32Array(n * n * 2);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) pts.set([box.min + i * h, box.min + j * h], 2 * (i * n + j));
  const u = tf.tidy(() => U(tf.tensor2d(pts, [n * n, 2]))).dataSync() as Float32Array;
  const umin = u.reduce((a, b) => Math.min(a, b), Infinity);
  const s = [0, 0, 0, 0, 0, 0]; // Σw, Σwx, Σwy, Σwx², Σwxy, Σwy²
  for (let k = 0; k < n * n; k++) {
    const [x, y, w] = [pts[2 * k], pts[2 * k + 1], Math.exp(umin - u[k])];
    [w, w * x, w * y, w * x * x, w * x * y, w * y * y].forEach((t, i) => (s[i] += t));
  }
  const [mx, my] = [s[1] / s[0], s[2] / s[0]];
  const cxy = s[4] / s[0] - mx * my;
  return {
    mean: [mx, my] as Vec2,
    cov: [
      [s[3] / s[0] - mx * mx, cxy],
      [cxy, s[5] / s[0] - my * my],
    ] as Mat2,
  };
}
