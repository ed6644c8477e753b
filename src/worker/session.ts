// Everything that holds tensors for one run: the energy model (MLP or RBM), its trainer (Adam state),
// the replay buffer of chains, the energy grid and the rollback snapshot. One owner, one
// dispose(): a reset or a model change drops the whole session and builds a new one.
import { DEFAULT_BOX, uniformInBox, type Box } from '../ebm/box';
import type { EnergyModel } from '../ebm/energy';
import { EnergyGrid } from '../ebm/grid';
import { createMlp } from '../ebm/mlp';
import { createRbm } from '../ebm/rbm';
import { ReplayBuffer } from '../ebm/replay';
import { tf } from '../ebm/tf';
import { Trainer } from '../ebm/trainer';
import type { Settings } from '../state/schema';
import { Snapshot } from './snapshot';

/** Inputs in [−4, 4] are scaled by this before the first layer (about unit range). */
export const INPUT_SCALE = 0.5;

/** The settings whose change needs a new model (the points are kept). */
export const MODEL_KEYS = [
  'width',
  'depth',
  'model',
  'rbmHidden',
  'seed',
] as const satisfies readonly (keyof Settings)[];

/** Keys that shape only one kind of model: changing them rebuilds only that kind. */
const ONLY_FOR: Partial<Record<(typeof MODEL_KEYS)[number], Settings['model']>> = {
  width: 'mlp',
  depth: 'mlp',
  rbmHidden: 'rbm',
};

export function modelChanged(a: Settings, b: Settings): boolean {
  return MODEL_KEYS.some((k) => {
    const only = ONLY_FOR[k];
    return a[k] !== b[k] && (only === undefined || b.model === only || a.model === only);
  });
}

/** The energy model the settings ask for: the SiLU MLP, or the Gaussian–Bernoulli RBM. */
export function createModel(settings: Settings, seed: number): EnergyModel {
  return settings.model === 'rbm'
    ? createRbm({ hidden: settings.rbmHidden, seed })
    : createMlp({ width: settings.width, depth: settings.depth, inputScale: INPUT_SCALE, seed });
}

export class Session {
  readonly box: Box = DEFAULT_BOX;
  readonly model: EnergyModel;
  readonly trainer: Trainer;
  buffer: ReplayBuffer;
  readonly grid: EnergyGrid;
  readonly snapshot = new Snapshot();

  constructor(settings: Settings, gridSize: number, seedOffset: number) {
    const seed = settings.seed * 7919 + seedOffset;
    this.model = createModel(settings, seed);
    this.trainer = new Trainer(this.model, settings.learningRate);
    this.buffer = new ReplayBuffer(settings.chains, this.box, seed + 101);
    this.grid = new EnergyGrid(gridSize, this.box);
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

  dispose(): void {
    this.model.dispose();
    this.trainer.dispose();
    this.buffer.dispose();
    this.grid.dispose();
    this.snapshot.clear();
  }
}
