// Fixed colour domain and contour levels, in units of βΔE = β(E − min E) (nats): a level
// of k means "e^k times less probable than the most probable point". Fixed per run, so the
// picture changes only when the model does, never because a rescale flickered.
export const ENERGY_DOMAIN = 10;
export const CONTOUR_LEVELS = [0.5, 1, 2, 3, 4.5, 6, 8];

/** Map the raw grid energies to βΔE, and return the minimum used. */
export function relativeEnergy(grid: Float32Array, beta: number, out: Float32Array): number {
  let min = Infinity;
  for (let i = 0; i < grid.length; i++) if (grid[i] < min) min = grid[i];
  for (let i = 0; i < grid.length; i++) out[i] = beta * (grid[i] - min);
  return min;
}
