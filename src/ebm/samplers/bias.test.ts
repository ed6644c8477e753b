// Unadjusted Langevin is biased at finite ε; MALA's accept/reject removes the bias.
// For E = ½‖x‖² the ULA chain is x' = (1 − ε/2)x + √ε z, whose stationary variance is
// ε / (1 − (1 − ε/2)²) = 1 / (1 − ε/4): +33 % at ε = 1, +14 % at 0.5, +6.7 % at 0.25.
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../testing';
import { langevin } from './langevin';
import { mala } from './mala';
import { gaussianEnergy, params, runMoments } from './testEnergies';

const energy = gaussianEnergy(
  [0, 0],
  [
    [1, 0],
    [0, 1],
  ],
);
const opts = { chains: 2000, burn: 60, thin: 3, snapshots: 20, seed: 21 };
const variance = (m: { cov: number[][] }): number => (m.cov[0][0] + m.cov[1][1]) / 2;

describe('Langevin step-size bias', () => {
  beforeAll(async () => {
    await useCpu();
  });
  it('ULA variance error shrinks with ε and follows 1/(1 − ε/4) within 3 %', () => {
    const errs = [1, 0.5, 0.25].map((eps) => {
      const burn = Math.ceil(opts.burn / eps);
      const v = variance(runMoments(langevin, energy, params({ step: eps }), { ...opts, burn }));
      console.info(
        `ULA ε=${eps}: var ${v.toFixed(4)} (predicted ${(1 / (1 - eps / 4)).toFixed(4)})`,
      );
      expect(Math.abs(v * (1 - eps / 4) - 1)).toBeLessThan(0.03);
      return Math.abs(v - 1);
    });
    expect(errs[0]).toBeGreaterThan(errs[1]);
    expect(errs[1]).toBeGreaterThan(errs[2]);
  });
  it('MALA at the large step ε = 1 is unbiased (variance within 5 %)', () => {
    const m = runMoments(mala, energy, params({ step: 1 }), opts);
    console.info(`MALA ε=1: var ${variance(m).toFixed(4)}, accept ${m.acceptRate?.toFixed(3)}`);
    expect(Math.abs(variance(m) - 1)).toBeLessThan(0.05);
    expect(Math.abs(m.mean[0])).toBeLessThan(0.05);
  });
});
