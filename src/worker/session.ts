// Everything that holds tensors for one run: the energy model, its trainer (Adam state),
// the replay buffer of chains, the energy grid and the rollback snapshot. One owner, one
// dispose(): a reset or a model change drops the whole session and builds a new one.
import { DEFAULT_BOX, type Box } from '../ebm/box';
import type { EnergyModel } from '../ebm/energy';
import { EnergyGrid } from '../ebm/grid';
import { createMlp } from '../ebm/mlp';
import { ReplayBuffer } from '../ebm/replay';
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
  'seed',
] as const satisfies readonly (keyof Settings)[];

export function modelChanged(a: Settings, b: Settings): boolean {
  return MODEL_KEYS.some((k) => a[k] !== b[k]);
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
    this.model = createMlp({
      width: settings.width,
      depth: settings.depth,
      inputScale: INPUT_SCALE,
      seed,
    });
    this.trainer = new Trainer(this.model, settings.learningRate);
    this.buffer = new ReplayBuffer(settings.chains, this.box, seed + 101);
    this.grid = new EnergyGrid(gridSize, this.box);
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
