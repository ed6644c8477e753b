// Acceptance rates are means over steps and chains, lie in [0, 1], and fall as the step grows
// (a bigger move is a worse local approximation / a bigger energy change).
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../rng';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import { hmc } from './hmc';
import { mala } from './mala';
import { mh } from './mh';
import { gaussianEnergy, params } from './testEnergies';
import type { Sampler } from './types';

const energy = gaussianEnergy(
  [0, 0],
  [
    [1, 0.5],
    [0.5, 0.8],
  ],
);

/** Mean acceptance of 30 steps on 500 chains started near the target. */
function rate(sampler: Sampler, stepSize: number): number {
  return tf.tidy(() => {
    const x0 = tf.randomNormal([500, 2], 0, 0.8, 'float32', 3) as Tensor2D;
    const p = params({ step: stepSize, leapfrogSteps: 5 });
    const r = sampler.run(energy, x0, 30, p, makeRng(2));
    return (r.acceptRate as tf.Scalar).dataSync()[0];
  });
}

describe('acceptance rates', () => {
  beforeAll(async () => {
    await useCpu();
  });
  it.each([
    ['mala', mala, [0.05, 0.5, 2]],
    ['mh', mh, [0.1, 1, 4]],
    ['hmc', hmc, [0.1, 0.5, 1.2]],
  ] as const)('%s: rate in [0, 1], decreasing in the step size', (name, sampler, steps) => {
    const rates = steps.map((s) => rate(sampler, s));
    console.info(name, steps.map((s, i) => `step ${s}: ${rates[i].toFixed(3)}`).join(', '));
    rates.forEach((r) => {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    });
    expect(rates[0]).toBeGreaterThan(rates[1]);
    expect(rates[1]).toBeGreaterThan(rates[2]);
    expect(rates[0]).toBeGreaterThan(0.9); // tiny steps: almost everything accepted
  });
});
