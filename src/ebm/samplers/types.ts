// One interface for every MCMC sampler: advance a batch of chains on exp(−βE).
import type { Box } from '../box';
import type { SamplerName } from '../../contract/samplers';
import type { EnergyFn, EnergyModel } from '../energy';
import type { Rng } from '../rng';
import type { tf, Tensor2D } from '../tf';

/**
 * What every sampler is given. Each sampler also reads its own parameters, named by their
 * setting keys in the contract's registry row (src/contract/samplers.ts) and in their true
 * units: `langevinStep` (a variance), `hmcStep` (a time step), `mhScale` (a length)…
 */
export interface SamplerParams {
  /** Inverse temperature β: the target is p(x) ∝ exp(−β E(x)). */
  beta: number;
  box: Box;
  /**
   * Optional, for the UI's trails: record the first `chains` chains over the last `steps`
   * transitions (see trace.ts). Costs one small slice per recorded step; omitted = no trace.
   */
  trace?: TraceRequest;
}

export interface TraceRequest {
  chains: number;
  steps: number;
}

/** What a traced run returns (tensors owned by the caller's tidy scope). */
export interface SamplerTrace {
  /** [S, T, 2]: the T traced chains after each of the last S transitions, oldest first. */
  positions: tf.Tensor3D;
  /** [S, T, 2]: the proposals those transitions tested (accept/reject samplers), else null. */
  proposals: tf.Tensor3D | null;
  /** [S, T]: 1 where the proposal was accepted, 0 where rejected; null with proposals. */
  accepted: Tensor2D | null;
  /** HMC: [L + 1, 2], the leapfrog trajectory of chain 0 in the last transition; else null. */
  leapfrog: Tensor2D | null;
}

export interface SamplerResult {
  /** New chain positions [N, 2], owned by the caller's tidy scope. */
  x: Tensor2D;
  /** Mean acceptance over the run (accept/reject samplers only), a scalar tensor. */
  acceptRate: tf.Scalar | null;
  /** Present only when SamplerParams.trace asked for it. */
  trace?: SamplerTrace;
}

/** A sampler whose own parameters are the settings K (numbers). */
export interface Sampler<K extends string = never> {
  readonly kind: string;
  /**
   * Run `steps` transitions from x. Pure tensor code: call it inside tf.tidy.
   * `rng` supplies seeds for tfjs random ops so runs are reproducible.
   */
  run(
    energy: EnergyFn,
    x: Tensor2D,
    steps: number,
    p: SamplerParams & Readonly<Record<K, number>>,
    rng: Rng,
  ): SamplerResult;
  /** Samplers that keep state between runs (tensors) free it here. */
  dispose?(): void;
}

/** What a sampler's factory may look at. */
export interface SamplerContext {
  model: EnergyModel;
  /** The sampler's own parameters at creation (those its row lists in `rebuildOn` matter). */
  params: Readonly<Record<string, number>>;
}

/**
 * How a sampler file registers itself (src/ebm/samplers/registry.ts finds it): its id in the
 * contract's registry and a factory. Stateless samplers return the same object every time.
 */
export interface SamplerRegistration {
  id: SamplerName;
  create(ctx: SamplerContext): Sampler;
}
