// The samplers' public face: the registry's factory and the types every sampler shares.
export { createSampler, REGISTRATIONS } from './registry';
export { leapfrog, leapfrogPath, type LeapfrogResult } from './hmc';
export { hmc } from './hmc';
export { langevin } from './langevin';
export { mala } from './mala';
export { makeGibbsSampler } from './gibbs';
export { mh } from './mh';
export type {
  Sampler,
  SamplerContext,
  SamplerParams,
  SamplerRegistration,
  SamplerResult,
} from './types';
export {
  createReplicaExchange,
  swapPartners,
  temperatureLadder,
  type ReplicaExchangeOptions,
  type ReplicaExchangeSampler,
} from './replicaExchange';
