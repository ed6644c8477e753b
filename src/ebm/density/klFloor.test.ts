// The smoothed-bootstrap KL floor: for a known mixture it lands near the KL the true density
// itself scores against the data KDE, and it shrinks with more points.
import { describe, expect, it } from 'vitest';
import { cvBandwidth } from './bandwidth';
import { energyOnGrid, grid128, mixturePoints, normalPdf } from './fixtures';
import { cellSize } from './grid';
import { kde } from './kde';
import { klDivergence } from './kl';
import { klFloor, sampleKde } from './klFloor';
import { normalise } from './partition';

const centres = [
  [-1.5, 0],
  [1.5, 0.5],
  [0, -1.8],
] as const;
const S = 0.4;
// The true density: equal-weight mixture of N(c_k, S²I), as an energy −log p on the grid.
const truth = normalise(
  energyOnGrid(
    grid128,
    (x, y) => -Math.log(centres.reduce((s, c) => s + normalPdf(x, y, c[0], c[1], S) / 3, 0)),
  ),
  grid128,
).density;
// The worker's bandwidth: cross-validated, at least half a cell.
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const bandwidthOf = (p: Float32Array) => Math.max(cvBandwidth(p), 0.5 * cellSize(grid128));

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

  it('~400 points: the floor is near KL(data KDE ‖ true density); it shrinks with N', () => {
    // KL(p̂ ‖ p_true) is itself random (one draw of N points), so compare means over draws.
    const run = (n: number, seeds: number[]) => {
      const trueKl: number[] = [];
      const floor: number[] = [];
      for (const seed of seeds) {
        const pts = mixturePoints(n, centres, S, seed).points;
        const b = bandwidthOf(pts);
        const dataKde = kde(pts, grid128, { bandwidth: b });
        trueKl.push(klDivergence(dataKde, truth, grid128));
        const f = klFloor(pts, grid128, b, { dataKde });
        floor.push(f.mean);
        // Seeded: the same data give the same floor.
        if (seed === seeds[0])
          expect(klFloor(pts, grid128, b, { dataKde }).values).toEqual(f.values);
      }
      return { trueKl: mean(trueKl), floor: mean(floor), trueKls: trueKl, floors: floor };
    };
    const small = run(400, [1, 2, 3, 4, 5, 6]);
    const large = run(1600, [1, 2, 3]);
    console.log('klFloor', { n400: small, n1600: large });
    for (const v of [small.trueKl, small.floor]) {
      expect(v).toBeGreaterThan(0.05);
      expect(v).toBeLessThan(0.2);
    }
    expect(Math.abs(Math.log(small.floor / small.trueKl))).toBeLessThan(Math.log(1.3));
    for (const f of small.floors) expect(Math.abs(f / small.floor - 1)).toBeLessThan(0.3);
    expect(large.floor).toBeLessThan(0.6 * small.floor);
    expect(Math.abs(Math.log(large.floor / large.trueKl))).toBeLessThan(Math.log(1.3));
  });
});
