// What each sampler is, in plain data: labels, which models it runs on, which setting is its
// step. No TensorFlow here, so the page (src/ui) can read it too; index.ts re-exports it.
import type { ModelName, SamplerName } from '../../state/schema';

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

/** The sampler that actually runs: the chosen one if it applies to the model, else Langevin. */
export function effectiveSampler(s: { sampler: SamplerName; model: ModelName }): SamplerName {
  return samplerApplies(s.sampler, s.model) ? s.sampler : 'langevin';
}

/** The sampler names to offer for a model (Gibbs only with the RBM). */
export function samplersFor(model: ModelName): SamplerName[] {
  return (Object.keys(SAMPLER_INFO) as SamplerName[]).filter((n) => samplerApplies(n, model));
}
