// The exact density of each preset's generator (datasets.ts), built from the blocks in
// density/exactDensity.ts; the numbers mirror the generators, and datasetDensity.test.ts
// checks each against a large sample of its generator. Pinwheel has none: its arms are a
// nonlinear map of a gaussian (angle 0.25·e^{f₀}) with no closed-form inverse.
import type { DatasetName } from './datasets';
import {
  EIGHT_GAUSSIANS,
  eightGaussianCentres,
  TWENTY_FIVE_GAUSSIANS,
  twentyFiveGaussianCentres,
} from './datasets';
import {
  box,
  curve,
  gaussian,
  mixture,
  normalCdf,
  ring,
  type Density,
} from './density/exactDensity';

const around = (centres: { x: number; y: number }[], std: number) =>
  mixture(centres.map((c) => gaussian(c.x, c.y, std)));

/** Moons: t ∼ U[0, π] on the outer arc (cos t, sin t) or the inner (1 − cos t, 0.5 − sin t),
 *  centred by (0.5, 0.25), then ×2 (noise 0.05 before the scale, so σ = 0.1). */
const moons = () =>
  mixture([
    curve((t) => [2 * (Math.cos(t) - 0.5), 2 * (Math.sin(t) - 0.25)], 0, Math.PI, 0.1, 800),
    curve((t) => [2 * (0.5 - Math.cos(t)), 2 * (0.25 - Math.sin(t))], 0, Math.PI, 0.1, 800),
  ]);

/** Checkerboard: 8 squares of side 1.5, equally likely (the column's parity picks its rows). */
function checkerboard(): Density {
  const squares: Density[] = [];
  for (let col = -2; col < 2; col++) {
    const parity = ((col % 2) + 2) % 2;
    for (const row of [parity, parity - 2])
      squares.push(box(1.5 * col, 1.5 * (col + 1), 1.5 * row, 1.5 * (row + 1)));
  }
  return mixture(squares);
}

/** Two spirals: n = 3π√U (density 2n/(3π)²), centre ±(−n cos n, n sin n)/3, plus ±U[0, 1/6]²
 *  (the 0.5·U offsets ÷ 3), plus N(0, 0.1²I). Midpoint rule in n; the offset and the noise
 *  per axis give 6·[Φ((d − lo)/σ) − Φ((d − hi)/σ)]. */
function spirals(nodes = 2000): Density {
  const top = 3 * Math.PI;
  const dn = top / nodes;
  const sigma = 0.1;
  const ns = Array.from({ length: nodes }, (_, q) => (q + 0.5) * dn);
  const w = ns.map((n) => (2 * n * dn) / (top * top));
  const cs = ns.map((n) => [(-Math.cos(n) * n) / 3, (Math.sin(n) * n) / 3] as const);
  const axis = (d: number, lo: number) =>
    6 * (normalCdf((d - lo) / sigma) - normalCdf((d - lo - 1 / 6) / sigma));
  const cut = 1 / 6 + 7 * sigma;
  return (x, y) => {
    let s = 0;
    for (const sign of [1, -1])
      for (let q = 0; q < nodes; q++) {
        const dx = x - sign * cs[q][0];
        const dy = y - sign * cs[q][1];
        if (Math.abs(dx) > cut || Math.abs(dy) > cut) continue;
        const lo = sign > 0 ? 0 : -1 / 6;
        s += w[q] * axis(dx, lo) * axis(dy, lo);
      }
    return s / 2;
  };
}

const DENSITIES: Partial<Record<DatasetName, () => Density>> = {
  '8gaussians': () => around(eightGaussianCentres(), EIGHT_GAUSSIANS.std),
  '25gaussians': () => around(twentyFiveGaussianCentres(), TWENTY_FIVE_GAUSSIANS.std),
  moons,
  rings: () => mixture([1, 0.75, 0.5, 0.25].map((r) => ring(3 * r, 0.08))),
  checkerboard,
  swissroll: () =>
    curve(
      (t) => [(t * Math.cos(t)) / 5, (t * Math.sin(t)) / 5],
      1.5 * Math.PI,
      4.5 * Math.PI,
      0.05,
      3000,
    ),
  spirals,
};

/** The preset generator's exact density, or null where none is known (pinwheel, empty). */
export function datasetDensity(name: DatasetName): Density | null {
  return DENSITIES[name]?.() ?? null;
}
