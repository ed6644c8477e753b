// Persistent chains (the replay buffer of Du & Mordatch 2019): M chains live in one
// variable of fixed shape [M, 2]. Each iteration advances a batch of B of them: the first
// B rows are taken, a fraction ρ re-initialised (uniformly over the box by default), run through the
// sampler, and appended at the end. The buffer rotates, so every chain is visited once
// every M/B iterations and every op sees the same shapes (no new shaders while editing).
import { uniformInBox, type Box } from './box';
import type { Rng } from './rng';
import { ownedVariable, tf, type Tensor2D } from './tf';

export class ReplayBuffer {
  readonly chains: tf.Variable<tf.Rank.R2>;
  readonly size: number;

  constructor(size: number, box: Box, seed: number) {
    this.size = size;
    this.chains = ownedVariable(tf.tidy(() => uniformInBox(size, box, seed)));
  }

  /**
   * Advance `batch` chains with `step` (the sampler). Returns whatever extra tensor `step`
   * returns alongside the new batch (e.g. the negatives' acceptance rate); the caller's tidy owns it.
   */
  advance<T extends tf.Tensor | null>(
    batch: number,
    reinitFraction: number,
    box: Box,
    rng: Rng,
    step: (x: Tensor2D) => { x: Tensor2D; extra: T },
    fresh: (n: number) => Tensor2D = (n) => uniformInBox(n, box, rng.seed()),
  ): { negatives: Tensor2D; extra: T } {
    const b = Math.min(batch, this.size);
    const head = tf.slice(this.chains, [0, 0], [b, 2]) as Tensor2D;
    // m ∈ {0, 1} per chain with P(m = 1) = ρ; fresh chains start where `fresh` puts them
    // (uniform over the box unless the trainer passes another source: reinit.ts).
    const m = tf.cast(
      tf.less(tf.randomUniform([b, 1], 0, 1, 'float32', rng.seed()), reinitFraction),
      'float32',
    );
    const start = tf.add(tf.mul(head, tf.sub(1, m)), tf.mul(fresh(b), m)) as Tensor2D;
    const { x, extra } = step(start);
    const rest =
      b === this.size ? null : (tf.slice(this.chains, [b, 0], [this.size - b, 2]) as Tensor2D);
    this.chains.assign(rest ? tf.concat([rest, x], 0) : x);
    return { negatives: x, extra };
  }

  /** Replace all chains (used by rollback). */
  restore(chains: Tensor2D): void {
    this.chains.assign(chains);
  }

  dispose(): void {
    this.chains.dispose();
  }
}
