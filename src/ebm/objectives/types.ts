// The contract shared by every training objective. An objective is a pure tensor function:
// from the energy E_θ, a data batch [B, 2] and whatever else it needs (sampler negatives,
// a noise source), it returns a scalar loss L(θ) to be minimised by the optimiser over the
// model's variables, and the terms it reports. Call it inside the closure given to
// optimizer.computeGradients (or tf.variableGrads), itself inside tf.tidy.
//
// Every objective reports two energies so the trainer's stats keep one layout:
//   eData = mean E(data batch);
//   eNeg  = the "negative phase" energy, whose push-up the loss contains: mean E(negatives)
//           for the CD family, E_{p_θ}[E] on the grid for exactMl, mean E(noised data) for dsm.
// Objectives add further named terms (logZ, …) in `terms`.
import type { EnergyFn } from '../energy';
import type { Rng } from '../rng';
import type { tf, Tensor2D } from '../tf';

export interface ObjectiveInput {
  energy: EnergyFn;
  /** Data batch [B, 2]. */
  data: Tensor2D;
  /** Sampler output [M, 2] for the CD family; produced outside the tape, so constants here. */
  negatives?: Tensor2D;
  /** Seeds for random ops inside the loss (dsm's noise). */
  rng?: Rng;
}

export interface ObjectiveTerms {
  eData: tf.Scalar;
  eNeg: tf.Scalar;
  [name: string]: tf.Scalar;
}

export interface ObjectiveResult {
  /** The scalar to minimise. */
  loss: tf.Scalar;
  terms: ObjectiveTerms;
}

export type Objective<P> = (input: ObjectiveInput, params: P) => ObjectiveResult;

/**
 * Where the trainer gets the negatives an objective needs: the persistent replay buffer,
 * K sampler steps from uniform noise, K steps from the data batch, or none (exactMl, dsm).
 */
export type NegativeSource = 'persistent' | 'noise' | 'data' | 'none';

export function requireNegatives(input: ObjectiveInput, name: string): Tensor2D {
  if (!input.negatives) throw new Error(`${name} needs negatives from a sampler`);
  return input.negatives;
}
