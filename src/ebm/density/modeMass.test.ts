import { describe, expect, it } from 'vitest';
import { grid128 } from './fixtures';
import { modeMass, modelModeMass } from './modeMass';
import { FIVE_CENTRES, FIVE_WEIGHTS, mixtureDensity, weightedMixture } from './modeMass.fixtures';

describe('mode mass', () => {
  it('recovers the weights of 5 unequal gaussians from the grid, the data and the chains', () => {
    const density = mixtureDensity(FIVE_WEIGHTS);
    const data = weightedMixture(2000, FIVE_WEIGHTS, 1);
    const chains = weightedMixture(1000, FIVE_WEIGHTS, 2);
    const r = modeMass(density, grid128, FIVE_CENTRES, data, chains);
    r.modes.forEach((m, k) => {
      expect(Math.abs(m.modelMass - FIVE_WEIGHTS[k])).toBeLessThan(1e-3);
      expect(Math.abs(m.dataShare - FIVE_WEIGHTS[k])).toBeLessThan(0.03); // √(.25/2000) ≈ .011
      expect(Math.abs(m.chainShare - FIVE_WEIGHTS[k])).toBeLessThan(0.04);
    });
    const sum = (f: (m: (typeof r.modes)[number]) => number) =>
      r.modes.reduce((s, m) => s + f(m), 0);
    expect(sum((m) => m.modelMass)).toBeCloseTo(1, 10);
    expect(sum((m) => m.dataShare)).toBeCloseTo(1, 10);
    expect(r.maxWeightError).toBeLessThan(0.03);
    expect(r.maxChainError).toBeLessThan(0.04);
    console.log('mode mass (good)', {
      maxWeightError: r.maxWeightError,
      maxChainError: r.maxChainError,
    });
  });

  it('sees the issue: model .97/.03/0/0/0 with chains stuck where it is, data .36/.26/.18/.12/.08', () => {
    const stuck = [0.97, 0.03, 0, 0, 0];
    const r = modeMass(
      mixtureDensity(stuck),
      grid128,
      FIVE_CENTRES,
      weightedMixture(2000, FIVE_WEIGHTS, 3),
      weightedMixture(1000, stuck, 4),
    );
    expect(r.modes.map((m) => Math.round(100 * m.modelMass))).toEqual([97, 3, 0, 0, 0]);
    expect(r.maxWeightError).toBeGreaterThan(0.55); // |.97 − .36| = .61
    expect(r.maxChainError).toBeLessThan(0.03); // chains agree with the (wrong) model
    console.log('mode mass (issue)', {
      maxWeightError: r.maxWeightError,
      maxChainError: r.maxChainError,
    });
  });

  it('NaN for empty point sets instead of a false error of 0 or 1', () => {
    const m = modelModeMass(mixtureDensity(FIVE_WEIGHTS), grid128, FIVE_CENTRES);
    expect(m.length).toBe(5);
    const r = modeMass(
      mixtureDensity(FIVE_WEIGHTS),
      grid128,
      FIVE_CENTRES,
      new Float32Array(0),
      [],
    );
    expect(r.maxWeightError).toBeNaN();
    expect(r.maxChainError).toBeNaN();
  });
});
