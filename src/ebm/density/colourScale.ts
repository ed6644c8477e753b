// The top of the density views' colour scale: a round number just above the data KDE's peak,
// so the scale stays put while the data do (the model's density is drawn against it).

/** Colour top when there is no data to anchor it (per unit area). */
export const DEFAULT_DENSITY_SCALE = 0.5;

/** Smallest of 1, 1.5, 2, 2.5, 4, 5, 8 × 10^k at or above v: a colour-scale top. */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return DEFAULT_DENSITY_SCALE;
  const e = 10 ** Math.floor(Math.log10(v));
  const m = [1, 1.5, 2, 2.5, 4, 5, 8, 10].find((s) => s * e >= v * (1 - 1e-9)) ?? 10;
  return m * e;
}
