// Every gradient/MH sampler reproduces a correlated 2D Gaussian N(μ, Σ): E = ½(x−μ)ᵀΣ⁻¹(x−μ).
// 2000 chains from U[−3, 3]², burn-in, then 40 pooled snapshots a few steps apart.
// Tolerances: |mean − μ| < 0.05 per coordinate (5 % of a unit std); variances within 5 %
// relative; covariance |Ĉ₁₂ − Σ₁₂| < 0.05·√(Σ₁₁Σ₂₂). Unadjusted Langevin at ε = 0.04 has
// a predicted bias of +0.7 % / +2.6 % along Σ's eigenvectors (variance 1/(a(1 − εa/4))).
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import { hmc } from './hmc';
import { langevin } from './langevin';
import { mala } from './mala';
import { mh } from './mh';
import {
  gaussianEnergy,
  params,
  runMoments,
  type Mat2,
  type Vec2,
  type TestParams,
} from './testEnergies';
import type { Sampler } from './types';

const MU: Vec2 = [1, -0.5];
const SIGMA: Mat2 = [
  [1, 0.5],
  [0.5, 0.8],
];
const energy = gaussianEnergy(MU, SIGMA);
const init = (): Tensor2D => tf.randomUniform([2000, 2], -3, 3, 'float32', 11) as Tensor2D;

const CASES: [string, Sampler, TestParams, number, number][] = [
  // name, sampler, params, burn-in steps, steps between snapshots
  ['langevin ε=0.04', langevin, params({ step: 0.04 }), 350, 6],
  ['mala ε=0.5', mala, params({ step: 0.5 }), 100, 3],
  ['mh s=1', mh, params({ step: 1 }), 100, 3],
  ['hmc ε=0.25 L=5', hmc, params({ step: 0.25, leapfrogSteps: 5 }), 30, 1],
];

describe('correlated Gaussian', () => {
  beforeAll(async () => {
    await useCpu();
  });
  it.each(CASES)('%s reproduces mean and covariance', (name, sampler, p, burn, thin) => {
    const o = { chains: 2000, burn, thin, snapshots: 40, seed: 5, init };
    const m = runMoments(sampler, energy, p, o);
    console.info(name, JSON.stringify(m));
    expect(Math.abs(m.mean[0] - MU[0])).toBeLessThan(0.05);
    expect(Math.abs(m.mean[1] - MU[1])).toBeLessThan(0.05);
    expect(Math.abs(m.cov[0][0] / SIGMA[0][0] - 1)).toBeLessThan(0.05);
    expect(Math.abs(m.cov[1][1] / SIGMA[1][1] - 1)).toBeLessThan(0.05);
    expect(Math.abs(m.cov[0][1] - SIGMA[0][1])).toBeLessThan(0.05 * Math.sqrt(0.8));
  });
});
