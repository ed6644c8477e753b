// The sampler registry: one place that maps a setting name to a sampler and says what it is.
import type { ModelName, SamplerName } from '../../state/schema';
import type { Rbm } from '../rbm';
import { makeGibbsSampler } from './gibbs';
import { hmc } from './hmc';
import { langevin } from './langevin';
import { mala } from './mala';
import { mh } from './mh';
import type { Sampler } from './types';

export interface SamplerInfo {
  label: string;
  /**
   * run() returns an acceptance rate (a Metropolis–Hastings step). Gibbs is exact at β = 1 and
   * reports none there; at β ≠ 1 its temperature correction does return a rate (gibbs.ts).
   */
  reportsAcceptance: boolean;
  /** Models the sampler can run on: the gradient samplers need only E and ∇E. */
  models: readonly ModelName[];
  /** Which setting feeds SamplerParams.stepSize (null: no step size). */
  stepSetting: 'stepSize' | 'mhScale' | null;
  /** Uses SamplerParams.leapfrogSteps. */
  usesLeapfrog: boolean;
}

const ANY: readonly ModelName[] = ['mlp', 'rbm'];

export const SAMPLER_INFO: Record<SamplerName, SamplerInfo> = {
  langevin: {
    label: 'Langevin (unadjusted)',
    reportsAcceptance: false,
    models: ANY,
    stepSetting: 'stepSize',
    usesLeapfrog: false,
  },
  mala: {
    label: 'MALA (Metropolis-adjusted Langevin)',
    reportsAcceptance: true,
    models: ANY,
    stepSetting: 'stepSize',
    usesLeapfrog: false,
  },
  mh: {
    label: 'Random-walk Metropolis–Hastings',
    reportsAcceptance: true,
    models: ANY,
    stepSetting: 'mhScale',
    usesLeapfrog: false,
  },
  hmc: {
    label: 'Hamiltonian Monte Carlo',
    reportsAcceptance: true,
    models: ANY,
    stepSetting: 'stepSize',
    usesLeapfrog: true,
  },
  gibbs: {
    label: 'Blocked Gibbs (RBM)',
    reportsAcceptance: false,
    models: ['rbm'],
    stepSetting: null,
    usesLeapfrog: false,
  },
};

export function samplerApplies(name: SamplerName, model: ModelName): boolean {
  return SAMPLER_INFO[name].models.includes(model);
}

export interface SamplerContext {
  /** Required for 'gibbs'. */
  rbm?: Rbm | null;
}

/** The sampler for a setting. Throws for 'gibbs' without an RBM in the context. */
export function getSampler(name: SamplerName, ctx: SamplerContext = {}): Sampler {
  switch (name) {
    case 'langevin':
      return langevin;
    case 'mala':
      return mala;
    case 'mh':
      return mh;
    case 'hmc':
      return hmc;
    case 'gibbs':
      if (!ctx.rbm) throw new Error('The Gibbs sampler needs an RBM model');
      return makeGibbsSampler(ctx.rbm);
  }
}

export { leapfrog, leapfrogPath, type LeapfrogResult } from './hmc';
export { hmc, langevin, makeGibbsSampler, mala, mh };
export type { Sampler, SamplerParams, SamplerResult } from './types';
