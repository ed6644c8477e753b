// Fixed colour domain and contour levels, in units of βΔE = β(E − min E) (nats): a level
// of k means "e^k times less probable than the most probable point". Fixed per run, so the
// picture changes only when the model does, never because a rescale flickered.
import type { DensityMode } from '../contract/view';

export const ENERGY_DOMAIN = 10;
export const CONTOUR_LEVELS = [0.5, 1, 2, 3, 4.5, 6, 8];

/** Map the raw grid energies to βΔE, and return the minimum used. */
export function relativeEnergy(grid: Float32Array, beta: number, out: Float32Array): number {
  let min = Infinity;
  for (let i = 0; i < grid.length; i++) if (grid[i] < min) min = grid[i];
  for (let i = 0; i < grid.length; i++) out[i] = beta * (grid[i] - min);
  return min;
}

// ---- Colouring by view mode (schema.ts DENSITY_MODES) ----------------------------------
// Every mode maps to t ∈ [0, 1] on the same colour ramp, t = 0 (dark blue) = most probable,
// so "dark means likely" holds whatever is shown. Scales are fixed: βΔE ∈ [0, ENERGY_DOMAIN];
// exp(−βΔE) ∈ [0, 1]; p and log p against a top `densityScale` that the worker derives from the
// data (it changes only with the data), so the pictures change only when the model does.
// exp(−βE) and p use a square-root scale (DENSITY_GAMMA) so that low mass stays visible.

/** Density colours use √(p/top): low densities (spread-out samples) stay visible. */
export const DENSITY_GAMMA = 0.5;

/** Colour parameter t of a density value on the √ scale: 0 (dark) at ≥ top, 1 at 0. */
export function densityT(p: number, top: number): number {
  const t = 1 - Math.pow(p / top, DENSITY_GAMMA);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** Nats of log p shown below the top of the log-density scale. */
export const LOG_DENSITY_SPAN = 12;

export type ColourMode = DensityMode;

/** log Z = log Σ exp(−βE_c)·h² over a G×G grid on a box of side `side` (log-sum-exp). */
export function gridLogZ(grid: ArrayLike<number>, beta: number, side: number): number {
  let m = -Infinity;
  for (let i = 0; i < grid.length; i++) m = Math.max(m, -beta * grid[i]);
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < grid.length; i++) s += Math.exp(-beta * grid[i] - m);
  const h = side / Math.sqrt(grid.length);
  return m + Math.log(s) + 2 * Math.log(h);
}

/**
 * Fill `out` with the colour parameter t of every cell for `mode`. `side` is the box side
 * (for log Z). Returns log Z (NaN in the modes that do not need it).
 */
export function colourParams(
  grid: Float32Array,
  beta: number,
  mode: ColourMode,
  densityScale: number,
  side: number,
  out: Float32Array,
): number {
  const clamp = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t);
  if (mode === 'energy' || mode === 'unnormalised') {
    relativeEnergy(grid, beta, out);
    for (let i = 0; i < out.length; i++)
      out[i] = mode === 'energy' ? clamp(out[i] / ENERGY_DOMAIN) : densityT(Math.exp(-out[i]), 1);
    return NaN;
  }
  const logZ = gridLogZ(grid, beta, side);
  const top = Math.log(densityScale);
  for (let i = 0; i < out.length; i++) {
    const lp = -beta * grid[i] - logZ;
    out[i] =
      mode === 'density'
        ? densityT(Math.exp(lp), densityScale)
        : clamp((top - lp) / LOG_DENSITY_SPAN);
  }
  return logZ;
}

export interface ColourKey {
  /** What the colour shows, one line. */
  title: string;
  /** Labels at the dark (most probable) and light ends of the ramp. */
  dark: string;
  light: string;
}

const num = (v: number) => String(+v.toPrecision(2));

/** The legend text for a mode and scale. */
export function colourKey(mode: ColourMode, densityScale: number): ColourKey {
  switch (mode) {
    case 'energy':
      return {
        title: 'energy β(E − E_min): low = probable',
        dark: '0 (most probable)',
        light: `β(E − E_min) ≥ ${ENERGY_DOMAIN}`,
      };
    case 'unnormalised':
      return {
        title: 'exp(−βE) ÷ its peak: the shape of p, not its scale (square-root colour scale)',
        dark: '1 (peak)',
        light: '0',
      };
    case 'density':
      return {
        title: 'pθ(x) = exp(−βE)/Z per unit area (square-root colour scale)',
        dark: `p ≥ ${num(densityScale)}`,
        light: 'p = 0',
      };
    case 'logdensity':
      return {
        title: 'log pθ(x) = −βE − log Z (nats)',
        dark: `log p ≥ ${num(Math.log(densityScale))}`,
        light: `≤ ${num(Math.log(densityScale) - LOG_DENSITY_SPAN)}`,
      };
  }
}
