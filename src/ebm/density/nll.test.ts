import { describe, expect, it } from 'vitest';
import { energyOnGrid, gaussianPoints, grid128, quadratic } from './fixtures';
import { nll, nllBits } from './nll';
import { logPartition } from './partition';

describe('NLL', () => {
  it('of N(μ, σ²I) data under that Gaussian is log(2πσ²) + 1 within 2 %', () => {
    const [mx, my, s] = [0.5, -0.8, 0.5];
    const e = quadratic(mx, my, s);
    const logZ = logPartition(energyOnGrid(grid128, e), grid128); // quadrature, not analytic
    const data = gaussianPoints(20_000, mx, my, s, 7);
    const eData = new Float32Array(data.length / 2).map((_, k) => e(data[2 * k], data[2 * k + 1]));
    const expected = Math.log(2 * Math.PI * s * s) + 1;
    const got = nll(eData, logZ);
    console.log('nll', { got, expected, relErr: Math.abs(got / expected - 1) });
    expect(Math.abs(got / expected - 1)).toBeLessThan(0.02);
    expect(nllBits(eData, logZ)).toBeCloseTo(got / Math.LN2, 10);
  });

  it('is offset-free and scales E by β', () => {
    const eData = Float32Array.from([1, 2, 3]);
    expect(nll(eData, 0.5, 2)).toBeCloseTo(2 * 2 + 0.5, 6);
    // E + c moves log Z by −βc: the NLL does not change.
    expect(
      nll(
        eData.map((v) => v + 100),
        0.5 - 200,
        2,
      ),
    ).toBeCloseTo(4.5, 4);
    expect(nll(new Float32Array(0), 0)).toBeNaN();
  });
});
