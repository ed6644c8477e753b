// The model's normalised log-density on its grid, for the JSON export: from the frame's energy
// E on the G×G cell centres (row-major, j = 0 at y = box.min) and β,
//   log p(c) = −βE(c) − log Z,   log Z = logsumexp_c(−βE(c)) + log h²,   h = (max − min)/G,
// the midpoint rule of the worker's partition.ts, in float64 (so Σ_c p(c)·h² = 1). Plain
// numbers only: the page never holds tensors. Rounded to 1e-4 nats (well below what any
// reader can use) to keep the file small.
import type { Box } from '../../contract/box';

export interface ExportedDensity {
  box: Box;
  size: number;
  beta: number;
  /** log p_θ at each cell centre, row-major, j = 0 at y = box.min; null where E is not finite. */
  logDensity: (number | null)[];
}

const round4 = (v: number): number => Math.round(v * 1e4) / 1e4 + 0;

export function normalisedLogDensity(
  energy: ArrayLike<number>,
  size: number,
  box: Box,
  beta: number,
): ExportedDensity {
  let top = -Infinity;
  for (let c = 0; c < energy.length; c++) if (-beta * energy[c] > top) top = -beta * energy[c];
  let sum = 0;
  for (let c = 0; c < energy.length; c++) {
    const v = -beta * energy[c];
    if (Number.isFinite(v)) sum += Math.exp(v - top);
  }
  const h = (box.max - box.min) / size;
  const logZ = top + Math.log(sum) + 2 * Math.log(h);
  const logDensity = Array.from(energy, (e) => {
    const v = -beta * e - logZ;
    return Number.isFinite(v) ? round4(v) : null;
  });
  return { box: { min: box.min, max: box.max }, size, beta, logDensity };
}
