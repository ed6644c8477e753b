// The Gaussian–Bernoulli RBM: free energy vs brute force over all h, conditionals vs their
// formulas (and the samplers vs the probabilities), and CD-k training on two clusters.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRbm, type Rbm } from './rbm';
import { makeRng } from './rng';
import { makeGibbsSampler } from './samplers/gibbs';
import { gridMoments, params, rbmMoments, setRbm } from './samplers/testEnergies';
import { useCpu } from './testing';
import { tf, type Tensor2D } from './tf';

const made: Rbm[] = [];
const make = (cfg: Parameters<typeof createRbm>[0]): Rbm => {
  const r = createRbm(cfg);
  made.push(r);
  return r;
};

describe('Gaussian–Bernoulli RBM', () => {
  beforeAll(async () => {
    await useCpu();
  });
  afterEach(() => made.splice(0).forEach((r) => r.dispose()));

  it('F(v) = −log Σ_h exp(−E(v, h)) by brute force over 2⁴ h (within 1e-4)', () => {
    const rbm = make({ hidden: 4, seed: 3, sigma: 0.8, inputScale: 1.5, initStd: 1 });
    rbm.b.assign(tf.tensor1d([0.3, -0.7]));
    rbm.c.assign(tf.tensor1d([0.5, -1, 0.2, 1.5]));
    const x = tf.randomUniform([50, 2], -3, 3, 'float32', 9) as Tensor2D;
    const [Wv, bv, cv] = [rbm.W.arraySync(), rbm.b.arraySync(), rbm.c.arraySync()];
    const F = rbm.energy(x).arraySync();
    const xs = x.arraySync();
    let worst = 0;
    for (let n = 0; n < 50; n++) {
      // Independent float64 E(v, h) from the formula, summed over the 16 hidden states.
      const v = xs[n].map((t) => t * 1.5);
      const terms = Array.from({ length: 16 }, (_, k) => {
        const h = [0, 1, 2, 3].map((j) => (k >> j) & 1);
        const quad = ((v[0] - bv[0]) ** 2 + (v[1] - bv[1]) ** 2) / (2 * 0.64);
        const ch = h.reduce((a, hj, j) => a + cv[j] * hj, 0);
        const vWh = h.reduce((a, hj, j) => a + ((v[0] * Wv[0][j] + v[1] * Wv[1][j]) / 0.8) * hj, 0);
        return -(quad - ch - vWh);
      });
      const top = Math.max(...terms);
      const brute = -(top + Math.log(terms.reduce((a, t) => a + Math.exp(t - top), 0)));
      worst = Math.max(worst, Math.abs(F[n] - brute));
    }
    // And jointEnergy agrees with the same formula through the tensor path.
    const h = tf.tensor2d([[1, 0, 1, 1]]);
    const ej = rbm.jointEnergy(tf.slice(x, [0, 0], [1, 2]), h).arraySync()[0];
    const v0 = xs[0].map((t) => t * 1.5);
    const ejRef =
      ((v0[0] - bv[0]) ** 2 + (v0[1] - bv[1]) ** 2) / 1.28 -
      (cv[0] + cv[2] + cv[3]) -
      [0, 2, 3].reduce((a, j) => a + (v0[0] * Wv[0][j] + v0[1] * Wv[1][j]) / 0.8, 0);
    console.info(`free energy: worst absolute error ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-4);
    expect(Math.abs(ej - ejRef)).toBeLessThan(1e-4);
  });

  it('exp(−F) is the mixture of N((b + σWh)/s, (σ/s)²) (quadrature within 2e-3)', () => {
    const rbm = make({ hidden: 2, seed: 1 });
    const [W, b, c] = [
      [
        [1.5, 0.3],
        [0.3, 1.5],
      ],
      [-1, -0.5],
      [0.5, -0.5],
    ];
    setRbm(rbm, W, b, c);
    const q = gridMoments(rbm.energy, { min: -4, max: 4 });
    const exact = rbmMoments(W, b, c, 1, 2);
    [
      q.mean[0] - exact.mean[0],
      q.mean[1] - exact.mean[1],
      q.cov[0][0] - exact.cov[0][0],
      q.cov[0][1] - exact.cov[0][1],
      q.cov[1][1] - exact.cov[1][1],
    ].forEach((d) => expect(Math.abs(d)).toBeLessThan(2e-3));
  });

  it('conditionals: h samples match sigmoid(β a), v | h has mean (b + σWh)/s, var σ²/(s²β)', () => {
    const rbm = make({ hidden: 3, seed: 5, sigma: 1, inputScale: 2, initStd: 1 });
    rbm.c.assign(tf.tensor1d([0.2, -0.4, 1]));
    const n = 20000;
    for (const beta of [1, 2.5]) {
      const x = tf.tile(tf.tensor2d([[0.4, -0.3]]), [n, 1]) as Tensor2D;
      const a = rbm.hiddenField(tf.slice(x, [0, 0], [1, 2])).arraySync()[0];
      const pRef = a.map((t) => 1 / (1 + Math.exp(-beta * t)));
      const p = rbm.hiddenProb(tf.slice(x, [0, 0], [1, 2]), beta).arraySync()[0];
      const emp = tf.mean(rbm.sampleHidden(x, 77, beta), 0).arraySync() as number[];
      pRef.forEach((r, j) => {
        expect(Math.abs(p[j] - r)).toBeLessThan(1e-6);
        expect(Math.abs(emp[j] - r)).toBeLessThan(0.015); // ≈ 4 binomial std errors
      });
      const h = tf.tile(tf.tensor2d([[1, 0, 1]]), [n, 1]) as Tensor2D;
      const [Wv, bv] = [rbm.W.arraySync(), rbm.b.arraySync()];
      const mRef = [0, 1].map((i) => (bv[i] + Wv[i][0] + Wv[i][2]) / 2);
      const xs = rbm.sampleVisible(h, 78, beta);
      const m = tf.mean(xs, 0).arraySync() as number[];
      const v = tf.mean(tf.square(tf.sub(xs, m)), 0).arraySync() as number[];
      const vRef = 1 / (4 * beta);
      console.info(
        `β=${beta}: h means ${emp.map((t) => t.toFixed(3))} vs ${pRef.map((t) => t.toFixed(3))}; v|h var ${v.map((t) => t.toFixed(4))} vs ${vRef}`,
      );
      [0, 1].forEach((i) => {
        expect(Math.abs(m[i] - mRef[i])).toBeLessThan(0.02);
        expect(Math.abs(v[i] / vRef - 1)).toBeLessThan(0.03);
      });
      expect(rbm.visibleStd(beta)).toBeCloseTo(Math.sqrt(vRef), 6);
    }
  });

  it('CD-k training (k = 3, Adam β1 = 0) puts free-energy minima at two clusters', () => {
    const rbm = make({ hidden: 8, seed: 2 });
    const rng = makeRng(4);
    const n = 256;
    const data = tf.tidy(() => {
      const sign = tf.sub(
        tf.mul(tf.cast(tf.less(tf.randomUniform([n, 1], 0, 1, 'float32', 1), 0.5), 'float32'), 4),
        2,
      );
      return tf.add(
        tf.tile(sign, [1, 2]),
        tf.randomNormal([n, 2], 0, 0.3, 'float32', 2),
      ) as Tensor2D;
    });
    const gibbs = makeGibbsSampler(rbm);
    const opt = tf.train.adam(0.03, 0, 0.999);
    const p = params({ box: { min: -4, max: 4 } });
    for (let it = 0; it < 300; it++) {
      tf.tidy(() => {
        const neg = gibbs.run(rbm.energy, data, 3, p, rng).x;
        opt.minimize(() => rbm.cdLoss(data, neg), false, rbm.variables);
      });
    }
    const pts = [
      [-2, -2],
      [2, 2],
      [-2, 2],
      [2, -2],
      [0, 0],
    ];
    const F = tf.tidy(() => rbm.energy(tf.tensor2d(pts))).arraySync();
    console.info(
      'F at (−2,−2), (2,2) | (−2,2), (2,−2), (0,0):',
      F.map((f) => f.toFixed(2)).join(', '),
    );
    const worstCentre = Math.max(F[0], F[1]);
    const bestOther = Math.min(F[2], F[3], F[4]);
    expect(worstCentre).toBeLessThan(bestOther - 1);
    // Samples from the trained model sit on the clusters: ≥ 80 % within 1.25 of a centre. (With
    // σ/s = 0.5 each component has std 0.5, so at best 1 − e^{−3.1} ≈ 96 % fall that close.)
    const near = tf.tidy(() => {
      const x0 = tf.randomUniform([1000, 2], -4, 4, 'float32', 3) as Tensor2D;
      const xs = gibbs.run(rbm.energy, x0, 50, p, rng).x;
      const d = tf.minimum(
        tf.sum(tf.square(tf.sub(xs, [-2, -2])), 1),
        tf.sum(tf.square(tf.sub(xs, [2, 2])), 1),
      );
      return tf.mean(tf.cast(tf.less(d, 1.25 ** 2), 'float32')).dataSync()[0];
    });
    console.info(`Gibbs samples within 1.25 of a centre: ${(near * 100).toFixed(1)} %`);
    expect(near).toBeGreaterThan(0.8);
    opt.dispose();
    data.dispose();
  });
});
