// The compare view's message (worker/compare.ts → the page): see protocol.ts's FromWorker.

/**
 * The compare view, a few times a second while it is on: the exact-ML reference model's
 * density on a coarse grid, and KL(data ‖ ·) of the run's model and of the reference, both
 * measured the same way on that grid (so the two numbers compare like for like).
 */
export interface CompareFrame {
  type: 'compareFrame';
  generation: number;
  iteration: number;
  gridSize: number;
  /** The reference model's normalised density p on the G×G grid (Σ p h² = 1), row-major. */
  density: Float32Array;
  klReference: number;
  klRun: number;
}
