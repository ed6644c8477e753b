// Everything that holds tensors for one run: the energy model, its trainer (Adam state), the
// running sampler (some keep state), the replay buffer of chains, the energy grid and the
// rollback snapshot, the averaged weights shown. One owner, one
// dispose(): a reset or a model change drops the whole session and builds a new one.
import { BOX, type Box } from '../contract/box';
import { SAMPLER_SPECS } from '../contract/samplers';
import { modelKeys, type SamplerName } from '../contract/settings';
import { uniformInBox } from '../ebm/box';
import { classOf } from '../contract/classes';
import type { EnergyFn, EnergyModel } from '../ebm/energy';
import { isJem } from '../ebm/jem/jemModel';
import type { Clamp } from '../contract/experts';
import { EnergyGrid } from '../ebm/grid';
import { createModel } from '../ebm/models';
import { ReplayBuffer } from '../ebm/replay';
import { createSampler, type Sampler } from '../ebm/samplers';
import { tf } from '../ebm/tf';
import { Trainer } from '../ebm/trainer';
import { WeightAverage } from '../ebm/weightAverage';
import type { Settings } from '../contract/settings';
import { ownParams, runningSampler } from './samplerSetup';
import { Snapshot } from './snapshot';

/**
 * A new model is needed when the model, the seed or one of the current (or previous) model's
 * own parameters changes (its registry row lists them); the points are kept.
 */
export function modelChanged(a: Settings, b: Settings): boolean {
  const keys = new Set([...modelKeys(a.model), ...modelKeys(b.model)]) as Set<keyof Settings>;
  return [...keys].some((k) => a[k] !== b[k]);
}

/** The running sampler's instance changes with its id or with a parameter its row lists. */
function samplerKey(name: SamplerName, s: Settings): string {
  const spec = SAMPLER_SPECS[name] as { rebuildOn?: readonly (keyof Settings)[] };
  return [name, ...(spec.rebuildOn ?? []).map((k) => String(s[k]))].join('|');
}

export class Session {
  readonly box: Box = BOX;
  readonly model: EnergyModel;
  readonly trainer: Trainer;
  /** θ̄, what frames show (ebm/weightAverage.ts); training and negatives use the latest θ. */
  readonly average: WeightAverage;
  buffer: ReplayBuffer;
  readonly grid: EnergyGrid;
  readonly snapshot = new Snapshot();
  private running: { key: string; name: SamplerName; sampler: Sampler } | null = null;
  /** Composing experts: the energy shown and sampled instead of the model's (worker/experts.ts). */
  composed: EnergyFn | null = null;
  /** Sample mode with a clamp: chains move the free coordinate only (worker/recovery.ts). */
  clamp: Clamp | null = null;

  /** The energy frames show and sample mode samples; training always uses the model's. */
  get energy(): EnergyFn {
    return this.composed ?? this.model.energy;
  }

  constructor(settings: Settings, gridSize: number, seedOffset: number) {
    const seed = settings.seed * 7919 + seedOffset;
    this.model = createModel(settings, seed);
    this.trainer = new Trainer(this.model, settings.learningRate);
    this.average = new WeightAverage(this.model.variables);
    this.buffer = new ReplayBuffer(settings.chains, this.box, seed + 101);
    this.grid = new EnergyGrid(gridSize, this.box);
  }

  /**
   * What sample mode samples: E(x), or for a JEM with a chosen class y the class-conditional
   * E(x, y) = −f(x)[y], i.e. p(x | y) ∝ exp(−βE(x, y)).
   */
  samplingEnergy(s: Settings): EnergyFn {
    const m = this.model;
    if (this.composed) return this.composed;
    if (!isJem(m) || s.sampleClass === undefined) return m.energy;
    const y = classOf(s.sampleClass);
    return (x) => m.classEnergy(x, y);
  }

  /** Restart every chain uniformly over the box (sampling from scratch; the model is kept). */
  restartChains(seed: number): void {
    tf.tidy(() => this.buffer.restore(uniformInBox(this.buffer.size, this.box, seed)));
  }

  /** Move the first n chains to (x, y): a probe of n chains started at one point. */
  placeChains(n: number, x: number, y: number): void {
    const k = Math.min(n, this.buffer.size);
    tf.tidy(() => {
      const at = tf.tile(tf.tensor2d([[x, y]]), [k, 1]);
      const rest = tf.slice(this.buffer.chains, [k, 0], [this.buffer.size - k, 2]);
      this.buffer.restore(tf.concat([at, rest], 0) as tf.Tensor2D);
    });
  }

  /** A new chain count rebuilds only the buffer (the model is kept). */
  resizeChains(chains: number, seed: number): void {
    if (chains === this.buffer.size) return;
    this.buffer.dispose();
    this.buffer = new ReplayBuffer(chains, this.box, seed);
    this.snapshot.clear();
  }

  /** The sampler for these settings: the same instance until its id or state changes. */
  sampler(s: Settings): { name: SamplerName; sampler: Sampler } {
    const base = runningSampler(s, this.model);
    // Gibbs needs the RBM itself: a composition is sampled with Langevin instead.
    const name = this.composed && base === 'gibbs' ? 'langevin' : base;
    const key = samplerKey(name, s);
    if (this.running?.key !== key) {
      this.running?.sampler.dispose?.();
      const params = ownParams(name, s);
      this.running = { key, name, sampler: createSampler(name, { model: this.model, params }) };
    }
    return this.running;
  }

  dispose(): void {
    this.running?.sampler.dispose?.();
    this.running = null;
    this.model.dispose();
    this.trainer.dispose();
    this.average.dispose();
    this.buffer.dispose();
    this.grid.dispose();
    this.snapshot.clear();
  }
}
