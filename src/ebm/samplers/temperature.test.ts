// Inverse temperature: every sampler targets exp(−βE). For E = ½‖x‖² that is N(0, I/β):
// variance 1/β, checked within 5 % (relative) at β = 0.5 and β = 4. Step sizes scale with the
// target's width 1/√β so acceptance stays comparable.
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import { hmc } from './hmc';
import { langevin } from './langevin';
import { mala } from './mala';
import { mh } from './mh';
import { gaussianEnergy, params, runMoments, type TestParams } from './testEnergies';
import type { Sampler } from './types';

const energy = gaussianEnergy(
  [0, 0],
  [
    [1, 0],
    [0, 1],
  ],
);

// Chains start on U[−3, 3]² (variance 3: above 1/β for both β).
const init = (): Tensor2D => tf.randomUniform([2000, 2], -3, 3, 'float32', 17) as Tensor2D;

const make = (beta: number): [string, Sampler, TestParams][] => [
  // ULA at εβ = 0.04: predicted bias +1 %.
  [`langevin β=${beta}`, langevin, params({ beta, step: 0.04 / beta })],
  [`mala β=${beta}`, mala, params({ beta, step: 1 / beta })],
  [`mh β=${beta}`, mh, params({ beta, step: 1.5 / Math.sqrt(beta) })],
  [`hmc β=${beta}`, hmc, params({ beta, step: 0.3 / Math.sqrt(beta), leapfrogSteps: 4 })],
];

describe('temperature', () => {
  beforeAll(async () => {
    await useCpu();
  });
  it.each([...make(0.5), ...make(4)])('%s gives variance 1/β', (name, sampler, p) => {
    const ula = sampler === langevin;
    const burn = ula ? 250 : sampler === mh ? 100 : 40;
    const o = { chains: 2000, burn, thin: ula ? 5 : 2, snapshots: 20, seed: 4 + p.beta, init };
    const m = runMoments(sampler, energy, p, o);
    const v = (m.cov[0][0] + m.cov[1][1]) / 2;
    console.info(
      `${name}: var·β = ${(v * p.beta).toFixed(4)}, accept ${m.acceptRate?.toFixed(3) ?? 'n/a'}`,
    );
    expect(Math.abs(v * p.beta - 1)).toBeLessThan(0.05);
  });
});
