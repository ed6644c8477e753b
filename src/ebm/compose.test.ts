// Composed energies: exact log Z of products and mixtures of gaussians on the grid, weights
// read at call time, and "ring AND right half-plane".
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOX } from './box';
import { productOfExperts, softMinMixture } from './compose';
import { energyGrad, type EnergyFn } from './energy';
import { gridPoints, logPartition, normalise, type GridSpec } from './density/partition';
import { gaussianEnergy, type Mat2, type Vec2 } from './samplers/testEnergies';
import { useCpu } from './testing';
import { tf, type Tensor1D, type Tensor2D } from './tf';

beforeAll(useCpu);

const grid: GridSpec = { G: 128, box: DEFAULT_BOX };
const points = (): Tensor2D => tf.tensor2d(gridPoints(grid.G, grid.box), [grid.G ** 2, 2]);

/** The energy at the grid's cell centres, read back. */
function onGrid(energy: EnergyFn): Float32Array {
  const t = tf.tidy(() => energy(points()));
  const v = t.dataSync() as Float32Array;
  t.dispose();
  return v;
}

const inv = ([[a, b], [, d]]: Mat2): Mat2 => {
  const det = a * d - b * b;
  return [
    [d / det, -b / det],
    [-b / det, a / det],
  ];
};
const det = (m: Mat2): number => m[0][0] * m[1][1] - m[0][1] * m[1][0];
const mv = (m: Mat2, v: Vec2): Vec2 => [
  m[0][0] * v[0] + m[0][1] * v[1],
  m[1][0] * v[0] + m[1][1] * v[1],
];
const dot = (a: Vec2, b: Vec2): number => a[0] * b[0] + a[1] * b[1];

/**
 * log ∫ exp(−Σ w_i ½(x − μ_i)ᵀA_i(x − μ_i)) dx over R², A_i = Σ_i⁻¹. With A = Σ w_i A_i and
 * b = Σ w_i A_i μ_i the exponent is −½(x − A⁻¹b)ᵀA(x − A⁻¹b) + ½bᵀA⁻¹b − ½Σ w_i μ_iᵀA_iμ_i,
 * so log Z = ½bᵀA⁻¹b − ½Σ w_i μ_iᵀA_iμ_i + log 2π − ½ log det A.
 */
function productLogZ(mus: Vec2[], covs: Mat2[], w: number[]): number {
  const A: Mat2 = [
    [0, 0],
    [0, 0],
  ];
  const b: Vec2 = [0, 0];
  let c = 0;
  mus.forEach((mu, i) => {
    const P = inv(covs[i]);
    for (let r = 0; r < 2; r++) for (let s = 0; s < 2; s++) A[r][s] += w[i] * P[r][s];
    const Pm = mv(P, mu);
    b[0] += w[i] * Pm[0];
    b[1] += w[i] * Pm[1];
    c += w[i] * dot(mu, Pm);
  });
  return 0.5 * dot(b, mv(inv(A), b)) - 0.5 * c + Math.log(2 * Math.PI) - 0.5 * Math.log(det(A));
}

const mus: Vec2[] = [
  [1, 0.5],
  [-0.5, -0.5],
];
const covs: Mat2[] = [
  [
    [1, 0.3],
    [0.3, 0.5],
  ],
  [
    [0.6, -0.2],
    [-0.2, 1.2],
  ],
];
const experts = [gaussianEnergy(mus[0], covs[0]), gaussianEnergy(mus[1], covs[1])];

describe('composition', () => {
  it('product of two gaussian experts: grid log Z = analytic (|Δ| < 1e-4), weights live', () => {
    const w = [1, 1];
    const poe = productOfExperts(experts, w);
    const errs: number[] = [];
    for (const next of [
      [1, 1],
      [2, 1],
      [1, 3.5],
    ]) {
      w[0] = next[0]; // mutate in place: the same EnergyFn, no rebuild
      w[1] = next[1];
      const err = Math.abs(logPartition(onGrid(poe), grid) - productLogZ(mus, covs, next));
      errs.push(err);
      expect(err).toBeLessThan(1e-4);
    }
    const lz = (ws: number[]) => productLogZ(mus, covs, ws);
    expect(Math.abs(lz([2, 1]) - lz([1, 1]))).toBeGreaterThan(0.1); // the change is visible
    console.log(`compose PoE: |log Z grid − analytic| = ${errs.map((e) => e.toExponential(2))}`);
  });

  it('weights given as a tf.variable follow assign(); ∇E = Σ w_i ∇E_i', () => {
    const v = tf.variable(tf.tensor1d([1, 1]));
    const poe = productOfExperts(experts, v as unknown as Tensor1D);
    v.assign(tf.tensor1d([0.5, 2]));
    const err = Math.abs(logPartition(onGrid(poe), grid) - productLogZ(mus, covs, [0.5, 2]));
    expect(err).toBeLessThan(1e-4);
    const x = tf.tensor2d([
      [0.3, -1],
      [2, 1.5],
    ]);
    const g = energyGrad(poe, x).arraySync();
    const g1 = energyGrad(experts[0], x).arraySync();
    const g2 = energyGrad(experts[1], x).arraySync();
    g.forEach((row, n) =>
      row.forEach((val, d) => expect(val).toBeCloseTo(0.5 * g1[n][d] + 2 * g2[n][d], 5)),
    );
    v.dispose();
  });

  it('soft-min mixture: Z = Σ e^{ℓ_i} Z_i on the grid (|Δ log Z| < 1e-4), log-weights live', () => {
    // Narrower experts than above (≥ 5σ from the box edge: the truncated tail is < 1e-5).
    const mixCovs = covs.map((c) => c.map((r) => r.map((v) => 0.4 * v)) as Mat2);
    const mixMus: Vec2[] = [
      [-1.5, 0],
      [1.5, 1],
    ];
    const parts = mixMus.map((mu, i) => gaussianEnergy(mu, mixCovs[i]));
    const logW = [0, 0];
    const mix = softMinMixture(parts, logW);
    // exp(−E_i) is an unnormalised N(μ_i, Σ_i): Z_i = 2π √det Σ_i.
    const logZi = mixCovs.map((c) => Math.log(2 * Math.PI) + 0.5 * Math.log(det(c)));
    const errs: number[] = [];
    for (const next of [
      [0, 0],
      [Math.log(0.2), Math.log(3)],
      [-Infinity, 0], // expert 0 switched off
    ]) {
      logW[0] = next[0];
      logW[1] = next[1];
      const want = Math.log(Math.exp(next[0] + logZi[0]) + Math.exp(next[1] + logZi[1]));
      const err = Math.abs(logPartition(onGrid(mix), grid) - want);
      errs.push(err);
      expect(err).toBeLessThan(1e-4);
    }
    console.log(
      `compose soft-min: |log Z grid − analytic| = ${errs.map((x) => x.toExponential(2))}`,
    );
    // Without weights: −log(e^{−E₁} + e^{−E₂}), between min E − log 2 and min E.
    const e = onGrid(softMinMixture(parts));
    const e1 = onGrid(parts[0]);
    const e2 = onGrid(parts[1]);
    for (let c = 0; c < e.length; c += 97) {
      const m = Math.min(e1[c], e2[c]);
      expect(e[c]).toBeLessThanOrEqual(m + 1e-4);
      expect(e[c]).toBeGreaterThanOrEqual(m - Math.log(2) - 1e-4);
    }
  });

  it('"ring AND right half-plane" puts ≥ 99 % of its grid mass at x > 0', () => {
    const ring: EnergyFn = (x) =>
      tf.div(tf.square(tf.sub(tf.norm(x, 'euclidean', 1), 2)), 2 * 0.3 * 0.3) as Tensor1D;
    // A soft wall: ≈ 0 for x ≫ 0, ≈ −4x·3 for x ≪ 0.
    const rightHalf: EnergyFn = (x) =>
      tf.mul(
        tf.softplus(tf.mul(tf.reshape(tf.slice(x, [0, 0], [-1, 1]), [-1]), -4)),
        3,
      ) as Tensor1D;
    const massRight = (energy: EnergyFn): number => {
      const { density } = normalise(onGrid(energy), grid);
      const h = (grid.box.max - grid.box.min) / grid.G;
      let s = 0;
      for (let j = 0; j < grid.G; j++)
        for (let i = grid.G / 2; i < grid.G; i++) s += density[j * grid.G + i] * h * h;
      return s;
    };
    const both = massRight(productOfExperts([ring, rightHalf]));
    const ringOnly = massRight(ring);
    console.log(
      `compose ring AND right half: mass at x > 0 = ${both.toFixed(5)} (ring alone ${ringOnly.toFixed(5)})`,
    );
    expect(ringOnly).toBeCloseTo(0.5, 3);
    expect(both).toBeGreaterThan(0.99);
  });

  it('refuses no experts or a weight count that does not match', () => {
    const x = tf.tensor2d([[0, 0]]);
    expect(() => productOfExperts([])(x)).toThrow(/no experts/);
    expect(() => productOfExperts(experts, [1, 2, 3])(x)).toThrow(/3 weights for 2 experts/);
  });
});
