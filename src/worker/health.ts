// What counts as a numerical blow-up before anything is drawn.

/** |E| beyond this on the grid or at the data means the energy is exploding. */
export const ENERGY_LIMIT = 1e5;

/** Null when every value is finite and within range, else a plain-words reason. */
export function blowUpReason(
  grid: Float32Array,
  samples: Float32Array,
  stats: Float32Array,
): string | null {
  for (let i = 0; i < stats.length; i++) {
    if (!Number.isFinite(stats[i])) return 'the loss became NaN or infinite';
  }
  for (let i = 0; i < samples.length; i++) {
    if (!Number.isFinite(samples[i])) return 'a sample became NaN';
  }
  for (let i = 0; i < grid.length; i++) {
    const e = grid[i];
    if (!Number.isFinite(e)) return 'the energy became NaN or infinite';
    if (Math.abs(e) > ENERGY_LIMIT) return `the energy exploded (|E| > ${ENERGY_LIMIT})`;
  }
  return null;
}

/** The per-chunk check on the trainer's stats alone [loss, E(data), E(neg), ‖∇θ‖, …]. */
export function statsBlowUp(stats: Float32Array): string | null {
  for (let i = 0; i < stats.length; i++) {
    if (!Number.isFinite(stats[i])) return 'the loss became NaN or infinite';
  }
  if (Math.abs(stats[1]) > ENERGY_LIMIT || Math.abs(stats[2]) > ENERGY_LIMIT)
    return `the energy exploded (|E| > ${ENERGY_LIMIT})`;
  return null;
}
