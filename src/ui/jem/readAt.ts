// What the hover read-out adds for OOD and classes (issues #11 and #10), at a point x: the
// energy E(x), the density p_θ(x) = exp(−βE(x))/Z and E's percentile among the data's
// energies, read from a frame by bilinear interpolation of its grid (viz/bilinear.ts), with no
// round trip to the engine. log Z is the grid's quadrature (viz/levels.ts); the data's
// energies are the engine's exact ones (frame.scores). For a classifier, argmax p(y|x) there.
import type { Frame } from '../../contract/protocol';
import { percentileOf } from '../../ebm/ood';
import { bilinear, bilinearRow } from '../../viz/bilinear';
import { gridLogZ } from '../../viz/levels';

export interface Reading {
  x: number;
  y: number;
  energy: number;
  density: number;
  percentile: number;
  cls: { k: number; p: number } | null;
}

const BOX = { min: -4, max: 4 };

/** Everything the read-out shows at (x, y) from one frame. */
export function readAt(frame: Frame, x: number, y: number, beta: number): Reading {
  const G = frame.gridSize;
  const energy = bilinear(frame.grid, G, BOX, x, y);
  const logZ = gridLogZ(frame.grid, beta, BOX.max - BOX.min);
  const data = frame.scores?.dataEnergy;
  let cls: Reading['cls'] = null;
  if (frame.classes) {
    const f = bilinearRow(frame.classes.logits, G, frame.classes.classes, BOX, x, y);
    const m = Math.max(...f);
    const z = f.reduce((s, v) => s + Math.exp(v - m), 0);
    const k = f.indexOf(m);
    cls = { k, p: 1 / z };
  }
  return {
    x,
    y,
    energy,
    density: Math.exp(-beta * energy - logZ),
    percentile: data && data.length > 0 ? percentileOf(energy, data) : NaN,
    cls,
  };
}
