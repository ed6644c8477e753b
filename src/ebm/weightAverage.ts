// Weight averaging (Polyak–Ruppert, as an exponential moving average) for the model the page
// shows. The negative phase is a Monte Carlo estimate, so even with an annealed learning rate
// the weights keep wandering around the optimum: measured on 5 unequal gaussians (npm run
// fidelity, FIDELITY_TRACE=100), the model's mass on one mode still swung 0.16 → 0.31 between
// iterations 1300 and 1500, while its mean over those checkpoints sat within 0.035 of the
// data share. The average θ̄ of the recent weights sits near that mean:
//   θ̄ₜ = d·θ̄ₜ₋₁ + (1 − d)·θₜ,   d = 1 − 1/H,   H = the averaging horizon in iterations.
// Training and sampling negatives always use the latest θ (the chains follow the model being
// trained); θ̄ is what the landscape, the metrics and the health panel read. H grows as the
// learning rate anneals (horizon(), below): right after a data change the landscape follows
// the latest weights with no lag, and the average takes over once the rate is small.
import { ANNEAL_FLOOR, annealFactor } from './anneal';
import { tf } from './tf';

/**
 * The averaging horizon at iteration t of a schedule over T iterations, up to `most`: 1 (no
 * averaging) at the start, `most` once the rate reached its floor, and in between
 * most·r² with r the share of the way down the rate has gone (quadratic: little lag while
 * the model still changes fast; 1500 iterations: H ≈ 13 at 500, 113 at 1000, 183 at 1300).
 */
export function averageHorizon(t: number, T: number, most: number): number {
  if (most <= 1) return 1;
  const r = (1 - annealFactor(t, T)) / (1 - ANNEAL_FLOOR);
  return T <= 0 ? most : Math.max(1, 1 + (most - 1) * r * r);
}

export class WeightAverage {
  /** θ̄, one per model variable, same shapes; owned here. */
  private readonly avg: tf.Variable[];
  /** False: θ̄ is taken to be θ (a new model, a reset); the next update starts from θ. */
  private active = false;

  constructor(private readonly vars: readonly tf.Variable[]) {
    this.avg = vars.map((v) => {
      const copy = tf.clone(v);
      const a = tf.variable(copy, false);
      copy.dispose(); // the variable holds its own reference to the data
      return a;
    });
  }

  /** θ̄ ← d·θ̄ + (1 − d)·θ after a training step; H ≤ 1 copies θ. */
  update(horizon: number): void {
    if (horizon <= 1) return this.reset();
    const d = 1 - 1 / horizon;
    tf.tidy(() =>
      this.avg.forEach((a, i) => {
        const v = this.vars[i];
        a.assign(this.active ? tf.add(tf.mul(a, d), tf.mul(v, 1 - d)) : tf.clone(v));
      }),
    );
    this.active = true;
  }

  /** θ̄ ← θ: the weights were replaced (a rollback, a load, a device rebuild). */
  reset(): void {
    this.active = false;
  }

  /**
   * Runs fn with the model's variables holding θ̄, then puts θ back (bit for bit: the same
   * tensors). Synchronous, so nothing else sees the swap. fn's results must not hold the
   * variables themselves (read values out, as every frame does).
   */
  shown<T>(fn: () => T): T {
    if (!this.active) return fn();
    const saved = this.vars.map((v) => tf.clone(v));
    this.vars.forEach((v, i) => v.assign(this.avg[i]));
    try {
      return fn();
    } finally {
      this.vars.forEach((v, i) => v.assign(saved[i]));
      tf.dispose(saved);
    }
  }

  dispose(): void {
    tf.dispose(this.avg);
  }
}
