// The formulas the lessons show are the code that runs. The Langevin update
//   x ← x − (ε/2)∇ₓ(βE) + N(0, ε I)
// is checked on E = ½‖x‖² (∇E = x): one step from x₀ has mean x₀(1 − εβ/2) and variance ε per
// coordinate. With 20,000 chains the mean's standard error is √(ε/20000) ≈ 0.0014 (tolerance
// 0.006) and the variance's relative standard error is √(2/20000) = 1 % (tolerance 4 %).
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLER_SPECS } from '../contract/samplers';
import { langevin } from '../ebm/samplers/langevin';
import { gaussianEnergy, params } from '../ebm/samplers/testEnergies';
import { makeRng } from '../ebm/rng';
import { useCpu } from '../ebm/testing';
import { tf, type Tensor2D } from '../ebm/tf';
import { LANGEVIN_TEX } from './langevin';
import { LESSONS } from './index';
import { LEAPFROG_TEX } from './hmc';

describe('lesson formulas match the code', () => {
  beforeAll(useCpu);

  it('the Langevin formula is the one the sampler row and the step show', () => {
    expect(LANGEVIN_TEX).toContain('\\frac{\\varepsilon}{2}');
    expect(LANGEVIN_TEX).toContain('\\nabla_x(\\beta E_\\theta)');
    expect(LANGEVIN_TEX).toContain('\\mathcal{N}(0, \\varepsilon I)');
    expect(SAMPLER_SPECS.langevin.params.langevinStep.hint).toContain('(ε/2)∇(βE)');
    expect(LESSONS[2].steps.some((s) => s.formula === LANGEVIN_TEX)).toBe(true);
    expect(LEAPFROG_TEX).toContain('\\tfrac{\\varepsilon}{2}');
  });

  it('one Langevin step moves by −(ε/2)β∇E and adds noise of variance ε', () => {
    const [eps, beta, n] = [0.04, 2, 20000];
    const energy = gaussianEnergy(
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
    );
    const p = { ...params({ step: eps }), beta };
    const x = tf.tidy(() => {
      const x0 = tf.mul(tf.ones([n, 2]), 1) as Tensor2D;
      return langevin.run(energy, x0, 1, p, makeRng(3)).x;
    });
    const v = x.dataSync();
    x.dispose();
    let s = 0;
    let s2 = 0;
    for (const a of v) {
      s += a;
      s2 += a * a;
    }
    const mean = s / v.length;
    const variance = s2 / v.length - mean * mean;
    expect(Math.abs(mean - (1 - (eps * beta) / 2))).toBeLessThan(0.006);
    expect(Math.abs(variance / eps - 1)).toBeLessThan(0.04);
  });
});
