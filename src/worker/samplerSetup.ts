// Which sampler runs, with which parameters, for the current settings. One place for the
// rules the UI also follows: Gibbs exists only for the RBM (a stale or imported setting of
// 'gibbs' on the MLP is coerced to Langevin here), the step setting comes from
// SAMPLER_INFO.stepSetting (ε for Langevin/MALA/HMC, the proposal scale for MH), and HMC
// takes its leapfrog count. β is the same everywhere.
import type { Box } from '../ebm/box';
import type { EnergyModel } from '../ebm/energy';
import type { Rbm } from '../ebm/rbm';
import { getSampler, SAMPLER_INFO } from '../ebm/samplers';
import { effectiveSampler } from '../ebm/samplers/info';
import type { Sampler, SamplerParams, TraceRequest } from '../ebm/samplers/types';
import type { TrainParams } from '../ebm/trainer';
import { DATA_BATCH } from './dataBatch';
import type { SamplerName, Settings } from '../state/schema';

export { effectiveSampler, samplersFor } from '../ebm/samplers/info';

/** The step parameter of a sampler: ε, or the MH proposal scale (Gibbs has none: 0). */
export function stepFor(name: SamplerName, s: Settings): number {
  const key = SAMPLER_INFO[name].stepSetting;
  return key === null ? 0 : s[key];
}

export function samplerParams(s: Settings, box: Box, trace?: TraceRequest): SamplerParams {
  const name = effectiveSampler(s);
  const p: SamplerParams = {
    beta: s.beta,
    stepSize: stepFor(name, s),
    leapfrogSteps: SAMPLER_INFO[name].usesLeapfrog ? s.leapfrogSteps : 1,
    box,
  };
  return trace ? { ...p, trace } : p;
}

export function isRbm(model: EnergyModel): model is Rbm {
  return (model as Partial<Rbm>).kind === 'rbm';
}

export interface SamplerChoice {
  name: SamplerName;
  sampler: Sampler;
  /** The setting asked for something that does not apply (e.g. Gibbs on the MLP). */
  coerced: boolean;
}

/** The sampler for these settings on this model. */
export function pickSampler(s: Settings, model: EnergyModel): SamplerChoice {
  let name = effectiveSampler(s);
  // Gibbs also needs the RBM object itself (a session still being rebuilt may lag the setting).
  if (name === 'gibbs' && !isRbm(model)) name = 'langevin';
  return {
    name,
    sampler: getSampler(name, { rbm: isRbm(model) ? model : null }),
    coerced: name !== s.sampler,
  };
}

/**
 * The energy² regulariser weight for training. The MLP's output bias is a free additive
 * constant that α pins near zero; the RBM's free energy has no such constant (its level is
 * tied to b, c and W), so α would fight its shape: measured, α = 0.1 stops an RBM from
 * learning two clusters at all, α = 0 learns them. The RBM trains with α = 0.
 */
export function trainAlpha(s: Pick<Settings, 'alpha' | 'model'>): number {
  return s.model === 'rbm' ? 0 : s.alpha;
}

/** Parameter gradients are clipped to this global L2 norm. */
export const MAX_GRAD_NORM = 10;

/** Everything one CD iteration needs: the sampler's parameters plus the optimiser's. */
export function trainParams(s: Settings, box: Box): TrainParams {
  return {
    ...samplerParams(s, box),
    learningRate: s.learningRate,
    steps: s.langevinSteps,
    reinitFraction: s.reinitFraction,
    alpha: trainAlpha(s),
    batch: DATA_BATCH,
    maxGradNorm: MAX_GRAD_NORM,
  };
}
