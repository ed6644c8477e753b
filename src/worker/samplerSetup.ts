// Which sampler runs, with which parameters, for the current settings: all read from the
// registries. Gibbs exists only for the RBM (a stale or imported 'gibbs' on the MLP runs
// Langevin); each sampler is handed β, the box and its own parameters under their setting
// names (src/contract/samplers.ts); the model's row says whether α applies.
import type { Box } from '../contract/box';
import { MODEL_SPECS } from '../contract/models';
import { SAMPLER_SPECS } from '../contract/samplers';
import { effectiveSampler, TRAINER, type SamplerName, type Settings } from '../contract/settings';
import type { EnergyModel } from '../ebm/energy';
import { isRbm } from '../ebm/rbm';
import type { SamplerParams, TraceRequest } from '../ebm/samplers/types';
import type { TrainParams } from '../ebm/trainer';
import { DATA_BATCH } from './dataBatch';

export type RunParams = SamplerParams & Readonly<Record<string, number>>;

/** The sampler that runs these settings on this model (Gibbs needs the RBM object itself). */
export function runningSampler(s: Settings, model: EnergyModel): SamplerName {
  const name = effectiveSampler(s);
  return name === 'gibbs' && !isRbm(model) ? 'langevin' : name;
}

/** A sampler's own parameters, by setting key. */
export function ownParams(name: SamplerName, s: Settings): Record<string, number> {
  const keys = Object.keys(SAMPLER_SPECS[name].params) as (keyof Settings)[];
  return Object.fromEntries(keys.map((k) => [k, s[k] as number]));
}

export function samplerParams(s: Settings, box: Box, trace?: TraceRequest): RunParams {
  const p = { beta: s.beta, box, ...ownParams(effectiveSampler(s), s) } as RunParams;
  return trace ? ({ ...p, trace } as RunParams) : p;
}

/** The Langevin-type ε of the running sampler (the health check's step), or null. */
export function epsilonOf(s: Settings): number | null {
  const key = (SAMPLER_SPECS[effectiveSampler(s)] as { epsilonKey?: keyof Settings }).epsilonKey;
  return key ? (s[key] as number) : null;
}

/** The energy² regulariser weight: the model's row says whether α applies (models.ts). */
export function trainAlpha(s: Pick<Settings, 'alpha' | 'model'>): number {
  return MODEL_SPECS[s.model].usesAlpha ? s.alpha : 0;
}

/** Parameter gradients are clipped to this global L2 norm. */
export const MAX_GRAD_NORM = TRAINER.maxGradNorm;

/** Everything one CD iteration needs: the sampler's parameters plus the optimiser's. */
export function trainParams(s: Settings, box: Box): TrainParams {
  return {
    sampler: samplerParams(s, box),
    learningRate: s.learningRate,
    steps: s.chainSteps,
    reinitFraction: s.reinitFraction,
    reinitFrom: s.reinitFrom,
    alpha: trainAlpha(s),
    batch: DATA_BATCH,
    maxGradNorm: MAX_GRAD_NORM,
    objective: { kind: s.objective, sigma: s.dsmSigma },
    jemLambda: s.jemLambda,
  };
}
