// Blocked Gibbs on a handmade 2-hidden-unit RBM (σ = 1, s = 2: four components of std 0.5).
// β = 1: moments vs the exact mixture (testEnergies.rbmMoments). β = 2: moments vs grid
// quadrature of exp(−2F), which the MH-corrected tempered Gibbs must hit; the uncorrected
// tempered joint's marginal is measurably different (printed, and asserted to differ).
// Tolerances: |mean − exact| < 0.03; variances within 5 %; |Ĉ₁₂ − C₁₂| < 0.05·√(C₁₁C₂₂).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRbm, type Rbm } from '../rbm';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import { makeGibbsSampler } from './gibbs';
import { mala } from './mala';
import {
  gridMoments,
  params,
  rbmMoments,
  runMoments,
  setRbm,
  type Mat2,
  type Vec2,
} from './testEnergies';

// Overlapping components so that Gibbs mixes between them in a few dozen steps (with widely
// separated ones p(h | v) saturates and chains keep the component they started in).
const W = [
  [1.5, 0.3],
  [0.3, 1.5],
];
const B = [-1, -0.5];
const C = [0.5, -0.5];
const box = { min: -4, max: 4 };
let rbm: Rbm;

function expectClose(m: { mean: Vec2; cov: Mat2 }, ref: { mean: Vec2; cov: Mat2 }): void {
  expect(Math.abs(m.mean[0] - ref.mean[0])).toBeLessThan(0.03);
  expect(Math.abs(m.mean[1] - ref.mean[1])).toBeLessThan(0.03);
  expect(Math.abs(m.cov[0][0] / ref.cov[0][0] - 1)).toBeLessThan(0.05);
  expect(Math.abs(m.cov[1][1] / ref.cov[1][1] - 1)).toBeLessThan(0.05);
  const tol = 0.05 * Math.sqrt(ref.cov[0][0] * ref.cov[1][1]);
  expect(Math.abs(m.cov[0][1] - ref.cov[0][1])).toBeLessThan(tol);
}
const fmt = (m: { mean: Vec2; cov: Mat2 }): string =>
  `mean (${m.mean.map((v) => v.toFixed(3))}) cov [${m.cov.flat().map((v) => v.toFixed(3))}]`;

describe('blocked Gibbs on an RBM', () => {
  beforeAll(async () => {
    await useCpu();
    rbm = createRbm({ hidden: 2, seed: 1, sigma: 1, inputScale: 2 });
    setRbm(rbm, W, B, C);
  });
  afterAll(() => rbm.dispose());

  it('β = 1: matches the exact mixture moments, reports no acceptance', () => {
    const exact = rbmMoments(W, B, C, 1, 2);
    const gibbs = makeGibbsSampler(rbm);
    const o = { chains: 2000, burn: 100, thin: 2, snapshots: 25, seed: 3 };
    const m = runMoments(gibbs, rbm.energy, params({ box }), o);
    console.info(`Gibbs β=1: ${fmt(m)}\n     exact: ${fmt(exact)}`);
    expect(m.acceptRate).toBeNull();
    expectClose(m, exact);
  });

  it('MALA on the same free energy agrees with the exact moments (gradient path of F)', () => {
    const o = { chains: 2000, burn: 100, thin: 4, snapshots: 25, seed: 7 };
    const m = runMoments(mala, rbm.energy, params({ box, step: 0.15 }), o);
    console.info(`MALA β=1: ${fmt(m)} accept ${m.acceptRate?.toFixed(3)}`);
    expectClose(m, rbmMoments(W, B, C, 1, 2));
  });

  it('β = 2: matches quadrature of exp(−2F) (MH-corrected tempering)', () => {
    const beta = 2;
    const target = gridMoments((x) => tf.mul(rbm.energy(x), beta), box);
    // The tempered joint's marginal: βQ(v) − Σ softplus(βa(v)) (what plain tempering samples).
    const naive = gridMoments((x: Tensor2D) => {
      const q = tf.sub(rbm.energy(x), tf.neg(tf.sum(tf.softplus(rbm.hiddenField(x)), 1)));
      return tf.sub(tf.mul(q, beta), tf.sum(tf.softplus(tf.mul(rbm.hiddenField(x), beta)), 1));
    }, box);
    const gibbs = makeGibbsSampler(rbm);
    const o = { chains: 2000, burn: 100, thin: 2, snapshots: 25, seed: 5 };
    const m = runMoments(gibbs, rbm.energy, params({ box, beta }), o);
    console.info(
      `Gibbs β=2: ${fmt(m)} accept ${m.acceptRate?.toFixed(3)}\n exp(−2F): ${fmt(target)}\n` +
        `  naive tempered joint: ${fmt(naive)}`,
    );
    expect(m.acceptRate).toBeGreaterThan(0.2);
    expect(m.acceptRate).toBeLessThanOrEqual(1);
    expectClose(m, target);
    // The correction matters here: the naive marginal's mean is off by more than the tolerance.
    expect(
      Math.hypot(naive.mean[0] - target.mean[0], naive.mean[1] - target.mean[1]),
    ).toBeGreaterThan(0.06);
  });
});
