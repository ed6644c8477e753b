// The registry covers every sampler name and hands out the right implementation.
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLERS } from '../../state/schema';
import { createRbm } from '../rbm';
import { useCpu } from '../testing';
import { getSampler, SAMPLER_INFO, samplerApplies } from './index';

describe('sampler registry', () => {
  beforeAll(async () => {
    await useCpu();
  });
  it('has info and an implementation for every SamplerName', () => {
    const rbm = createRbm({ hidden: 2, seed: 1 });
    for (const name of SAMPLERS) {
      expect(SAMPLER_INFO[name].label.length).toBeGreaterThan(0);
      expect(getSampler(name, { rbm }).kind).toBe(name);
    }
    rbm.dispose();
  });
  it('gibbs needs an RBM and applies only to it', () => {
    expect(() => getSampler('gibbs')).toThrow(/RBM/);
    expect(samplerApplies('gibbs', 'mlp')).toBe(false);
    expect(samplerApplies('gibbs', 'rbm')).toBe(true);
    expect(samplerApplies('mala', 'mlp')).toBe(true);
    expect(SAMPLERS.filter((s) => SAMPLER_INFO[s].reportsAcceptance)).toEqual([
      'mala',
      'mh',
      'hmc',
    ]);
  });
});
