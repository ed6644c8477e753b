// Which sampler and parameters run for which settings, and the Gibbs-on-MLP coercion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMlp } from '../ebm/mlp';
import { createModel } from '../ebm/models';
import { createRbm, isRbm } from '../ebm/rbm';
import { createSampler } from '../ebm/samplers';
import { useCpu } from '../ebm/testing';
import {
  DEFAULT_SETTINGS,
  effectiveSampler,
  SAMPLERS,
  samplersFor,
  type SamplerName,
  type Settings,
} from '../contract/settings';
import { SAMPLER_SPECS } from '../contract/samplers';
import { epsilonOf, runningSampler, samplerParams, trainAlpha } from './samplerSetup';
import { modelChanged } from './session';

const box = { min: -4, max: 4 };
const set = (over: Partial<Settings>): Settings => ({
  ...DEFAULT_SETTINGS,
  langevinStep: 0.03,
  malaStep: 0.02,
  hmcStep: 0.06,
  mhScale: 0.4,
  leapfrogSteps: 7,
  beta: 1.5,
  ...over,
});

let mlp: ReturnType<typeof createMlp>;
let rbm: ReturnType<typeof createRbm>;
beforeAll(async () => {
  await useCpu();
  mlp = createMlp({ width: 8, depth: 1, inputScale: 0.5, seed: 1 });
  rbm = createRbm({ hidden: 4, seed: 1 });
});
afterAll(() => {
  mlp.dispose();
  rbm.dispose();
});

describe('samplerSetup', () => {
  it('every sampler that applies runs as itself, on both models', () => {
    for (const model of ['mlp', 'rbm'] as const) {
      for (const name of samplersFor(model)) {
        const m = model === 'rbm' ? rbm : mlp;
        const name2 = runningSampler(set({ sampler: name, model }), m);
        expect(name2).toBe(name);
        expect(createSampler(name2, { model: m, params: {} }).kind).toBe(name);
      }
    }
    expect(samplersFor('mlp')).toEqual(SAMPLERS.filter((n) => n !== 'gibbs'));
    expect(samplersFor('rbm')).toEqual([...SAMPLERS]);
  });

  it('Gibbs on the MLP is coerced to Langevin (settings, and a session that lags them)', () => {
    expect(effectiveSampler({ sampler: 'gibbs', model: 'mlp' })).toBe('langevin');
    expect(effectiveSampler({ sampler: 'gibbs', model: 'rbm' })).toBe('gibbs');
    expect(runningSampler(set({ sampler: 'gibbs', model: 'mlp' }), mlp)).toBe('langevin');
    // Settings already say rbm, but the model object is still the MLP: never a Gibbs on it.
    expect(runningSampler(set({ sampler: 'gibbs', model: 'rbm' }), mlp)).toBe('langevin');
    expect(isRbm(rbm)).toBe(true);
    expect(isRbm(mlp)).toBe(false);
  });

  it('each sampler gets its own parameters (registry rows); leapfrog only for HMC; β always', () => {
    const expected: Partial<Record<SamplerName, object>> = {
      langevin: { langevinStep: 0.03 },
      mala: { malaStep: 0.02 },
      hmc: { hmcStep: 0.06, leapfrogSteps: 7 },
      mh: { mhScale: 0.4 },
      gibbs: {},
    };
    const eps: Partial<Record<SamplerName, number | null>> = {
      langevin: 0.03,
      mala: 0.02,
      hmc: null,
      mh: null,
      gibbs: null,
    };
    for (const name of SAMPLERS) {
      const s = set({ sampler: name, model: 'rbm' });
      const { beta, box: b, trace, ...own } = samplerParams(s, box);
      // Every sampler gets exactly the parameters its registry row lists, nothing shared.
      expect(Object.keys(own).sort()).toEqual(Object.keys(SAMPLER_SPECS[name].params).sort());
      if (expected[name]) expect(own).toEqual(expected[name]);
      if (name in eps) expect(epsilonOf(s)).toBe(eps[name]);
      const p = { beta, box: b, trace };
      expect(p.beta).toBe(1.5);
      expect(p.box).toBe(box);
      expect(p.trace).toBeUndefined();
    }
    // The coerced sampler's step is used: Gibbs on the MLP runs Langevin with ε.
    expect(samplerParams(set({ sampler: 'gibbs', model: 'mlp' }), box).langevinStep).toBe(0.03);
    expect(samplerParams(set({}), box, { chains: 4, steps: 9 }).trace).toEqual({
      chains: 4,
      steps: 9,
    });
  });

  it('α applies to the MLP only; model keys rebuild only the model they shape', () => {
    expect(trainAlpha({ alpha: 0.1, model: 'mlp' })).toBe(0.1);
    expect(trainAlpha({ alpha: 0.1, model: 'rbm' })).toBe(0);
    const m = set({ model: 'mlp' });
    const r = set({ model: 'rbm' });
    expect(modelChanged(m, { ...m, rbmHidden: 64 })).toBe(false);
    expect(modelChanged(r, { ...r, rbmHidden: 64 })).toBe(true);
    expect(modelChanged(r, { ...r, width: 128 })).toBe(false);
    expect(modelChanged(m, { ...m, width: 128 })).toBe(true);
    expect(modelChanged(m, r)).toBe(true);
    expect(modelChanged(m, { ...m, sampler: 'hmc', mode: 'sample', hmcStep: 0.1 })).toBe(false);
    const built = createModel(set({ model: 'rbm', rbmHidden: 5 }), 3);
    expect(isRbm(built) && built.hidden).toBe(5);
    built.dispose();
  });
});
