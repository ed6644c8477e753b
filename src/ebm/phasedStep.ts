// One training iteration (trainer.ts's step) cut into the three phases of lesson 6, so the
// page can show each before the next runs:
//   1. synthesis: advance a batch of chains → the negatives x' (the orange term's estimate);
//   2. analysis: the loss gradient g = ∇θL = mean ∂θE(data) − mean ∂θE(x') (+ the α term),
//      clipped by its global norm, and per point how a plain gradient step along −g would move
//      the energy there: ΔE(xᵢ) ≈ E_{θ−ηg}(xᵢ) − E_θ(xᵢ) (down at the data, up at the negatives);
//   3. the update: Adam applies g, exactly as in a normal step.
// The same operations in the same order, with the same random draws, as Trainer.step: the
// parameters afterwards are the same (phasedStep.test.ts). Phase 2's look-ahead moves the
// parameters and puts back bitwise copies, and draws nothing from the rng.
import type { EnergyModel } from './energy';
import { clipByGlobalNorm } from './loss';
import { cdKStart, evaluateObjective, NEGATIVES, shortRunStart } from './objectives';
import type { ReplayBuffer } from './replay';
import type { Rng } from './rng';
import type { Sampler } from './samplers/types';
import { tf, type Tensor1D, type Tensor2D } from './tf';
import type { Trainer, TrainParams } from './trainer';

export interface PhaseOne {
  /** The data batch [B, 2] and the negatives [M, 2] (owned by the PhasedStep). */
  data: Tensor2D;
  negatives: Tensor2D | null;
}

export interface PhaseTwo {
  /** Per point ΔE of a plain step −η·g (the caller owns these). */
  dataPush: Tensor1D;
  negPush: Tensor1D | null;
  /** The clipped gradient's norm and the loss (caller owns). */
  gradNorm: tf.Scalar;
}

export class PhasedStep {
  phase: 0 | 1 | 2 | 3 = 0;
  private negatives: Tensor2D | null = null;
  private acc: tf.Scalar | null = null;
  private grads: tf.NamedTensorMap | null = null;
  private terms: tf.Scalar[] = [];

  /** Takes ownership of `data` (the batch this iteration learns from). */
  constructor(
    private readonly trainer: Trainer,
    private readonly model: EnergyModel,
    private readonly data: Tensor2D,
    private readonly p: TrainParams,
  ) {}

  /** Phase 1: the sampler advances a batch of chains (written back to the buffer). */
  drawNegatives(buffer: ReplayBuffer, sampler: Sampler, rng: Rng): PhaseOne {
    const spec = this.trainer.spec(this.p);
    const source = NEGATIVES[spec.kind];
    let negatives: Tensor2D | null = null;
    let acc: tf.Scalar | null = null;
    const fresh = this.trainer.restarts(this.p, this.data, rng);
    tf.tidy(() => {
      const { box } = this.p.sampler;
      const step = (x: Tensor2D) => {
        const n = x.shape[0];
        const start =
          source === 'noise'
            ? shortRunStart(n, box, rng)
            : source === 'data'
              ? cdKStart(this.data)
              : x;
        const out = sampler.run(this.model.energy, start, this.p.steps, this.p.sampler, rng);
        return { x: out.x, extra: out.acceptRate ?? null };
      };
      const r = buffer.advance(this.p.batch, this.p.reinitFraction, box, rng, step, fresh);
      negatives = source === 'none' ? null : tf.keep(r.negatives);
      acc = r.extra ? tf.keep(r.extra) : null;
    });
    this.negatives = negatives;
    this.acc = acc;
    this.phase = 1;
    return { data: this.data, negatives: this.negatives };
  }
  /** Phase 2: the clipped loss gradient, and the push a plain step along it gives each point. */
  analyse(rng: Rng): PhaseTwo {
    const spec = this.trainer.spec(this.p);
    const input = {
      energy: this.model.energy,
      data: this.data,
      negatives: this.negatives ?? undefined,
      rng,
    };
    const vars = this.model.variables;
    const kept = tf.tidy(() => {
      let terms: tf.Scalar[] = [];
      const { value, grads } = this.trainer.optimizer.computeGradients(() => {
        const t = evaluateObjective(spec, input);
        terms = [tf.keep(t.terms.eData), tf.keep(t.terms.eNeg)];
        return t.loss;
      }, vars);
      const present = Object.fromEntries(
        Object.entries(grads).filter(([, g]) => g != null),
      ) as tf.NamedTensorMap;
      const clipped = clipByGlobalNorm(present, this.p.maxGradNorm);
      const out = { value, terms, grads: clipped.grads as tf.NamedTensorMap, norm: clipped.norm };
      tf.keep(value);
      tf.keep(clipped.norm);
      Object.values(out.grads).forEach((g) => tf.keep(g));
      return out;
    });
    this.grads = kept.grads;
    this.terms = [kept.value, ...kept.terms, kept.norm];
    // Look ahead: θ − η·g, evaluate, and put the exact old values back.
    const saved = vars.map((v) => tf.clone(v));
    const before = this.energies();
    vars.forEach((v) => {
      const g = this.grads![v.name];
      if (g) tf.tidy(() => v.assign(tf.sub(v, tf.mul(this.p.learningRate, g))));
    });
    const after = this.energies();
    vars.forEach((v, i) => v.assign(saved[i]));
    saved.forEach((t) => t.dispose());
    const push = {
      dataPush: tf.sub(after.data, before.data) as Tensor1D,
      negPush: after.neg && before.neg ? (tf.sub(after.neg, before.neg) as Tensor1D) : null,
    };
    [before.data, before.neg, after.data, after.neg].forEach((t) => t?.dispose());
    this.phase = 2;
    return { ...push, gradNorm: tf.clone(kept.norm) };
  }

  /** E at the batch and the negatives (the caller disposes them). */
  private energies(): { data: Tensor1D; neg: Tensor1D | null } {
    const e = this.model.energy;
    const neg = this.negatives;
    return {
      data: tf.tidy(() => e(this.data)),
      neg: neg ? tf.tidy(() => e(neg)) : null,
    };
  }

  /** Phase 3: Adam applies the clipped gradient; the trainer's stats are this step's. */
  apply(): void {
    if (!this.grads) throw new Error('analyse() before apply()');
    this.trainer.optimizer.applyGradients(this.grads);
    const [value, eData, eNeg, norm] = this.terms;
    const stats = tf.tidy(
      () => tf.stack([value, eData, eNeg, norm, this.acc ?? tf.scalar(-1)]) as tf.Tensor1D,
    );
    this.trainer.stats?.dispose();
    this.trainer.stats = stats;
    this.phase = 3;
  }

  dispose(): void {
    this.data.dispose();
    this.negatives?.dispose();
    this.acc?.dispose();
    Object.values(this.grads ?? {}).forEach((g) => g.dispose());
    this.terms.forEach((t) => t.dispose());
    this.negatives = this.acc = this.grads = null;
    this.terms = [];
  }
}
