// One training iteration: advance a batch of chains with the sampler, then one Adam step
// (β1 = 0: EBMs are known to suffer from momentum) on the chosen objective (objectives/) with
// global-norm gradient clipping. Where the sampler's starts come from is the objective's
// NEGATIVES: the persistent chains, fresh uniform noise or the data batch; the advanced batch
// goes back into the buffer, so the samples shown are the negatives the loss used. Objectives
// without negatives (exact ML, DSM) still advance the persistent chains, for the picture only.
// Per-iteration statistics stay on the device as one small tensor, read back only when a
// frame is displayed.
import { readAdam, writeAdam, type AdamState } from './adamState';
import type { EnergyModel } from './energy';
import type { EnergyGrid } from './grid';
import { withCrossEntropy } from './jem/jemLoss';
import { isJem } from './jem/jemModel';
import { clipByGlobalNorm } from './loss';
import {
  cdKStart,
  createMlGrid,
  evaluateObjective,
  NEGATIVES,
  shortRunStart,
  type ObjectiveKind,
  type ObjectiveSpec,
} from './objectives';
import { dataRestarts, ModelGridProposal, type ReinitSource } from './reinit';
import type { ReplayBuffer } from './replay';
import type { Rng } from './rng';
import type { Sampler, SamplerParams } from './samplers/types';
import { tf, type Tensor2D } from './tf';

export interface TrainParams {
  /** What the sampler is handed: β, the box and its own parameters (by setting key). */
  sampler: SamplerParams & Readonly<Record<string, unknown>>;
  learningRate: number;
  steps: number;
  reinitFraction: number;
  /** Where re-initialised chains restart (reinit.ts). */
  reinitFrom: ReinitSource;
  alpha: number;
  batch: number;
  maxGradNorm: number;
  /** The objective and its own parameters (σ of denoising score matching). */
  objective: { kind: ObjectiveKind; sigma: number };
  /** A JEM model: weight λ of the generative objective beside the cross-entropy. */
  jemLambda?: number;
}

/** Stats layout: [loss, E(data), E(neg), gradNorm, acceptRate (−1 if none)]. */
export const STAT_COUNT = 5;

export class Trainer {
  /** Adam (β1 = 0); read by phasedStep.ts, which applies one step's update in phases. */
  optimizer: tf.Optimizer;
  private lr: number;
  /** Latest stats tensor [STAT_COUNT]; owned here. */
  stats: tf.Tensor1D | null = null;
  /** Cell centres for exact ML, made on first use; owned here. */
  private mlGrid: EnergyGrid | null = null;
  /** q_θ on a coarse grid, for restarts from the model's own density; owned here. */
  private proposal: ModelGridProposal | null = null;

  constructor(
    readonly model: EnergyModel,
    learningRate: number,
  ) {
    this.lr = learningRate;
    this.optimizer = tf.train.adam(learningRate, 0, 0.999);
  }

  /** A changed learning rate restarts Adam's second-moment estimate (cheap, stable). */
  setLearningRate(lr: number): void {
    if (lr === this.lr) return;
    this.lr = lr;
    this.resetOptimizer();
  }

  /**
   * The annealed rate of this iteration (ebm/anneal.ts), set in place: Adam's moments are
   * kept (tfjs's AdamOptimizer reads its learningRate field at every applyGradients).
   */
  setScheduledRate(lr: number): void {
    (this.optimizer as unknown as { learningRate: number }).learningRate = lr;
  }

  resetOptimizer(): void {
    this.optimizer.dispose();
    this.optimizer = tf.train.adam(this.lr, 0, 0.999);
  }

  /** Adam's state as CPU arrays (the rollback snapshot keeps it with the weights). */
  readOptimizer(): AdamState {
    return readAdam(this.optimizer);
  }

  /** Puts a saved Adam state back, bit for bit. */
  writeOptimizer(state: AdamState): void {
    writeAdam(this.optimizer, state);
  }

  /** The objective with everything it needs (exact ML's grid is made once, here). */
  spec(p: TrainParams): ObjectiveSpec {
    const { kind, sigma } = p.objective;
    const beta = p.sampler.beta;
    if (kind === 'exactMl') {
      this.mlGrid ??= createMlGrid(p.sampler.box);
      return { kind, beta, grid: this.mlGrid };
    }
    return kind === 'dsm' ? { kind, beta, sigma } : { kind, alpha: p.alpha };
  }

  /** The restart source for re-initialised chains (undefined: the buffer's uniform default). */
  restarts(p: TrainParams, data: Tensor2D, rng: Rng): ((n: number) => Tensor2D) | undefined {
    const { box, beta } = p.sampler;
    if (p.reinitFraction <= 0 || p.reinitFrom === 'uniform') return undefined;
    if (p.reinitFrom === 'data') return (n) => dataRestarts(data, n, box, rng);
    this.proposal ??= new ModelGridProposal(box);
    this.proposal.maybeRefresh(this.model.energy, beta);
    const q = this.proposal;
    return (n) => q.sample(n, rng);
  }

  /** `labels` [B] (int32, the data batch's classes): a JEM model adds the cross-entropy. */
  step(
    data: Tensor2D,
    buffer: ReplayBuffer,
    sampler: Sampler,
    p: TrainParams,
    rng: Rng,
    labels?: tf.Tensor1D,
  ): void {
    const spec = this.spec(p);
    const source = NEGATIVES[spec.kind];
    const fresh = this.restarts(p, data, rng);
    const stats = tf.tidy(() => {
      const { box } = p.sampler;
      const advanced = buffer.advance(
        p.batch,
        p.reinitFraction,
        box,
        rng,
        (x) => {
          const n = x.shape[0];
          const start =
            source === 'noise'
              ? shortRunStart(n, box, rng)
              : source === 'data'
                ? cdKStart(data) // the batch is the data batch's size (DATA_BATCH ≤ chains)
                : x;
          const r = sampler.run(this.model.energy, start, p.steps, p.sampler, rng);
          return { x: r.x, extra: r.acceptRate };
        },
        fresh,
      );
      const { negatives, extra } = advanced;
      // The loss closure runs in tfjs's own inner tidy: keep the two means so they outlive
      // it, and free them by hand once stacked into the stats.
      let kept: tf.Scalar[] = [];
      const input = {
        energy: this.model.energy,
        data,
        negatives: source === 'none' ? undefined : negatives,
        rng,
      };
      const { value, grads } = this.optimizer.computeGradients(() => {
        const t = evaluateObjective(spec, input);
        kept = [tf.keep(t.terms.eData), tf.keep(t.terms.eNeg)];
        const m = this.model;
        return labels && isJem(m)
          ? withCrossEntropy(m, data, labels, t.loss, p.jemLambda ?? 1)
          : t.loss;
      }, this.model.variables);
      // Score matching never sees the output bias (a constant shift): no gradient for it.
      const present = Object.fromEntries(
        Object.entries(grads).filter(([, g]) => g != null),
      ) as tf.NamedTensorMap;
      const clipped = clipByGlobalNorm(present, p.maxGradNorm);
      this.optimizer.applyGradients(clipped.grads as tf.NamedTensorMap);
      const acc = extra ?? tf.scalar(-1);
      const out = tf.stack([value, kept[0], kept[1], clipped.norm, acc]) as tf.Tensor1D;
      kept.forEach((k) => k.dispose());
      return out;
    });
    this.stats?.dispose();
    this.stats = stats;
  }

  /**
   * Sampling without training (sample mode): keep the last training stats but report this
   * acceptance (a scalar, or null for samplers that always accept). Does not take `acc`.
   */
  setAcceptRate(acc: tf.Scalar | null): void {
    const prev = this.stats;
    this.stats = tf.tidy(() => {
      const head = prev ? tf.slice(prev, [0], [STAT_COUNT - 1]) : tf.zeros([STAT_COUNT - 1]);
      return tf.concat([head, tf.reshape(acc ?? tf.scalar(-1), [1])]) as tf.Tensor1D;
    });
    prev?.dispose();
  }

  dispose(): void {
    this.mlGrid?.dispose();
    this.mlGrid = null;
    this.proposal?.dispose();
    this.proposal = null;
    this.optimizer.dispose();
    this.stats?.dispose();
    this.stats = null;
  }
}
