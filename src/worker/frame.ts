// One readback per displayed frame: chains, grid energies and stats are concatenated on
// the device and read with a single dataSync() (in a worker, blocking is harmless and
// ~5× cheaper than await data()). The pieces are then copied into their own buffers so
// each can be transferred to the page.
import { STAT_COUNT } from '../ebm/trainer';
import { tf } from '../ebm/tf';
import type { FrameStats } from './protocol';
import { blowUpReason } from './health';
import type { Session } from './session';

export interface FrameRead {
  samples: Float32Array;
  grid: Float32Array;
  stats: Float32Array;
  frameStats: FrameStats;
  blowUp: string | null;
}

export function readFrame(s: Session): FrameRead {
  const packed = tf.tidy(() =>
    tf.concat([
      tf.reshape(s.buffer.chains, [-1]),
      s.grid.evaluate(s.model.energy),
      s.trainer.stats ?? tf.zeros([STAT_COUNT]),
    ]),
  );
  const all = packed.dataSync() as Float32Array;
  packed.dispose();
  const nS = s.buffer.size * 2;
  const nG = s.grid.size * s.grid.size;
  const samples = all.slice(0, nS);
  const grid = all.slice(nS, nS + nG);
  const stats = all.slice(nS + nG, nS + nG + STAT_COUNT);
  return {
    samples,
    grid,
    stats,
    frameStats: {
      loss: stats[0],
      eData: stats[1],
      eNeg: stats[2],
      gradNorm: stats[3],
      acceptRate: stats[4] < 0 ? null : stats[4],
    },
    blowUp: blowUpReason(grid, samples, stats),
  };
}
