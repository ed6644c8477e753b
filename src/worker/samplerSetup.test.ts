// Which sampler and parameters run for which settings, and the Gibbs-on-MLP coercion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMlp } from '../ebm/mlp';
import { createRbm } from '../ebm/rbm';
import { SAMPLER_INFO } from '../ebm/samplers';
import { useCpu } from '../ebm/testing';
import { DEFAULT_SETTINGS, SAMPLERS, type Settings } from '../state/schema';
import {
  effectiveSampler,
  isRbm,
  pickSampler,
  samplerParams,
  samplersFor,
  stepFor,
  trainAlpha,
} from './samplerSetup';
import { createModel, modelChanged } from './session';

const box = { min: -4, max: 4 };
const set = (over: Partial<Settings>): Settings => ({
  ...DEFAULT_SETTINGS,
  stepSize: 0.03,
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
        const choice = pickSampler(set({ sampler: name, model }), model === 'rbm' ? rbm : mlp);
        expect(choice.name).toBe(name);
        expect(choice.sampler.kind).toBe(name);
        expect(choice.coerced).toBe(false);
      }
    }
    expect(samplersFor('mlp')).toEqual(['langevin', 'mala', 'mh', 'hmc']);
    expect(samplersFor('rbm')).toEqual([...SAMPLERS]);
  });

  it('Gibbs on the MLP is coerced to Langevin (settings, and a session that lags them)', () => {
    expect(effectiveSampler({ sampler: 'gibbs', model: 'mlp' })).toBe('langevin');
    expect(effectiveSampler({ sampler: 'gibbs', model: 'rbm' })).toBe('gibbs');
    const a = pickSampler(set({ sampler: 'gibbs', model: 'mlp' }), mlp);
    expect(a).toMatchObject({ name: 'langevin', coerced: true });
    expect(a.sampler.kind).toBe('langevin');
    // Settings already say rbm, but the model object is still the MLP: never a Gibbs on it.
    const b = pickSampler(set({ sampler: 'gibbs', model: 'rbm' }), mlp);
    expect(b).toMatchObject({ name: 'langevin', coerced: true });
    expect(isRbm(rbm)).toBe(true);
    expect(isRbm(mlp)).toBe(false);
  });

  it('the step parameter comes from SAMPLER_INFO.stepSetting; leapfrog only for HMC; β always', () => {
    const expected = { langevin: 0.03, mala: 0.03, hmc: 0.03, mh: 0.4, gibbs: 0 };
    for (const name of SAMPLERS) {
      const s = set({ sampler: name, model: 'rbm' });
      const p = samplerParams(s, box);
      expect(p.stepSize).toBe(expected[name]);
      expect(stepFor(name, s)).toBe(expected[name]);
      expect(p.leapfrogSteps).toBe(SAMPLER_INFO[name].usesLeapfrog ? 7 : 1);
      expect(p.beta).toBe(1.5);
      expect(p.box).toBe(box);
      expect(p.trace).toBeUndefined();
    }
    // The coerced sampler's step is used: Gibbs on the MLP runs Langevin with ε.
    expect(samplerParams(set({ sampler: 'gibbs', model: 'mlp' }), box).stepSize).toBe(0.03);
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
    expect(modelChanged(m, { ...m, sampler: 'hmc', mode: 'sample', stepSize: 0.1 })).toBe(false);
    const built = createModel(set({ model: 'rbm', rbmHidden: 5 }), 3);
    expect(isRbm(built) && built.hidden).toBe(5);
    built.dispose();
  });
});
