// Chains near the wall of the box: the target is exp(−βE)·1_box, so a sampler must neither
// pile mass on the wall (clamping did: an atom at x = max) nor lose it. Target 1: the
// isotropic Gaussian N((3.5, 0), 0.4²I) on [−4, 4]², 10.6 % of whose mass lies beyond x = 4.
// Target 2 (Gibbs, RBM only): exp(−½F) of a 2-hidden-unit RBM placed against the right wall
// (11 % of its mass beyond x = 4 at β = 0.5). Exact values: midpoint quadrature on 640² cells
// restricted to the box (x = 3.75 falls on a cell edge). Statistics: the share of samples in
// the edge strip x > 3.75, the mean of x (and for the RBM the variances).
// Tolerances: strip share within 5 % relative for MALA, MH, HMC and Gibbs; |mean x − exact|
// < 0.02 (σ/20); Gibbs variances within 3 %. Unadjusted Langevin (reflected) is biased at
// finite ε: at ε = 0.01 its strip share is allowed 7 % (measured +3.8 %; clamping at the same ε
// gave +14 %, and +8.6 % even at ε = 0.005).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Box } from '../box';
import { createRbm, type Rbm } from '../rbm';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import { makeGibbsSampler } from './gibbs';
import { hmc } from './hmc';
import { langevin } from './langevin';
import { mala } from './mala';
import { mh } from './mh';
import { gaussianEnergy, params, runMoments, setRbm, type TestParams } from './testEnergies';
import type { Sampler } from './types';

type Stat = (x: number, y: number) => number;
const box: Box = { min: -4, max: 4 };
const EDGE = 3.75;
const inStrip: Stat = (x) => (x > EDGE ? 1 : 0);

/** E[f] under exp(−U)·1_box for each f: midpoint rule on n × n cells over the box. */
function boxExpect(U: (x: Tensor2D) => tf.Tensor, fs: Stat[], n = 640): number[] {
  const h = (box.max - box.min) / n;
  const pts = new Float32Array(n * n * 2);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      pts.set([box.min + (i + 0.5) * h, box.min + (j + 0.5) * h], 2 * (i * n + j));
  const u = tf.tidy(() => U(tf.tensor2d(pts, [n * n, 2]))).dataSync() as Float32Array;
  const umin = u.reduce((a, b) => Math.min(a, b), Infinity);
  let z = 0;
  const s = fs.map(() => 0);
  for (let k = 0; k < n * n; k++) {
    const [x, y, w] = [pts[2 * k], pts[2 * k + 1], Math.exp(umin - u[k])];
    z += w;
    fs.forEach((f, i) => (s[i] += w * f(x, y)));
  }
  return s.map((v) => v / z);
}

const MU: [number, number] = [3.5, 0];
const SD = 0.4;
const energy = gaussianEnergy(MU, [
  [SD * SD, 0],
  [0, SD * SD],
]);
// Chains start on [2.5, 4] × [−1, 1], around the target.
const init = (): Tensor2D =>
  tf.add(tf.mul(tf.randomUniform([2000, 2], 0, 1, 'float32', 13), [1.5, 2]), [2.5, -1]) as Tensor2D;

const CASES: [string, Sampler, TestParams, number, number, number, number][] = [
  // name, sampler, params, burn-in, thin, strip tolerance (relative), mean tolerance
  ['mala ε=0.1', mala, params({ box, step: 0.1 }), 60, 3, 0.05, 0.02],
  ['mh s=0.5', mh, params({ box, step: 0.5 }), 60, 3, 0.05, 0.02],
  ['hmc ε=0.1 L=5', hmc, params({ box, step: 0.1, leapfrogSteps: 5 }), 30, 1, 0.05, 0.02],
  ['langevin ε=0.01', langevin, params({ box, step: 0.01 }), 300, 10, 0.07, 0.02],
];

describe('samplers at the wall of the box', () => {
  beforeAll(useCpu);

  it.each(CASES)('%s: edge-strip share and mean of x', (name, sampler, p, burn, thin, tS, tM) => {
    const [meanX, strip] = boxExpect(energy, [(x) => x, inStrip]);
    const o = { chains: 2000, burn, thin, snapshots: 20, seed: 31, init, stat: inStrip };
    const m = runMoments(sampler, energy, p, o);
    console.info(
      `${name}: strip ${m.stat.toFixed(4)} (exact ${strip.toFixed(4)}, ` +
        `${((m.stat / strip - 1) * 100).toFixed(1)} %), mean x ${m.mean[0].toFixed(4)} ` +
        `(exact ${meanX.toFixed(4)}), accept ${m.acceptRate?.toFixed(3) ?? 'n/a'}`,
    );
    expect(Math.abs(m.stat / strip - 1)).toBeLessThan(tS);
    expect(Math.abs(m.mean[0] - meanX)).toBeLessThan(tM);
  });

  describe('blocked Gibbs on an RBM against the right wall, β = 0.5', () => {
    let rbm: Rbm;
    beforeAll(() => {
      rbm = createRbm({ hidden: 2, seed: 1, sigma: 1, inputScale: 2 });
      // Components (b + σWh)/s at (3, 0), (2.25, 0.15), (3.15, 0.75), (2.4, 0.9) (β = 1 std 0.5).
      setRbm(
        rbm,
        [
          [-1.5, 0.3],
          [0.3, 1.5],
        ],
        [6, 0],
        [0.5, -0.5],
      );
    });
    afterAll(() => rbm.dispose());

    it('matches quadrature of exp(−βF) on the box: strip, mean, variances', () => {
      const beta = 0.5;
      const U = (x: Tensor2D): tf.Tensor => tf.mul(rbm.energy(x), beta);
      const fs: Stat[] = [(x) => x, (_, y) => y, (x) => x * x, (_, y) => y * y, inStrip];
      const [mx, my, mxx, myy, strip] = boxExpect(U, fs);
      const [vx, vy] = [mxx - mx * mx, myy - my * my];
      const gibbs = makeGibbsSampler(rbm);
      const o = { chains: 2000, burn: 100, thin: 4, snapshots: 25, seed: 5, stat: inStrip };
      const m = runMoments(gibbs, rbm.energy, params({ box, beta }), o);
      console.info(
        `Gibbs β=0.5: strip ${m.stat.toFixed(4)} (exact ${strip.toFixed(4)}), mean ` +
          `(${m.mean.map((v) => v.toFixed(4))}) (exact ${mx.toFixed(4)}, ${my.toFixed(4)}), ` +
          `var (${m.cov[0][0].toFixed(4)}, ${m.cov[1][1].toFixed(4)}) ` +
          `(exact ${vx.toFixed(4)}, ${vy.toFixed(4)}), accept ${m.acceptRate?.toFixed(3)}`,
      );
      expect(Math.abs(m.stat / strip - 1)).toBeLessThan(0.05);
      expect(Math.abs(m.mean[0] - mx)).toBeLessThan(0.02);
      expect(Math.abs(m.mean[1] - my)).toBeLessThan(0.02);
      expect(Math.abs(m.cov[0][0] / vx - 1)).toBeLessThan(0.03);
      expect(Math.abs(m.cov[1][1] / vy - 1)).toBeLessThan(0.03);
    });
  });
});
