// Underdamped Langevin (BAOAB) against quadrature moments, like the other samplers
// (gaussian.test.ts): the correlated Gaussian N(μ, Σ), 2000 chains from U[−3, 3]², burn-in,
// then 40 pooled snapshots. BAOAB is exact in x for a quadratic E, so the tolerances are the
// sampling ones: |mean − μ| < 0.05, variances within 5 %, |Ĉ₁₂ − Σ₁₂| < 0.05·√(Σ₁₁Σ₂₂).
// Also: β scales the variance as 1/β, the box reflects instead of piling mass on the edge,
// and 100 runs leak no tensor.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../rng';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import {
  gaussianEnergy,
  gridMoments,
  params,
  runMoments,
  type Mat2,
  type Vec2,
} from './testEnergies';
import { underdamped } from './underdamped';

const MU: Vec2 = [1, -0.5];
const SIGMA: Mat2 = [
  [1, 0.5],
  [0.5, 0.8],
];
const energy = gaussianEnergy(MU, SIGMA);
const init = (): Tensor2D => tf.randomUniform([2000, 2], -3, 3, 'float32', 11) as Tensor2D;
const ud = (h: number, gamma: number, over = {}) => ({
  ...params(over),
  udStep: h,
  udFriction: gamma,
});

beforeAll(useCpu);

describe('underdamped Langevin (BAOAB)', () => {
  it.each([
    ['γ = 1, h = 0.3', 0.3, 1],
    ['γ = 0.2 (ballistic), h = 0.3', 0.3, 0.2],
    ['γ = 10 (overdamped), h = 0.2', 0.2, 10],
  ])('reproduces N(μ, Σ) with %s', (_name, h, gamma) => {
    const opts = { chains: 2000, burn: 150, thin: 4, snapshots: 40, seed: 3, init };
    const m = runMoments(underdamped, energy, ud(h, gamma), opts);
    expect(Math.abs(m.mean[0] - MU[0])).toBeLessThan(0.05);
    expect(Math.abs(m.mean[1] - MU[1])).toBeLessThan(0.05);
    expect(Math.abs(m.cov[0][0] / SIGMA[0][0] - 1)).toBeLessThan(0.05);
    expect(Math.abs(m.cov[1][1] / SIGMA[1][1] - 1)).toBeLessThan(0.05);
    expect(Math.abs(m.cov[0][1] - SIGMA[0][1])).toBeLessThan(0.05 * Math.sqrt(0.8));
    expect(m.acceptRate).toBeNull();
  });

  it('targets exp(−βE): variance × β stays 1 at β = 0.5 and 4', () => {
    const iso = gaussianEnergy(
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
    );
    for (const beta of [0.5, 4]) {
      const opts = { chains: 2000, burn: 150, thin: 4, snapshots: 30, seed: 5, init };
      const m = runMoments(underdamped, iso, ud(0.25, 1, { beta }), opts);
      expect(Math.abs(m.cov[0][0] * beta - 1)).toBeLessThan(0.06);
      expect(Math.abs(m.cov[1][1] * beta - 1)).toBeLessThan(0.06);
    }
  });

  it('reflects at the box wall: mass beyond the edge is not piled on it', () => {
    // N((3.5, 0), 0.4²) restricted to [−4, 4]²: about 11 % of its mass lies beyond x = 4.
    const near = gaussianEnergy(
      [3.5, 0],
      [
        [0.16, 0],
        [0, 0.16],
      ],
    );
    const box = { min: -4, max: 4 };
    const exact = gridMoments(near, box, 401);
    const opts = {
      chains: 2000,
      burn: 150,
      thin: 4,
      snapshots: 30,
      seed: 9,
      init: () =>
        tf.add(tf.mul(tf.randomNormal([2000, 2], 0, 1, 'float32', 2), 0.3), [3.4, 0]) as Tensor2D,
    };
    const m = runMoments(underdamped, near, ud(0.1, 1, { box }), opts);
    expect(Math.abs(m.mean[0] - exact.mean[0])).toBeLessThan(0.02);
    expect(Math.abs(m.cov[0][0] / exact.cov[0][0] - 1)).toBeLessThan(0.08);
  });

  it('leaks no tensor over 100 runs', () => {
    const x0 = tf.randomNormal([64, 2], 0, 1, 'float32', 1) as Tensor2D;
    const rng = makeRng(1);
    const p = ud(0.1, 1);
    tf.tidy(() => void underdamped.run(energy, x0, 3, p, rng));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) tf.tidy(() => void underdamped.run(energy, x0, 3, p, rng));
    expect(tf.memory().numTensors).toBe(before);
    x0.dispose();
  });
});
