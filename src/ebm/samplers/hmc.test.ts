// Leapfrog is time-reversible (negate p and integrate back to the start) and second-order:
// for a fixed trajectory length T = εL, max |ΔH| scales as ε², so halving ε cuts it by ≈ 4.
// Tested on an anharmonic energy (a two-mode mixture) so nothing relies on a quadratic.
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../testing';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { leapfrog, leapfrogPath } from './hmc';
import { mixture2 } from './testEnergies';

const energy = mixture2([0.4, 0.6], [-1, 0.5], [1.2, -0.3], 0.8);
const BETA = 1.5;
const start = (): { x: Tensor2D; p: Tensor2D } => ({
  x: tf.randomUniform([500, 2], -2.5, 2.5, 'float32', 1) as Tensor2D,
  p: tf.randomNormal([500, 2], 0, 1, 'float32', 2) as Tensor2D,
});
const H = (e: Tensor1D, p: Tensor2D): tf.Tensor =>
  tf.add(tf.mul(e, BETA), tf.mul(tf.sum(tf.square(p), 1), 0.5));
const maxAbs = (t: tf.Tensor): number => tf.max(tf.abs(t)).dataSync()[0];

describe('leapfrog', () => {
  beforeAll(async () => {
    await useCpu();
  });
  it('is reversible: L steps, negate p, L steps returns to the start within 1e-4', () => {
    tf.tidy(() => {
      const { x, p } = start();
      const fwd = leapfrog(energy, x, p, 0.1, 20, BETA);
      const back = leapfrog(energy, fwd.x, tf.neg(fwd.p) as Tensor2D, 0.1, 20, BETA);
      const dx = maxAbs(tf.sub(back.x, x));
      const dp = maxAbs(tf.add(back.p, p));
      console.info(
        `reversibility: max |Δx| ${dx.toExponential(2)}, max |Δp| ${dp.toExponential(2)}`,
      );
      expect(maxAbs(tf.sub(fwd.x, x))).toBeGreaterThan(0.1); // it did move
      expect(dx).toBeLessThan(1e-4);
      expect(dp).toBeLessThan(1e-4);
    });
  });
  it('has O(ε²) energy error: halving ε (T = 1 fixed) cuts max |ΔH| by 3–5×', () => {
    const errs = [0.1, 0.05, 0.025].map((eps) =>
      tf.tidy(() => {
        const { x, p } = start();
        const e0 = energy(x);
        const r = leapfrog(energy, x, p, eps, Math.round(1 / eps), BETA);
        return maxAbs(tf.sub(H(r.e, r.p), H(e0, p)));
      }),
    );
    const ratios = [errs[0] / errs[1], errs[1] / errs[2]];
    console.info(
      'max |ΔH|',
      errs.map((e) => e.toExponential(3)),
      'ratios',
      ratios.map((r) => r.toFixed(2)),
    );
    ratios.forEach((r) => {
      expect(r).toBeGreaterThan(3);
      expect(r).toBeLessThan(5);
    });
  });
  it('leapfrogPath gives chain 0 from start to end, [L + 1, 2]', () => {
    tf.tidy(() => {
      const { x, p } = start();
      const path = leapfrogPath(energy, x, p, 0.1, 7, BETA);
      const end = leapfrog(energy, x, p, 0.1, 7, BETA).x;
      expect(path.shape).toEqual([8, 2]);
      const v = path.arraySync();
      const [x0, xe] = [x.arraySync()[0], end.arraySync()[0]];
      expect(v[0][0]).toBeCloseTo(x0[0], 6);
      expect(v[0][1]).toBeCloseTo(x0[1], 6);
      expect(v[7][0]).toBeCloseTo(xe[0], 6);
      expect(v[7][1]).toBeCloseTo(xe[1], 6);
    });
  });
});
