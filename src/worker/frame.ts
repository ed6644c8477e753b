// One readback per displayed frame: chains, grid energies and stats are concatenated on
// the device and read with a single dataSync() (in a worker, blocking is harmless and
// ~5× cheaper than await data()). The pieces are then copied into their own buffers so
// each can be transferred to the page.
// With `gradX`, one more scalar rides along: mean ‖∇ₓE‖ over the GRAD_X_CHAINS most recently
// advanced chains (the buffer's tail: a fixed shape whatever the chain count, so no new
// shaders), for the health read-outs. It costs one backward pass on 256 points, so the
// engine asks for it only on the (throttled) frames that carry metrics.
import { energyGrad } from '../ebm/energy';
import { STAT_COUNT } from '../ebm/trainer';
import { tf } from '../ebm/tf';
import type { FrameStats } from '../contract/protocol';
import type { ClassFrame, PointScores } from '../contract/jem';
import { freeEnergy, isJem } from '../ebm/jem/jemModel';
import { blowUpReason, statsBlowUp } from './health';
import {
  classTensors,
  decodeClasses,
  decodeScores,
  scoreLength,
  scoreTensor,
  type ScoredPoints,
} from './pointScores';
import type { Session } from './session';

export interface FrameRead {
  samples: Float32Array;
  grid: Float32Array;
  stats: Float32Array;
  frameStats: FrameStats;
  blowUp: string | null;
  /** Mean ‖∇ₓE‖ at the last GRAD_X_CHAINS chains; NaN unless asked for. */
  gradX: number;
  /** A JEM's grid logits and chain classes; null for other models. */
  classes: ClassFrame | null;
  /** Scores at the points (pointScores.ts); null unless points were given. */
  scores: PointScores | null;
}

export const GRAD_X_CHAINS = 256;

/** The trainer's stats vector [loss, E(data), E(neg), ‖∇θ‖, acceptance or −1] as named fields. */
export function toFrameStats(st: Float32Array): FrameStats {
  return {
    loss: st[0],
    eData: st[1],
    eNeg: st[2],
    gradNorm: st[3],
    acceptRate: st[4] < 0 ? null : st[4],
  };
}

/** Mean ‖∇ₓE‖ over the last min(GRAD_X_CHAINS, M) chains, shape [1]; call inside tidy. */
function meanGradNorm(s: Session): tf.Tensor1D {
  const m = s.buffer.size;
  const b = Math.min(GRAD_X_CHAINS, m);
  const x = tf.slice(s.buffer.chains, [m - b, 0], [b, 2]) as tf.Tensor2D;
  const g = energyGrad(s.energy, x);
  return tf.reshape(tf.mean(tf.sqrt(tf.sum(tf.square(g), 1))), [1]) as tf.Tensor1D;
}

/**
 * `frozenGrid`: the energy grid of the last frame when the model has not changed since
 * (sample mode freezes it), so the 128² evaluation is skipped and only chains are read.
 */
export function readFrame(
  s: Session,
  gradX = false,
  frozenGrid: Float32Array | null = null,
  scored: ScoredPoints | null = null,
  frozenLogits: Float32Array | null = null,
): FrameRead {
  const jem = isJem(s.model) ? s.model : null;
  // A frozen model (sample mode) keeps its grid logits too: only the chains' classes are new.
  const reuse = jem !== null && frozenGrid !== null && frozenLogits !== null;
  // Everything a frame shows reads the averaged weights θ̄ (ebm/weightAverage.ts).
  const packed = s.average.shown(() =>
    tf.tidy(() => {
      // A JEM's grid energy is the free energy of the same logits the class views show.
      const logits = jem && !reuse ? jem.logits(s.grid.points) : null;
      // Frozen (sample mode): the grid energy of the last frame is reused, not evaluated.
      const gridE = frozenGrid
        ? null
        : s.composed
          ? s.grid.evaluate(s.energy) // a composition of experts is what is shown and sampled
          : logits
            ? freeEnergy(logits)
            : s.grid.evaluate(s.model.energy);
      return tf.concat([
        tf.reshape(s.buffer.chains, [-1]),
        ...(gridE ? [gridE] : []),
        s.trainer.stats ?? tf.zeros([STAT_COUNT]),
        ...(gradX ? [meanGradNorm(s)] : []),
        ...(jem ? classTensors(jem, logits, s.buffer.chains) : []),
        ...(scored ? [scoreTensor(s.model, scored)] : []),
      ]);
    }),
  );
  const all = packed.dataSync() as Float32Array;
  packed.dispose();
  const nS = s.buffer.size * 2;
  const nG = frozenGrid ? 0 : s.grid.size * s.grid.size;
  const samples = all.slice(0, nS);
  const grid = frozenGrid ? frozenGrid.slice() : all.slice(nS, nS + nG);
  const stats = all.slice(nS + nG, nS + nG + STAT_COUNT);
  let at = nS + nG + STAT_COUNT + (gradX ? 1 : 0);
  const G = s.grid.size;
  const K = jem ? jem.classes : 0;
  const cached = reuse ? frozenLogits : null;
  const classes = jem ? decodeClasses(all.subarray(at), G, K, s.buffer.size, cached) : null;
  if (jem) at += (cached ? 0 : G * G * K) + s.buffer.size;
  const scores = scored
    ? decodeScores(all.subarray(at, at + scoreLength(s.model, scored)), scored, jem ? K : null)
    : null;
  return {
    samples,
    grid,
    stats,
    frameStats: toFrameStats(stats),
    blowUp: blowUpReason(grid, samples, stats),
    gradX: gradX ? all[nS + nG + STAT_COUNT] : NaN,
    classes,
    scores,
  };
}

export interface SamplesRead {
  samples: Float32Array;
  stats: Float32Array;
  /** The same checks as a full frame's, less the grid: finite samples, finite bounded stats. */
  blowUp: string | null;
}

const NO_GRID = new Float32Array(0);

/** The chains as they will stand once the batch `x` (its last rows) is written back. */
function chainsWith(s: Session, x: tf.Tensor2D): tf.Tensor {
  const m = s.buffer.size;
  const n = x.shape[0];
  return n >= m ? x : tf.concat([tf.slice(s.buffer.chains, [n, 0], [m - n, 2]), x]);
}

/**
 * A samples frame's readback: the chains and the stats, one dataSync() (no grid). `batch`:
 * mid-iteration, the batch advanced so far (replay.ts puts it after the other chains).
 */
export function readSamples(s: Session, batch: tf.Tensor2D | null = null): SamplesRead {
  const packed = tf.tidy(() =>
    tf.concat([
      tf.reshape(batch ? chainsWith(s, batch) : s.buffer.chains, [-1]),
      s.trainer.stats ?? tf.zeros([STAT_COUNT]),
    ]),
  );
  const all = packed.dataSync() as Float32Array;
  packed.dispose();
  const nS = s.buffer.size * 2;
  const samples = all.slice(0, nS);
  const stats = all.slice(nS, nS + STAT_COUNT);
  return { samples, stats, blowUp: blowUpReason(NO_GRID, samples, stats) ?? statsBlowUp(stats) };
}
