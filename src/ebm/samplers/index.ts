// The sampler registry: one place that maps a setting name to a sampler and says what it is.
import type { SamplerName } from '../../state/schema';
import type { Rbm } from '../rbm';
import { makeGibbsSampler } from './gibbs';
import { hmc } from './hmc';
import { langevin } from './langevin';
import { mala } from './mala';
import { mh } from './mh';
import type { Sampler } from './types';

export { SAMPLER_INFO, samplerApplies, type SamplerInfo } from './info';

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
export {
  createReplicaExchange,
  swapPartners,
  temperatureLadder,
  type ReplicaExchangeOptions,
  type ReplicaExchangeSampler,
} from './replicaExchange';
