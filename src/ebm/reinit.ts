// Where a re-initialised persistent chain restarts (the replay buffer's fraction ρ):
//   uniform  x ~ U(box)                          (Du & Mordatch's noise restarts)
//   data     x = a data point + N(0, s²)          (s = ¼ of a grid cell: a nudge, not a blur)
//   model    x ~ q_θ, the model's own density on a G×G grid of cells:
//            P(cell c) ∝ exp(−βE(centre_c)), then uniform within the cell.
// Why "model": local samplers (Langevin, MALA, HMC) do not cross between modes, so the
// persistent chains' share per mode drifts away from p_θ's and the CD gradient then fixes the
// wrong mode weights (issue 12: model mass .97/.03/0/0/0 for a truth of .36/.26/.18/.12/.08).
// In 2D q_θ is computable, so restarts land in each mode in proportion to its mass and the
// sampler then refines them; the chains' mode shares relax to p_θ's within a buffer lifetime
// (M/(B·ρ) iterations). q_θ is refreshed every `refreshEvery` calls: a slightly stale
// starting density only changes where chains start, not what the sampler converges to.
import type { ReinitSource } from '../contract/reinit';
import { reflectIntoBox, type Box } from './box';
import type { EnergyFn } from './energy';
import { EnergyGrid } from './grid';
import type { Rng } from './rng';
import { ownedVariable, tf, type Tensor2D } from './tf';

export const REINIT_GRID = 64;
export const REINIT_REFRESH = 5;

export type { ReinitSource };

export class ModelGridProposal {
  private readonly grid: EnergyGrid;
  /** −βE at the cell centres, [1, G²]; refreshed by `refresh`. */
  private readonly logits: tf.Variable<tf.Rank.R2>;
  private calls = 0;

  constructor(
    readonly box: Box,
    readonly size = REINIT_GRID,
    readonly refreshEvery = REINIT_REFRESH,
  ) {
    this.grid = new EnergyGrid(size, box);
    this.logits = ownedVariable(tf.zeros([1, size * size]));
  }

  /** Re-evaluates q_θ every `refreshEvery` calls (always on the first). */
  maybeRefresh(energy: EnergyFn, beta: number): void {
    if (this.calls++ % this.refreshEvery !== 0) return;
    this.refresh(energy, beta);
  }

  refresh(energy: EnergyFn, beta: number): void {
    tf.tidy(() => {
      const e = this.grid.evaluate(energy);
      // Non-finite energies (a model mid-blow-up) must not poison the sampler: give them −∞
      // weight by a large finite logit gap instead.
      const logit = tf.mul(e, -beta);
      const safe = tf.where(tf.isFinite(logit), logit, tf.fill(logit.shape, -1e30));
      this.logits.assign(tf.reshape(safe, [1, -1]));
    });
  }

  /** n points from q_θ: a cell by its probability, then uniform inside it. Caller's tidy. */
  sample(n: number, rng: Rng): Tensor2D {
    const h = (this.box.max - this.box.min) / this.size;
    const cells = tf.reshape(tf.multinomial(this.logits as tf.Tensor2D, n, rng.seed()), [n]);
    const centres = tf.gather(this.grid.points, cells);
    const jitter = tf.randomUniform([n, 2], -h / 2, h / 2, 'float32', rng.seed());
    return tf.add(centres, jitter) as Tensor2D;
  }

  dispose(): void {
    this.grid.dispose();
    this.logits.dispose();
  }
}

/** Restarts from the data: rows of the data batch picked at random, nudged by N(0, s²). */
export function dataRestarts(data: Tensor2D, n: number, box: Box, rng: Rng): Tensor2D {
  const s = (box.max - box.min) / REINIT_GRID / 4;
  const rows = data.shape[0];
  // Row indices: floor(U[0, rows)), clipped (U can round up to rows in float32), as int32.
  const u = tf.floor(tf.randomUniform([n], 0, rows, 'float32', rng.seed()));
  const idx = tf.cast(tf.clipByValue(u, 0, rows - 1), 'int32') as tf.Tensor1D;
  const picked = tf.gather(data, idx);
  const nudged = tf.add(picked, tf.randomNormal([n, 2], 0, s, 'float32', rng.seed()));
  return reflectIntoBox(nudged as Tensor2D, box);
}
