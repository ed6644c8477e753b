// Train mode's state inside the engine: the iteration count of the run, its rate, and the
// adaptive number of iterations per chunk. With data in train mode an iteration is a CD step
// (trainer.ts) on a fresh batch of DATA_BATCH points drawn from the data; without data it only
// moves the chains with the running sampler (the model stays as it is).
import type { Rng } from '../ebm/rng';
import { tf } from '../ebm/tf';
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

export class Training {
  /** Iterations since the run (generation) started. */
  iteration = 0;
  readonly rate = new RateMeter();
  /** Iterations per chunk, adapted by the scheduler to its chunk time. */
  readonly budget = new ChunkBudget(MAX_CHUNK);

  /** A new run: iteration 0, chunks of one iteration to start with. */
  reset(): void {
    this.iteration = 0;
    this.budget.reset();
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
  ): string | null {
    const p = trainParams(settings, s.box);
    // The running sampler's instance (Gibbs on the MLP runs Langevin).
    const sampler = () => s.sampler(settings).sampler;
    const training = settings.mode === 'train' && points.length > 0;
    for (let k = 0; k < n; k++) {
      if (training && isJem(s.model)) {
        // A classifier: each drawn point comes with its class (the cross-entropy's target).
        const b = resampleLabelled(points, labels, rng);
        const data = tf.tensor2d(b.points, [DATA_BATCH, 2]);
        const ys = tf.tensor1d(b.labels, 'int32');
        s.trainer.step(data, s.buffer, sampler(), p, rng, ys);
        tf.dispose([data, ys]);
      } else if (training) {
        const data = tf.tensor2d(resamplePoints(points, rng), [DATA_BATCH, 2]);
        s.trainer.step(data, s.buffer, sampler(), p, rng);
        data.dispose();
      } else {
        tf.tidy(() => {
          const r = sampler().run(s.model.energy, s.buffer.chains, p.steps, p.sampler, rng);
          s.buffer.chains.assign(r.x);
        });
      }
    }
    this.count(n);
    const st = training ? (s.trainer.stats?.dataSync() as Float32Array | undefined) : undefined;
    return st ? statsBlowUp(st) : null;
  }

  /** n more iterations done (also one slow-motion iteration, slowMotion.ts). */
  count(n: number): void {
    this.iteration += n;
    this.rate.add(n);
  }
}
