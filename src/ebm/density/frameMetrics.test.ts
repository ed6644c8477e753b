// The per-frame density metrics on energies with known answers, the bilinear E(data)
// against the model itself, the fast sample distance, the bandwidth and colour scale, and
// mode coverage with the presets' centres.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOX } from '../box';
import {
  eightGaussianCentres,
  EIGHT_GAUSSIANS,
  generateDataset,
  twentyFiveGaussianCentres,
  TWENTY_FIVE_GAUSSIANS,
} from '../datasets';
import { gridCentres } from '../grid';
import { createMlp } from '../mlp';
import { useCpu } from '../testing';
import { tf } from '../tf';
import { cvBandwidth, scottBandwidth } from './bandwidth';
import { niceCeil } from './colourScale';
import { energyOnGrid, gaussianPoints, grid128, mixturePoints, quadratic } from './fixtures';
import { densityMetrics } from './frameMetrics';
import { integrate } from './grid';
import { interpolateGrid } from './interpolate';
import { presetCentres } from './modes';
import { slicedWasserstein } from './sampleDistance';
import { ProjectionSorter, SlicedToData } from './slicedToData';

const f32 = (xs: { x: number; y: number }[]) => Float32Array.from(xs.flatMap((p) => [p.x, p.y]));

describe('densityMetrics on a Gaussian energy', () => {
  // E = ‖x − μ‖²/2σ²: p_θ = N(μ, σ²/β), Z = 2πσ²/β (the box holds all but ~1e-30 of it).
  const mu = [0.5, -0.3] as const;
  const s = 0.6;
  const energy = energyOnGrid(grid128, quadratic(mu[0], mu[1], s), true);
  const data = gaussianPoints(4000, mu[0], mu[1], s, 11);

  it('log Z is the analytic log(2πσ²/β), for β = 1 and β = 2', () => {
    for (const beta of [1, 2]) {
      const r = densityMetrics({
        energy,
        grid: grid128,
        beta,
        points: data,
        samples: data,
        bandwidth: 0.15,
      });
      expect(r.logZ).toBeCloseTo(Math.log((2 * Math.PI * s * s) / beta), 5);
      expect(integrate(r.modelDensity, grid128)).toBeCloseTo(1, 5);
    }
  });

  it('NLL of data from the model is its entropy 1 + log 2πσ², and equals the exact mean', () => {
    const r = densityMetrics({
      energy,
      grid: grid128,
      beta: 1,
      points: data,
      samples: data,
      bandwidth: 0.15,
    });
    // Exact: mean of E at the points (analytic) + log Z.
    let m = 0;
    const e = quadratic(mu[0], mu[1], s);
    for (let k = 0; k < data.length / 2; k++) m += e(data[2 * k], data[2 * k + 1]);
    const exact = m / (data.length / 2) + Math.log(2 * Math.PI * s * s);
    expect(Math.abs(r.nll - exact)).toBeLessThan(2e-3); // bilinear error h²/8σ² ≈ 1.4e-3
    expect(r.nll).toBeCloseTo(1 + Math.log(2 * Math.PI * s * s), 1); // sampling noise ~0.02
  });

  it('KL(data KDE ‖ model) is small for the right model and large for a shifted one', () => {
    const kl = (en: ArrayLike<number>) =>
      densityMetrics({
        energy: en,
        grid: grid128,
        beta: 1,
        points: data,
        samples: data,
        bandwidth: 0.15,
      }).kl;
    const good = kl(energy);
    const shifted = kl(energyOnGrid(grid128, quadratic(mu[0] + 1, mu[1], s), true));
    // KDE smoothing alone: KL(N(0, σ² + b²) ‖ N(0, σ²)) = b²/σ² − log(1 + b²/σ²) ≈ 0.003.
    expect(good).toBeGreaterThan(0);
    expect(good).toBeLessThan(0.02);
    // A shift by δ costs δ²/2σ² = 1.39 nats.
    expect(shifted).toBeGreaterThan(1.2);
    expect(shifted).toBeLessThan(1.6);
  });

  it('sliced W₁ reads a translation of the samples in data units', () => {
    const samples = gaussianPoints(2048, mu[0] + 0.5, mu[1], s, 12);
    const r = densityMetrics({
      energy,
      grid: grid128,
      beta: 1,
      points: data,
      samples,
      bandwidth: 0.15,
    });
    expect(r.slicedW).toBeGreaterThan(0.4);
    expect(r.slicedW).toBeLessThan(0.6);
  });

  it('the fast sample distance equals slicedWasserstein (float32 projections: to 1e-5)', () => {
    const samples = gaussianPoints(3000, 0, 0, 1, 13); // more than SW_MAX_POINTS: subsampled
    const sw = new SlicedToData(data);
    const ref = slicedWasserstein(samples, data);
    expect(Math.abs(sw.distance(samples) - ref) / ref).toBeLessThan(1e-5);
    expect(sw.distance(samples)).toBe(sw.distance(samples)); // buffers reused, same answer
    expect(new SlicedToData(new Float32Array(0)).distance(samples)).toBeNaN();
  });

  it('no data: NLL, KL and SW are NaN, log Z and the density still there', () => {
    const r = densityMetrics({
      energy,
      grid: grid128,
      beta: 1,
      points: new Float32Array(0),
      samples: data,
      bandwidth: 0.15,
    });
    expect(r.nll).toBeNaN();
    expect(r.kl).toBeNaN();
    expect(r.slicedW).toBeNaN();
    expect(Number.isFinite(r.logZ)).toBe(true);
  });
});

describe('ProjectionSorter (radix sort of projections)', () => {
  it('sorts like TypedArray sort, negatives, zeros and ties included', () => {
    const pts = Float64Array.from({ length: 2 * 1000 }, (_, k) =>
      k % 7 === 0 ? 0 : k % 11 === 0 ? -0 : Math.sin(k * 12.9898) * 4,
    );
    const sorter = new ProjectionSorter();
    for (const [c, s] of [
      [1, 0],
      [0.6, -0.8],
    ]) {
      const ref = Float32Array.from(
        { length: 1000 },
        (_, k) => c * pts[2 * k] + s * pts[2 * k + 1],
      );
      ref.sort();
      expect(Array.from(sorter.sorted(pts, c, s))).toEqual(Array.from(ref));
    }
  });
});

describe('interpolateGrid (E at the data, from the grid)', () => {
  it('is exact for a linear function inside the outer centres', () => {
    const lin = (x: number, y: number) => 2 * x - 3 * y + 1;
    const v = energyOnGrid(grid128, lin);
    const pts = Float32Array.from([0.123, -2.5, 3.9, 3.9, -3.96, 0.01, 0, 0]);
    const out = interpolateGrid(v, grid128, pts);
    // The last half cell (|x| > 3.969) takes the edge centre's value.
    expect(out[0]).toBeCloseTo(lin(0.123, -2.5), 5);
    expect(out[1]).toBeCloseTo(lin(3.9, 3.9), 4);
    expect(out[2]).toBeCloseTo(lin(-3.96, 0.01), 4);
    expect(out[3]).toBeCloseTo(1, 5);
  });

  it('costs ≈ 0.02 / 0.05 nats of NLL with the true 8- / 25-gaussian energies (log Z exact)', () => {
    const cases = [
      ['8gaussians', eightGaussianCentres(), EIGHT_GAUSSIANS.std, 0.03],
      ['25gaussians', twentyFiveGaussianCentres(), TWENTY_FIVE_GAUSSIANS.std, 0.07],
    ] as const;
    for (const [name, cs, s, tol] of cases) {
      // E = −log p_true: the perfect model, sharpest where the data are.
      const e = (x: number, y: number) =>
        -Math.log(
          cs.reduce((a, c) => a + Math.exp(-((x - c.x) ** 2 + (y - c.y) ** 2) / (2 * s * s)), 0) /
            (cs.length * 2 * Math.PI * s * s),
        );
      const pts = f32(generateDataset(name, 1));
      const r = densityMetrics({
        energy: energyOnGrid(grid128, e, true),
        grid: grid128,
        beta: 1,
        points: pts,
        samples: pts,
        bandwidth: 0.1,
      });
      let exact = 0;
      for (let k = 0; k < pts.length / 2; k++) exact += e(pts[2 * k], pts[2 * k + 1]);
      exact /= pts.length / 2;
      expect(Math.abs(r.logZ)).toBeLessThan(1e-4);
      expect(r.nll - exact).toBeGreaterThan(0); // linear interpolation overestimates a convex E
      expect(r.nll - exact, name).toBeLessThan(tol);
    }
  });

  it('matches the model itself at the 8-gaussian data to within 0.05 (an MLP, cpu)', async () => {
    await useCpu();
    const model = createMlp({ width: 32, depth: 2, inputScale: 0.5, seed: 3 });
    const pts = f32(generateDataset('8gaussians', 1));
    const [grid, exact] = tf.tidy(() => [
      model.energy(tf.tensor2d(gridCentres(128, DEFAULT_BOX), [128 * 128, 2])).dataSync(),
      model.energy(tf.tensor2d(pts, [pts.length / 2, 2])).dataSync(),
    ]);
    const approx = interpolateGrid(grid, grid128, pts);
    let worst = 0;
    for (let k = 0; k < approx.length; k++) worst = Math.max(worst, Math.abs(approx[k] - exact[k]));
    expect(worst).toBeLessThan(0.05);
    model.dispose();
  });
});

describe('bandwidth and colour scale', () => {
  it('cross-validation agrees with Scott on one Gaussian and is much narrower on 8', () => {
    const one = gaussianPoints(600, 0, 0, 0.5, 5);
    const scott = scottBandwidth(one);
    const cv = cvBandwidth(one);
    expect(cv / scott).toBeGreaterThan(0.6);
    expect(cv / scott).toBeLessThan(1.6);
    const eight = f32(generateDataset('8gaussians', 1));
    const cv8 = cvBandwidth(eight);
    expect(cv8).toBeLessThan(EIGHT_GAUSSIANS.std);
    expect(cv8).toBeGreaterThan(0.04);
    expect(scottBandwidth(eight)).toBeGreaterThan(4 * cv8);
  });

  it('niceCeil rounds up to 1, 1.5, 2, 2.5, 4, 5, 8 × 10^k', () => {
    expect(niceCeil(0.33)).toBeCloseTo(0.4);
    expect(niceCeil(0.5)).toBeCloseTo(0.5);
    expect(niceCeil(1.7)).toBeCloseTo(2);
    expect(niceCeil(0.0009)).toBeCloseTo(0.001);
  });
});

describe('mode coverage with the preset centres', () => {
  const centres = presetCentres('8gaussians')!;
  const data = f32(generateDataset('8gaussians', 1));
  const flat = energyOnGrid(grid128, () => 0, true);

  it('uses datasets.ts centres (radius 2.5) and counts 8/8 for data-like samples', () => {
    expect(centres[0][0]).toBeCloseTo(eightGaussianCentres()[0].x);
    expect(Math.hypot(...centres[3])).toBeCloseTo(EIGHT_GAUSSIANS.radius);
    const samples = mixturePoints(2048, centres, EIGHT_GAUSSIANS.std, 9).points;
    const r = densityMetrics({
      energy: flat,
      grid: grid128,
      beta: 1,
      points: data,
      samples,
      bandwidth: 0.1,
      centres,
    });
    expect(r.coverage?.covered).toBe(8);
    expect(r.coverage?.total).toBe(8);
  });

  it('counts 4/8 when the samples visit every other mode only', () => {
    const half = centres.filter((_, k) => k % 2 === 0);
    const samples = mixturePoints(2048, half, EIGHT_GAUSSIANS.std, 9).points;
    const r = densityMetrics({
      energy: flat,
      grid: grid128,
      beta: 1,
      points: data,
      samples,
      bandwidth: 0.1,
      centres,
    });
    expect(r.coverage?.covered).toBe(4);
  });

  it('has no centres for presets without known modes', () => {
    expect(presetCentres('moons')).toBeNull();
    expect(presetCentres('25gaussians')).toHaveLength(25);
  });
});

beforeAll(() => {
  expect(grid128.box).toEqual(DEFAULT_BOX);
});
