import { describe, expect, it } from 'vitest';
import { makeRng } from '../rng';
import { densityOnGrid, gaussian, mixture, ring, type Density } from './exactDensity';
import { grid128, gaussianPoints } from './fixtures';
import { ksCritical, levelCalibration } from './levelCalibration';

const logOf = (p: Density) => Float64Array.from(densityOnGrid(p, grid128), (v) => Math.log(v));

/** n points on a ring of radius R, radial noise σ (seeded). */
function ringPoints(n: number, R: number, s: number, seed: number): Float32Array {
  const rng = makeRng(seed);
  const out = new Float32Array(2 * n);
  for (let k = 0; k < n; k++) {
    const t = 2 * Math.PI * rng.next();
    const r = R + s * rng.normal();
    out[2 * k] = r * Math.cos(t);
    out[2 * k + 1] = r * Math.sin(t);
  }
  return out;
}

describe('levelCalibration', () => {
  it('is uniform under the truth: D below the 5 % critical value on 8 of 10 seeds or more', () => {
    const logP = logOf(gaussian(0.3, -0.2, 0.7));
    let pass = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const c = levelCalibration(logP, grid128, gaussianPoints(400, 0.3, -0.2, 0.7, seed));
      expect(c.n).toBe(400);
      expect(Math.abs(c.excess)).toBeLessThan(0.06); // std of mean u: 1/√(12·400) = 0.014
      if (c.ks < ksCritical(400)) pass++;
    }
    expect(pass).toBeGreaterThanOrEqual(8);
  });

  it('a model too broad: the data sit at its dense levels (excess < 0); too sharp: > 0', () => {
    const data = gaussianPoints(400, 0, 0, 0.5, 3);
    const broad = levelCalibration(logOf(gaussian(0, 0, 0.8)), grid128, data);
    const sharp = levelCalibration(logOf(gaussian(0, 0, 0.3)), grid128, data);
    // Exact: under N(0, s²), u = 1 − exp(−r²/2s²); with the data's σ = 0.5, mean u = 1 − 1/(1 + σ²/s²)
    // … = 0.281 for s = 0.8 and 0.735 for s = 0.3.
    expect(broad.excess).toBeCloseTo(0.281 - 0.5, 1);
    expect(sharp.excess).toBeCloseTo(0.735 - 0.5, 1);
    expect(broad.ks).toBeGreaterThan(3 * ksCritical(400));
    expect(sharp.ks).toBeGreaterThan(3 * ksCritical(400));
  });

  it('sees two thin rings merged into one band, which a kernel of their spacing cannot', () => {
    const data = new Float32Array([
      ...ringPoints(200, 1.6, 0.08, 5),
      ...ringPoints(200, 2.2, 0.08, 6),
    ]);
    const truth = logOf(mixture([ring(1.6, 0.08), ring(2.2, 0.08)]));
    const merged = logOf(ring(1.9, 0.33)); // one band of the same mean radius and spread
    const right = levelCalibration(truth, grid128, data);
    const wrong = levelCalibration(merged, grid128, data);
    expect(right.ks).toBeLessThan(ksCritical(400));
    expect(wrong.ks).toBeGreaterThan(2 * ksCritical(400));
  });

  it('ignores points outside the box and returns NaN for none', () => {
    const logP = logOf(gaussian(0, 0, 1));
    expect(levelCalibration(logP, grid128, new Float32Array([9, 9])).ks).toBeNaN();
    expect(levelCalibration(logP, grid128, new Float32Array([9, 9, 0, 0])).n).toBe(1);
  });
});
