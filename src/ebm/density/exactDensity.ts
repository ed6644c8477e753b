// Exact densities of the generators behind the data sets (datasets.ts), so that a model can be
// judged against the truth rather than against a KDE of 400 points:
//   KL(p_true ‖ p_θ) = E_{x∼p_true}[log p_true(x) − log p_θ(x)]
// is the expected held-out NLL of the model minus the generator's own NLL, and 0 for a perfect
// model. The building blocks (each a density on the plane, in units of 1/area):
//   gaussian     N(x; c, diag(sx², sy²)) rotated by θ
//   ring         a point uniform on the circle |c| = R plus N(0, σ²I):
//                  p(x) = exp(−(r² + R²)/2σ²)·I₀(rR/σ²) / (2πσ²)
//                       = exp(−(r − R)²/2σ²)·i0e(rR/σ²) / (2πσ²)        (i0e = I₀(z)e^{−z})
//   curve        a point c(t), t ∼ p(t), plus N(0, σ²I): the t-integral by the midpoint rule
//                  p(x) ≈ Σ_q w_q N(x; c(t_q), σ²I),   w_q = p(t_q)Δt (renormalised)
//                with Δt small enough that |c'(t)|Δt ≪ σ (the caller picks the node count)
//   box          uniform on an axis-aligned rectangle, optionally smeared per axis by N(0, σ²):
//                  ∏_axis [Φ((x − lo)/σ) − Φ((x − hi)/σ)] / (hi − lo)
//   mixture      Σ_k w_k p_k(x)
// On the grid the density is read at the cell centres and renormalised over the box, as the
// model's exp(−βE) is (partition.ts), so both are discretised the same way.
import { cellArea, gridPoints, type GridSpec } from './grid';

/** A density on the plane: value per unit area at (x, y). */
export type Density = (x: number, y: number) => number;

const TWO_PI = 2 * Math.PI;

/** I₀(z)·e^{−z} for z ≥ 0 (Abramowitz & Stegun 9.8.1–2, relative error < 2e-7). */
export function i0e(z: number): number {
  if (z <= 3.75) {
    const t = (z / 3.75) ** 2;
    const i0 =
      1 +
      t *
        (3.5156229 +
          t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))));
    return i0 * Math.exp(-z);
  }
  const t = 3.75 / z;
  const p = [
    0.39894228, 0.01328592, 0.00225319, -0.00157565, 0.00916281, -0.02057706, 0.02635537,
    -0.01647633, 0.00392377,
  ];
  let s = 0;
  for (let k = p.length - 1; k >= 0; k--) s = s * t + p[k];
  return s / Math.sqrt(z);
}

/** Standard normal CDF Φ (erf by Abramowitz & Stegun 7.1.26, absolute error < 1.5e-7). */
export function normalCdf(v: number): number {
  const z = Math.abs(v) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return v >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

export function gaussian(cx: number, cy: number, sx: number, sy = sx, theta = 0): Density {
  const [c, s] = [Math.cos(theta), Math.sin(theta)];
  const norm = 1 / (TWO_PI * sx * sy);
  return (x, y) => {
    const [dx, dy] = [x - cx, y - cy];
    const a = (c * dx + s * dy) / sx;
    const b = (-s * dx + c * dy) / sy;
    return norm * Math.exp(-0.5 * (a * a + b * b));
  };
}

export function ring(R: number, sigma: number): Density {
  const s2 = sigma * sigma;
  return (x, y) => {
    const r = Math.hypot(x, y);
    return (Math.exp(-((r - R) ** 2) / (2 * s2)) * i0e((r * R) / s2)) / (TWO_PI * s2);
  };
}

/** A noisy curve: t uniform-by-weight on `nodes` midpoints of [t0, t1] (see the header). */
export function curve(
  c: (t: number) => readonly [number, number],
  t0: number,
  t1: number,
  sigma: number,
  nodes: number,
  weight: (t: number) => number = () => 1,
): Density {
  const dt = (t1 - t0) / nodes;
  const pts = Array.from({ length: nodes }, (_, q) => t0 + (q + 0.5) * dt);
  const w = pts.map(weight);
  const total = w.reduce((a, b) => a + b, 0);
  const cs = pts.map(c);
  const cut = 7 * sigma;
  const norm = 1 / (total * TWO_PI * sigma * sigma);
  return (x, y) => {
    let s = 0;
    for (let q = 0; q < nodes; q++) {
      const dx = x - cs[q][0];
      const dy = y - cs[q][1];
      if (Math.abs(dx) > cut || Math.abs(dy) > cut) continue;
      s += w[q] * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
    }
    return s * norm;
  };
}

/** Uniform on [x0, x1] × [y0, y1], smeared by N(0, σ²) per axis (σ = 0: the sharp box). */
export function box(x0: number, x1: number, y0: number, y1: number, sigma = 0): Density {
  const axis = (v: number, lo: number, hi: number) =>
    (sigma > 0
      ? normalCdf((v - lo) / sigma) - normalCdf((v - hi) / sigma)
      : Number(v >= lo && v < hi)) /
    (hi - lo);
  return (x, y) => axis(x, x0, x1) * axis(y, y0, y1);
}

export function mixture(parts: readonly Density[], weights?: readonly number[]): Density {
  const w = weights ?? parts.map(() => 1 / parts.length);
  return (x, y) => parts.reduce((s, p, k) => s + w[k] * p(x, y), 0);
}

/** The density at the cell centres, renormalised so that Σ p h² = 1 over the box. */
export function densityOnGrid(p: Density, grid: GridSpec): Float64Array {
  const xy = gridPoints(grid.G, grid.box);
  const out = new Float64Array(grid.G * grid.G);
  let total = 0;
  for (let c = 0; c < out.length; c++) total += out[c] = p(xy[2 * c], xy[2 * c + 1]);
  const scale = 1 / (total * cellArea(grid));
  for (let c = 0; c < out.length; c++) out[c] *= scale;
  return out;
}
