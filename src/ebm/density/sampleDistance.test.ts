import { describe, expect, it } from 'vitest';
import { gaussianPoints, mixturePoints } from './fixtures';
import { eightGaussiansCentres } from './modes';
import { mmd2, slicedWasserstein, subsample, wasserstein1Sorted } from './sampleDistance';

const shifted = (p: Float32Array, dx: number, dy: number) =>
  p.map((v, k) => v + (k % 2 === 0 ? dx : dy));

describe('sample distances', () => {
  const { points: data } = mixturePoints(3000, eightGaussiansCentres(2), 0.2, 1);

  it('1-D W₁ by the merged walk is exact on small cases', () => {
    expect(wasserstein1Sorted(Float64Array.of(0, 1), Float64Array.of(0.5, 1.5))).toBeCloseTo(
      0.5,
      12,
    );
    // Unequal sizes: {0} vs {0, 2}: ∫|F_a − F_b| = ½·2 = 1.
    expect(wasserstein1Sorted(Float64Array.of(0), Float64Array.of(0, 2))).toBeCloseTo(1, 12);
  });

  it('sliced W₁ is 0 for identical sets and reads ‖δ‖ for a translated one', () => {
    expect(slicedWasserstein(data, data)).toBe(0);
    const big = gaussianPoints(10_000, 0, 0, 0.5, 2); // > SW_MAX_POINTS: same seeded subsample
    expect(slicedWasserstein(big, big)).toBe(0);
    for (const [dx, dy] of [
      [0.3, 0.4],
      [-1, 0.2],
    ]) {
      const sw = slicedWasserstein(shifted(data, dx, dy), data);
      const d = Math.hypot(dx, dy);
      console.log('sliced W1 of a shift', { shift: d, sw, relErr: Math.abs(sw / d - 1) });
      expect(Math.abs(sw / d - 1)).toBeLessThan(0.01);
    }
  });

  it('sliced W₁ is small between two draws of one distribution, large when a mode is lost', () => {
    const other = mixturePoints(2000, eightGaussiansCentres(2), 0.2, 9).points;
    const lost = mixturePoints(2000, eightGaussiansCentres(2).slice(1), 0.2, 9).points;
    const t0 = performance.now();
    const same = slicedWasserstein(other, data);
    const ms = performance.now() - t0;
    const missing = slicedWasserstein(lost, data);
    console.log('sliced W1', { same, missing, ms2000x3000: ms });
    expect(same).toBeLessThan(0.1); // finite-sample floor: mode weights vary by ~1/√n
    expect(missing).toBeGreaterThan(3 * same);
  });

  it('MMD² ≈ 0 for one distribution and grows with a shift', () => {
    const other = mixturePoints(2000, eightGaussiansCentres(2), 0.2, 9).points;
    const t0 = performance.now();
    const same = mmd2(other, data);
    const ms = performance.now() - t0;
    const moved = mmd2(shifted(other, 0.3, 0), data);
    const far = mmd2(shifted(other, 1, 0), data);
    console.log('MMD²', { same, moved, far, ms512: ms });
    expect(Math.abs(same)).toBeLessThan(0.005);
    expect(moved).toBeGreaterThan(5 * Math.abs(same));
    expect(far).toBeGreaterThan(moved);
  });

  it('subsample is seeded and draws without replacement', () => {
    const p = Float32Array.from({ length: 200 }, (_, k) => k);
    const a = subsample(p, 30, 5);
    expect(Array.from(a)).toEqual(Array.from(subsample(p, 30, 5)));
    const xs = new Set(Array.from({ length: 30 }, (_, k) => a[2 * k]));
    expect(xs.size).toBe(30);
    expect(subsample(p, 1000).length).toBe(200);
  });
});
