// Each preset's exact density against its own generator: the cell masses of the density on a
// 32² grid (summed from 128² cell-centre values) and a 1,000,000-point histogram of the
// generator must agree within a total variation of 0.02. Measured: 0.006–0.012 (sampling
// noise and the midpoint rule); the rings' σ off by 25 % (0.08 → 0.1) gives 0.050.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOX } from './box';
import { DATASET_NAMES, generateDataset } from './datasets';
import { datasetDensity } from './datasetDensity';
import { cellArea, type GridSpec } from './density/grid';
import { densityOnGrid, i0e, normalCdf, ring } from './density/exactDensity';

const FINE: GridSpec = { G: 128, box: DEFAULT_BOX };
const COARSE = 32;
const N = 1_000_000;

function coarseMass(p: Float64Array): Float64Array {
  const f = FINE.G / COARSE;
  const out = new Float64Array(COARSE * COARSE);
  for (let j = 0; j < FINE.G; j++)
    for (let i = 0; i < FINE.G; i++)
      out[Math.floor(j / f) * COARSE + Math.floor(i / f)] += p[j * FINE.G + i] * cellArea(FINE);
  return out;
}

function histogram(name: (typeof DATASET_NAMES)[number]): Float64Array {
  const out = new Float64Array(COARSE * COARSE);
  const { min, max } = DEFAULT_BOX;
  const cell = (v: number) => Math.min(COARSE - 1, Math.floor(((v - min) / (max - min)) * COARSE));
  for (const { x, y } of generateDataset(name, 7, N)) out[cell(y) * COARSE + cell(x)] += 1 / N;
  return out;
}

describe('exact densities of the presets', () => {
  it('I₀e and Φ match tabulated values', () => {
    expect(i0e(0)).toBeCloseTo(1, 7);
    expect(i0e(1) * Math.E).toBeCloseTo(1.2660658778, 6);
    expect(i0e(5) * Math.exp(5)).toBeCloseTo(27.239871823, 4);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 6);
    expect(normalCdf(-2)).toBeCloseTo(0.0227501319, 6);
  });

  it('a ring integrates to 1 over the plane and peaks on its circle', () => {
    const p = ring(2, 0.1);
    let s = 0;
    const h = 0.01;
    for (let x = -3; x < 3; x += h)
      for (let y = -3; y < 3; y += h) s += p(x + h / 2, y + h / 2) * h * h;
    expect(s).toBeCloseTo(1, 3);
    expect(p(2, 0)).toBeGreaterThan(p(1.8, 0));
    expect(p(2, 0)).toBeCloseTo(p(0, -2), 9);
  });

  for (const name of DATASET_NAMES) {
    const density = datasetDensity(name);
    if (!density) continue;
    it(`${name}: the density's cell masses match its generator's histogram`, () => {
      const model = coarseMass(densityOnGrid(density, FINE));
      const data = histogram(name);
      let tv = 0;
      for (let c = 0; c < model.length; c++) tv += Math.abs(model[c] - data[c]) / 2;
      expect(tv).toBeLessThan(0.02);
    });
  }

  it('pinwheel and empty have none', () => {
    expect(datasetDensity('pinwheel')).toBeNull();
    expect(datasetDensity('empty')).toBeNull();
  });
});
