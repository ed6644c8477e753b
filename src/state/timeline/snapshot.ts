// Copying a frame into a timeline snapshot, and back into a frame the landscape can draw.
// The grid is averaged down by whole blocks to at most SNAPSHOT_GRID per side (a 128² grid
// becomes 64², each cell the mean energy of its 2×2 block: the same cell centres' picture at
// half the resolution); the samples are the first SNAPSHOT_SAMPLES chains, the same chains in
// every snapshot, so a scrub shows them moving rather than being reshuffled.
import type { Frame } from '../../contract/protocol';
import { SNAPSHOT_GRID, SNAPSHOT_SAMPLES, type Snapshot } from './ring';

/** Mean over f×f blocks, with f the smallest whole factor bringing G to ≤ `max`. */
export function downsampleGrid(
  grid: Float32Array,
  G: number,
  max = SNAPSHOT_GRID,
): { grid: Float32Array; gridSize: number } {
  let f = 1;
  while (G / f > max || G % f !== 0) f++;
  if (f === 1) return { grid: grid.slice(), gridSize: G };
  const g = G / f;
  const out = new Float32Array(g * g);
  const inv = 1 / (f * f);
  for (let j = 0; j < g; j++)
    for (let i = 0; i < g; i++) {
      let s = 0;
      for (let b = 0; b < f; b++) {
        const row = (j * f + b) * G + i * f;
        for (let a = 0; a < f; a++) s += grid[row + a];
      }
      out[j * g + i] = s * inv;
    }
  return { grid: out, gridSize: g };
}

let nextId = 1;

export function snapshotOf(frame: Frame, kl: number | null): Snapshot {
  const { grid, gridSize } = downsampleGrid(frame.grid, frame.gridSize);
  return {
    id: nextId++,
    generation: frame.generation,
    iteration: frame.iteration,
    loss: frame.stats.loss,
    kl,
    grid,
    gridSize,
    samples: frame.samples.slice(0, 2 * SNAPSHOT_SAMPLES),
  };
}

/** A drawable frame for a snapshot (negative ids never meet a real frame's, which count up). */
export function frameOf(s: Snapshot): Frame {
  return {
    type: 'frame',
    generation: s.generation,
    frameId: -s.id,
    iteration: s.iteration,
    samples: s.samples,
    grid: s.grid,
    gridSize: s.gridSize,
    stats: { loss: s.loss, eData: NaN, eNeg: NaN, gradNorm: NaN, acceptRate: null },
    trails: null,
  };
}
