// One interface for every MCMC sampler: advance a batch of chains on exp(−βE).
import type { Box } from '../box';
import type { EnergyFn } from '../energy';
import type { Rng } from '../rng';
import type { tf, Tensor2D } from '../tf';

export interface SamplerParams {
  /** Inverse temperature β: the target is p(x) ∝ exp(−β E(x)). */
  beta: number;
  /** Langevin/MALA ε, HMC leapfrog step, or MH proposal standard deviation. */
  stepSize: number;
  /** HMC: leapfrog steps per proposal. */
  leapfrogSteps: number;
  box: Box;
}

export interface SamplerResult {
  /** New chain positions [N, 2], owned by the caller's tidy scope. */
  x: Tensor2D;
  /** Mean acceptance over the run (accept/reject samplers only), a scalar tensor. */
  acceptRate: tf.Scalar | null;
}

export interface Sampler {
  readonly kind: string;
  /**
   * Run `steps` transitions from x. Pure tensor code: call it inside tf.tidy.
   * `rng` supplies seeds for tfjs random ops so runs are reproducible.
   */
  run(energy: EnergyFn, x: Tensor2D, steps: number, p: SamplerParams, rng: Rng): SamplerResult;
}
