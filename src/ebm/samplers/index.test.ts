// The registry covers every sampler in the contract and hands out the right implementation.
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLER_SPECS } from '../../contract/samplers';
import { SAMPLERS, samplerApplies } from '../../contract/settings';
import { createMlp } from '../mlp';
import { createRbm } from '../rbm';
import { useCpu } from '../testing';
import { createSampler, REGISTRATIONS } from './index';

describe('sampler registry', () => {
  beforeAll(async () => {
    await useCpu();
  });
  it('has a contract row and an implementation for every SamplerName', () => {
    const rbm = createRbm({ hidden: 2, seed: 1 });
    expect(Object.keys(REGISTRATIONS).sort()).toEqual([...SAMPLERS].sort());
    for (const name of SAMPLERS) {
      expect(SAMPLER_SPECS[name].label.length).toBeGreaterThan(0);
      expect(createSampler(name, { model: rbm, params: {} }).kind).toBe(name);
    }
    rbm.dispose();
  });
  it('gibbs needs an RBM and applies only to it', () => {
    const mlp = createMlp({ width: 8, depth: 1, inputScale: 0.5, seed: 1 });
    expect(() => createSampler('gibbs', { model: mlp, params: {} })).toThrow(/RBM/);
    mlp.dispose();
    expect(samplerApplies('gibbs', 'mlp')).toBe(false);
    expect(samplerApplies('gibbs', 'rbm')).toBe(true);
    expect(samplerApplies('mala', 'mlp')).toBe(true);
    expect(SAMPLERS.filter((s) => SAMPLER_SPECS[s].reportsAcceptance)).toEqual([
      'mala',
      'mh',
      'hmc',
      'replica',
    ]);
  });
  it('every sampler parameter has a unique setting name and a default inside its range', () => {
    const keys = SAMPLERS.flatMap((s) => Object.keys(SAMPLER_SPECS[s].params));
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SAMPLERS)
      for (const p of Object.values(SAMPLER_SPECS[s].params) as {
        min: number;
        max: number;
        default: number;
      }[])
        expect(p.default >= p.min && p.default <= p.max).toBe(true);
  });
});
