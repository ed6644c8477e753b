// The engine's side of "one iteration in slow motion": each 'slowStep' runs the next phase of
// one training iteration (src/ebm/phasedStep.ts) and answers with what it made. The iteration
// is a normal one — same data batch draw, same sampler, same Adam step — so three slowSteps
// leave the model exactly where one 'step' would. Any other command that changes the run
// (play, step, reset, settings, points…) abandons a half-done iteration first (cancel()).
import { PhasedStep } from '../ebm/phasedStep';
import type { Rng } from '../ebm/rng';
import { tf } from '../ebm/tf';
import type { Settings } from '../contract/settings';
import type { ToWorker } from '../contract/protocol';
import type { SlowPhase, SlowPhaseNumber } from '../contract/slowMotion';
import { DATA_BATCH, resamplePoints } from './dataBatch';
import { trainParams } from './samplerSetup';
import type { Session } from './session';

const none = (): Float32Array => new Float32Array(0);

/** Commands that leave the run as it is (a half-done slow-motion iteration survives them). */
const KEEPS = new Set<ToWorker['type']>([
  'slowStep',
  'ack',
  'ping',
  'test',
  'getWeights',
  'trails',
  // The compare view and the composition leave the training run as it is.
  'compare',
  'setExperts',
  'mixing',
  'clamp',
  'restore',
]);

export function cancelsSlowMotion(type: ToWorker['type']): boolean {
  return !KEEPS.has(type);
}

export class SlowMotion {
  private step: PhasedStep | null = null;
  private data = none();
  private negatives = none();
  private dataPush = none();
  private negPush = none();
  private gradNorm = NaN;

  /** Abandon a half-done iteration (its chains stay where phase 1 moved them). */
  cancel(): void {
    this.step?.dispose();
    this.step = null;
  }

  /** Whether phase 3 has still to run (the engine counts the iteration after it). */
  get pending(): boolean {
    return this.step !== null;
  }

  /**
   * The next phase. Returns the message for the page; `applied` is true after phase 3 (the
   * model changed: the engine counts one iteration and publishes a frame).
   */
  next(
    s: Session,
    settings: Settings,
    points: Float32Array,
    rng: Rng,
    base: { generation: number; iteration: number },
  ): { msg: SlowPhase; applied: boolean } {
    const refused =
      settings.mode !== 'train'
        ? 'Slow motion shows a training iteration: switch to train mode.'
        : points.length === 0
          ? 'Slow motion needs data points to learn from.'
          : null;
    if (refused) return { msg: this.message(1, base, s, refused), applied: false };
    if (!this.step) return { msg: this.phaseOne(s, settings, points, rng, base), applied: false };
    if (this.step.phase === 1) {
      const two = this.step.analyse(rng);
      this.dataPush = Float32Array.from(two.dataPush.dataSync());
      this.negPush = two.negPush ? Float32Array.from(two.negPush.dataSync()) : none();
      this.gradNorm = two.gradNorm.dataSync()[0];
      [two.dataPush, two.negPush, two.gradNorm].forEach((t) => t?.dispose());
      return { msg: this.message(2, base, s), applied: false };
    }
    const before = this.readGrid(s);
    this.step.apply();
    const after = this.readGrid(s);
    this.cancel();
    return { msg: this.message(3, base, s, null, before, after), applied: true };
  }

  private phaseOne(
    s: Session,
    settings: Settings,
    points: Float32Array,
    rng: Rng,
    base: { generation: number; iteration: number },
  ): SlowPhase {
    const p = trainParams(settings, s.box);
    const batch = resamplePoints(points, rng);
    const data = tf.tensor2d(batch, [DATA_BATCH, 2]);
    this.step = new PhasedStep(s.trainer, s.model, data, p);
    const one = this.step.drawNegatives(s.buffer, s.sampler(settings).sampler, rng);
    this.data = batch;
    this.negatives = one.negatives ? Float32Array.from(one.negatives.dataSync()) : none();
    this.dataPush = none();
    this.negPush = none();
    this.gradNorm = NaN;
    return this.message(1, base, s);
  }

  private readGrid(s: Session): Float32Array {
    const g = tf.tidy(() => s.grid.evaluate(s.model.energy));
    const out = Float32Array.from(g.dataSync());
    g.dispose();
    return out;
  }

  /** Fresh copies every time: the message's buffers are transferred away. */
  private message(
    phase: SlowPhaseNumber,
    base: { generation: number; iteration: number },
    s: Session,
    refused: string | null = null,
    before = none(),
    after = none(),
  ): SlowPhase {
    return {
      type: 'slowPhase',
      generation: base.generation,
      iteration: base.iteration,
      phase,
      data: this.data.slice(),
      negatives: this.negatives.slice(),
      dataPush: phase >= 2 ? this.dataPush.slice() : none(),
      negPush: phase >= 2 ? this.negPush.slice() : none(),
      before,
      after,
      gridSize: s.grid.size,
      gradNorm: phase >= 2 ? this.gradNorm : NaN,
      refused,
    };
  }
}
