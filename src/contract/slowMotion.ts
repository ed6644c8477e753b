// "One iteration in slow motion": the page asks for the next phase of one training iteration
// ('slowStep'), the engine answers with what that phase made ('slowPhase'). Three phases,
// matching the two terms of the gradient and the update:
//   ∂θ log p(x) = E_{x'∼p_θ}[∂θE(x')] − ∂θE(x)
//   1 draws the negatives x' (the expectation's estimate);
//   2 computes the loss gradient and shows how it pushes E: down at the data, up at x';
//   3 applies the update (Adam), and sends the landscape before and after.
// The parameters afterwards are those of one normal training step (src/ebm/phasedStep.ts).

export type SlowPhaseNumber = 1 | 2 | 3;

export interface SlowPhase {
  type: 'slowPhase';
  generation: number;
  phase: SlowPhaseNumber;
  /** Training iteration the step belongs to (the count rises by one after phase 3). */
  iteration: number;
  /** The data batch [x0, y0, …] and the negatives (empty for objectives without them). */
  data: Float32Array;
  negatives: Float32Array;
  /**
   * Phase ≥ 2: per point, ΔE of a plain gradient step θ − η·∇θL (look-ahead): negative where
   * the step lowers the energy. Empty in phase 1.
   */
  dataPush: Float32Array;
  negPush: Float32Array;
  /** Phase 3: the energy grid (frame layout) before and after the update; else empty. */
  before: Float32Array;
  after: Float32Array;
  gridSize: number;
  /** Phase ≥ 2: global norm of the (clipped) parameter gradient. */
  gradNorm: number;
  /** Why no phase ran (sample mode, no data), or null. */
  refused: string | null;
}

/** The buffers a slowPhase message transfers. */
export function slowPhaseBuffers(m: SlowPhase): ArrayBuffer[] {
  return [m.data, m.negatives, m.dataPush, m.negPush, m.before, m.after].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
