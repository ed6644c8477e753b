// Number formats for the density read-outs.

/** A metric for display: 3 significant digits, '—' when not defined. */
export function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(1);
  return String(+v.toPrecision(digits));
}

/** A share as a percentage. */
export function pct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v < 0.01 && v > 0 ? '< 1 %' : `${Math.round(100 * v)} %`;
}
