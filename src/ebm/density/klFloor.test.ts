// The bootstrap KL floor against the truth: for a smooth mixture and for a thin ring (a
// structure narrower than the kernel), the
// floor lands near what the true density itself scores on the read-out, KL(p̂ ‖ K_b ∗ p_true),
// averaged over draws of the data; and it shrinks with more points.
import { describe, expect, it } from 'vitest';
import { cvBandwidth } from './bandwidth';
import { densityOnGrid, mixture, gaussian, ring, type Density } from './exactDensity';
import { grid128, mixturePoints } from './fixtures';
import { cellSize } from './grid';
import { kde, smoothDensity } from './kde';
import { klDivergence } from './kl';
import { klFloor, sampleKde } from './klFloor';
import { makeRng } from '../rng';

const centres = [
  [-1.5, 0],
  [1.5, 0.5],
  [0, -1.8],
] as const;
const S = 0.4;
const blobs = mixture(centres.map(([x, y]) => gaussian(x, y, S)));
const R = 2;
const RING_S = 0.06;
function ringPoints(n: number, seed: number): Float32Array {
  const rng = makeRng(seed);
  const out = new Float32Array(2 * n);
  for (let k = 0; k < n; k++) {
    const a = 2 * Math.PI * rng.next();
    out[2 * k] = R * Math.cos(a) + RING_S * rng.normal();
    out[2 * k + 1] = R * Math.sin(a) + RING_S * rng.normal();
  }
  return out;
}
// The worker's bandwidth: cross-validated, at least half a cell.
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const bandwidthOf = (p: Float32Array) => Math.max(cvBandwidth(p), 0.5 * cellSize(grid128));

/** Mean over seeds of the true density's read-out and of the floor, for n points. */
function compare(
  truth: Density,
  draw: (n: number, seed: number) => Float32Array,
  n: number,
  seeds: number[],
) {
  const pTrue = densityOnGrid(truth, grid128);
  const trueKl: number[] = [];
  const floor: number[] = [];
  for (const seed of seeds) {
    const pts = draw(n, seed);
    const b = bandwidthOf(pts);
    const dataKde = kde(pts, grid128, { bandwidth: b });
    trueKl.push(klDivergence(dataKde, smoothDensity(pTrue, grid128, b), grid128));
    const f = klFloor(pts, grid128, b, { dataKde });
    floor.push(f.mean);
    // Seeded: the same data give the same floor.
    if (seed === seeds[0]) expect(klFloor(pts, grid128, b, { dataKde }).values).toEqual(f.values);
  }
  return { trueKl: mean(trueKl), floor: mean(floor), floors: floor };
}

describe('KL floor', () => {
  it('sampleKde draws from the KDE: mean and spread of a single blob', () => {
    const pts = Float32Array.of(0.5, -0.5);
    const s = sampleKde(pts, 0.3, grid128.box, 3, 4000);
    let [mx, vx] = [0, 0];
    for (let k = 0; k < 4000; k++) mx += s[2 * k] / 4000;
    for (let k = 0; k < 4000; k++) vx += (s[2 * k] - mx) ** 2 / 4000;
    expect(Math.abs(mx - 0.5)).toBeLessThan(0.02); // 0.3/√4000 ≈ 0.005
    expect(Math.abs(Math.sqrt(vx) - 0.3)).toBeLessThan(0.015);
  });

  const blobPoints = (n: number, seed: number) => mixturePoints(n, centres, S, seed).points;
  for (const [name, truth, draw] of [
    ['three smooth gaussians', blobs, blobPoints],
    ['a thin ring', ring(R, RING_S), ringPoints],
  ] as const) {
    it(`${name}, ~400 points: the floor is near the true density's KL; it shrinks with N`, () => {
      const small = compare(truth, draw, 400, [1, 2, 3, 4, 5, 6]);
      const large = compare(truth, draw, 1600, [1, 2, 3]);
      console.log('klFloor', name, { n400: small, n1600: large });
      expect(small.floor).toBeGreaterThan(0.01);
      expect(Math.abs(Math.log(small.floor / small.trueKl))).toBeLessThan(Math.log(1.3));
      // The floor of one draw of the data stays within 40 % of the mean over draws.
      for (const f of small.floors) expect(Math.abs(f / small.floor - 1)).toBeLessThan(0.4);
      expect(large.floor).toBeLessThan(0.6 * small.floor);
      expect(Math.abs(Math.log(large.floor / large.trueKl))).toBeLessThan(Math.log(1.3));
    });
  }
});
