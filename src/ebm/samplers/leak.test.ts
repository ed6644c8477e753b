// Tidy discipline: 100 runs of every sampler (and the RBM helpers) inside tf.tidy leave
// tf.memory().numTensors unchanged, including the per-step tidies inside the samplers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRbm, type Rbm } from '../rbm';
import { makeRng } from '../rng';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import { leapfrog, leapfrogPath } from './hmc';
import { createSampler } from './index';
import { gaussianEnergy, params } from './testEnergies';
import type { SamplerName } from '../../contract/settings';

const energy = gaussianEnergy(
  [0, 0],
  [
    [1, 0.3],
    [0.3, 1],
  ],
);
let rbm: Rbm;
let x0: Tensor2D;

describe('no tensor leaks', () => {
  beforeAll(async () => {
    await useCpu();
    rbm = createRbm({ hidden: 4, seed: 1 });
    x0 = tf.randomNormal([64, 2], 0, 1, 'float32', 1) as Tensor2D;
  });
  afterAll(() => {
    rbm.dispose();
    x0.dispose();
  });

  const names: [SamplerName, number][] = [
    ['langevin', 1],
    ['mala', 1],
    ['mh', 1],
    ['hmc', 1],
    ['gibbs', 1],
    ['gibbs', 2], // the MH-corrected tempered path
  ];
  it.each(names)('%s (β = %d): 100 runs in tf.tidy', (name, beta) => {
    const sampler = createSampler(name, { model: rbm, params: {} });
    const E = name === 'gibbs' ? rbm.energy : energy;
    const p = params({ beta, step: 0.1, leapfrogSteps: 3 });
    const rng = makeRng(1);
    tf.tidy(() => void sampler.run(E, x0, 3, p, rng)); // warm-up (kernels, backend state)
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) {
      tf.tidy(() => {
        const r = sampler.run(E, x0, 3, p, rng);
        r.acceptRate?.dataSync();
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leapfrog, leapfrogPath and the RBM helpers', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) {
      tf.tidy(() => {
        leapfrog(energy, x0, x0, 0.1, 4, 1, { path: true });
        leapfrogPath(energy, x0, x0, 0.1, 4, 1);
        const h = rbm.sampleHidden(x0, i, 2);
        rbm.sampleVisible(h, i + 1, 2);
        rbm.jointEnergy(x0, h);
        rbm.cdLoss(x0, x0);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
