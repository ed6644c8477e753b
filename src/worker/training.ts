// Train mode's state inside the engine: the iteration count of the run, its rate, and the
// adaptive number of iterations per chunk. With data in train mode an iteration is a CD step
// (trainer.ts) on a fresh batch of DATA_BATCH points drawn from the data; without data it only
// moves the chains with the running sampler (the model stays as it is).
// Smooth frames (issue 13): when an iteration takes longer than PIECE_MS, its sampler run is
// cut into pieces of about PIECE_MS (ebm/samplers/pieces.ts) and `show` is called with the
// chains between them, so the page gets new positions even while one iteration is running.
import { annealFactor } from '../ebm/anneal';
import { averageHorizon } from '../ebm/weightAverage';
import type { Rng } from '../ebm/rng';
import { inPieces } from '../ebm/samplers/pieces';
import { tf, type Tensor2D } from '../ebm/tf';
import type { Settings } from '../contract/settings';
import { isJem } from '../ebm/jem/jemModel';
import { resampleLabelled, resamplePoints, DATA_BATCH } from './dataBatch';
import { statsBlowUp } from './health';
import { RateMeter } from './rateMeter';
import { trainParams } from './samplerSetup';
import { ChunkBudget } from './scheduler';
import type { Session } from './session';

/** Most iterations in one chunk (the budget adapts to the chunk time below that). */
const MAX_CHUNK = 64;
/** A sampler piece between two shown positions, in ms (~30 pictures a second with the rest). */
export const PIECE_MS = 25;
const MAX_PIECES = 4;

/** The chains as a piece left them: the batch advanced so far (x), shown by the engine. */
export type ShowChains = (x: Tensor2D) => void;

export class Training {
  /** Iterations since the run (generation) started. */
  iteration = 0;
  /** Iterations since the data last changed: the learning-rate schedule's clock (anneal.ts). */
  sinceData = 0;
  readonly rate = new RateMeter();
  /** Iterations per chunk, adapted by the scheduler to its chunk time. */
  readonly budget = new ChunkBudget(MAX_CHUNK);
  /** Sampler transitions per piece (Infinity: runs are not cut), from the last chunk's time. */
  pieceSteps = Infinity;

  /** A new run: iteration 0, chunks of one iteration to start with. */
  reset(): void {
    this.iteration = 0;
    this.sinceData = 0;
    this.budget.reset();
    this.pieceSteps = Infinity;
  }

  /**
   * n iterations on the session's model and chains, then one small readback of the last
   * step's stats, checked for a blow-up (whose reason is returned). Once per chunk, not per
   * iteration: a readback waits for the device, and per step it would stall a GPU pipeline;
   * NaN weights stay NaN, so the last step's stats see a blow-up anywhere in the chunk.
   */
  chunk(
    s: Session,
    settings: Settings,
    points: Float32Array,
    n: number,
    rng: Rng,
    labels: Uint8Array | null = null,
    show: ShowChains | null = null,
  ): string | null {
    const t0 = performance.now();
    const p = trainParams(settings, s.box);
    // The running sampler's instance (Gibbs on the MLP runs Langevin), in pieces when shown.
    const whole = () => s.sampler(settings).sampler;
    const sampler = show ? () => inPieces(whole(), () => this.pieceSteps, show) : whole;
    const training = settings.mode === 'train' && points.length > 0;
    for (let k = 0; k < n; k++) {
      if (training) {
        const f = annealFactor(this.sinceData + k, settings.annealIters);
        s.trainer.setScheduledRate(settings.learningRate * f);
      }
      if (training && isJem(s.model)) {
        // A classifier: each drawn point comes with its class (the cross-entropy's target).
        const b = resampleLabelled(points, labels, rng);
        const data = tf.tensor2d(b.points, [DATA_BATCH, 2]);
        const ys = tf.tensor1d(b.labels, 'int32');
        s.trainer.step(data, s.buffer, sampler(), p, rng, ys);
        tf.dispose([data, ys]);
        s.average.update(
          averageHorizon(this.sinceData + k, settings.annealIters, settings.averageIters),
        );
      } else if (training) {
        const data = tf.tensor2d(resamplePoints(points, rng), [DATA_BATCH, 2]);
        s.trainer.step(data, s.buffer, sampler(), p, rng);
        data.dispose();
        s.average.update(
          averageHorizon(this.sinceData + k, settings.annealIters, settings.averageIters),
        );
      } else {
        tf.tidy(() => {
          const r = sampler().run(s.model.energy, s.buffer.chains, p.steps, p.sampler, rng);
          s.buffer.chains.assign(r.x);
        });
      }
    }
    this.count(n);
    // K transitions took about the iteration's time: pieces of PIECE_MS hold K·PIECE_MS/ms.
    const ms = (performance.now() - t0) / n;
    // At most MAX_PIECES: acks are read only between chunks, so the credits let about two
    // frames out per iteration, and more pieces would only cost their overhead.
    const piece = Math.max(Math.ceil(p.steps / MAX_PIECES), Math.floor((p.steps * PIECE_MS) / ms));
    this.pieceSteps = ms > PIECE_MS ? piece : Infinity;
    const st = training ? (s.trainer.stats?.dataSync() as Float32Array | undefined) : undefined;
    return st ? statsBlowUp(st) : null;
  }

  /** The data changed: the learning rate starts its schedule again. */
  restartAnneal(): void {
    this.sinceData = 0;
  }

  /** n more iterations done (also one slow-motion iteration, slowMotion.ts). */
  count(n: number): void {
    this.iteration += n;
    this.sinceData += n;
    this.rate.add(n);
  }
}
