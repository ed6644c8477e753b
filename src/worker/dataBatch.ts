// The data side of each CD step always has the same shape [B, 2], whatever the number of
// points: resample the points with replacement (fixed shapes → no new shaders while editing).
import { TRAINER } from '../contract/settings';
import type { Rng } from '../ebm/rng';

export const DATA_BATCH = TRAINER.batch;

export function resamplePoints(points: Float32Array, rng: Rng, batch = DATA_BATCH): Float32Array {
  const n = points.length / 2;
  const out = new Float32Array(2 * batch);
  if (n === 0) return out;
  for (let k = 0; k < batch; k++) {
    const i = rng.int(n);
    out[2 * k] = points[2 * i];
    out[2 * k + 1] = points[2 * i + 1];
  }
  return out;
}

/**
 * The same resampling with each drawn point's class beside it (int32 for the cross-entropy):
 * one index per draw, so points and labels stay paired. Missing labels count as class 0.
 */
export function resampleLabelled(
  points: Float32Array,
  labels: Uint8Array | null,
  rng: Rng,
  batch = DATA_BATCH,
): { points: Float32Array; labels: Int32Array } {
  const n = points.length / 2;
  const out = new Float32Array(2 * batch);
  const ys = new Int32Array(batch);
  if (n === 0) return { points: out, labels: ys };
  for (let k = 0; k < batch; k++) {
    const i = rng.int(n);
    out[2 * k] = points[2 * i];
    out[2 * k + 1] = points[2 * i + 1];
    ys[k] = labels && i < labels.length ? labels[i] : 0;
  }
  return { points: out, labels: ys };
}
