import { describe, expect, it } from 'vitest';
import { energyOnGrid, grid128, normalPdf, quadratic } from './fixtures';
import { gridPoints, integrate, type GridSpec } from './grid';
import { logPartition, normalise } from './partition';

const report: Record<string, number> = {};

describe('gridPoints', () => {
  it('lays out cell centres row-major, index = j·G + i', () => {
    const p = gridPoints(4, { min: -4, max: 4 });
    expect(p.length).toBe(32);
    expect([p[0], p[1]]).toEqual([-3, -3]); // (i, j) = (0, 0)
    expect([p[2], p[3]]).toEqual([-1, -3]); // (1, 0): x moves first
    expect([p[8], p[9]]).toEqual([-3, -1]); // (0, 1) = index 4
    expect([p[30], p[31]]).toEqual([3, 3]);
  });
});

describe('log Z by midpoint quadrature', () => {
  const s = 0.5;
  for (const beta of [1, 2]) {
    it(`Gaussian energy, β = ${beta}: log Z = log(2πσ²/β) within 1e-3`, () => {
      const e = energyOnGrid(grid128, quadratic(0.7, -0.4, s));
      const err = Math.abs(logPartition(e, grid128, beta) - Math.log((2 * Math.PI * s * s) / beta));
      report[`gaussian β=${beta}`] = err;
      expect(err).toBeLessThan(1e-3);
    });
  }

  it('mixture energy −log Σ w_k N(x; μ_k, σ_k²) has log Z = log Σ w_k = 0 within 1e-3', () => {
    const mix = (x: number, y: number) =>
      -Math.log(0.3 * normalPdf(x, y, -1.5, 1, 0.4) + 0.7 * normalPdf(x, y, 1, -0.5, 0.8));
    const err = Math.abs(logPartition(energyOnGrid(grid128, mix), grid128));
    report.mixture = err;
    expect(err).toBeLessThan(1e-3);
  });

  it('doubling G changes log Z by < 1e-3 for a smooth energy', () => {
    const e = (x: number, y: number) => 0.5 * (x * x - 1) ** 2 + 0.3 * (y - 0.2 * x) ** 2;
    const g256: GridSpec = { G: 256, box: grid128.box };
    const d = Math.abs(
      logPartition(energyOnGrid(grid128, e), grid128) - logPartition(energyOnGrid(g256, e), g256),
    );
    report['G 128→256'] = d;
    expect(d).toBeLessThan(1e-3);
  });

  it('an offset of +1000 shifts log Z by exactly −1000β (no overflow)', () => {
    for (const beta of [1, 2]) {
      const q = quadratic(0.3, 0.1, s);
      const base = logPartition(energyOnGrid(grid128, q), grid128, beta);
      const far = logPartition(
        energyOnGrid(grid128, (x, y) => q(x, y) + 1000),
        grid128,
        beta,
      );
      expect(Math.abs(far - base + 1000 * beta)).toBeLessThan(1e-9);
      // Float32 energies (the worker's): only the float32 rounding of E + 1000 (ulp 6e-5) remains.
      const f32 = logPartition(
        energyOnGrid(grid128, (x, y) => q(x, y) + 1000, true),
        grid128,
        beta,
      );
      report[`offset f32 β=${beta}`] = Math.abs(f32 - base + 1000 * beta);
      expect(Math.abs(f32 - base + 1000 * beta)).toBeLessThan(1e-4 * beta);
      // Negative offsets too: exp(+1e5) would overflow a naive sum.
      const neg = logPartition(
        energyOnGrid(grid128, (x, y) => q(x, y) - 1e5),
        grid128,
        beta,
      );
      expect(Math.abs(neg - base - 1e5 * beta)).toBeLessThan(1e-6);
    }
  });

  it('NaN energies give NaN, not a number that looks fine', () => {
    const e = energyOnGrid(grid128, quadratic(0, 0, s));
    e[77] = NaN;
    expect(logPartition(e, grid128)).toBeNaN();
    expect(normalise(e, grid128).logZ).toBeNaN();
  });
});

describe('normalise', () => {
  it('gives a density that integrates to 1 and log p consistent with it', () => {
    const n = normalise(energyOnGrid(grid128, quadratic(1, 1, 0.5), true), grid128, 1.5);
    expect(Math.abs(integrate(n.density, grid128) - 1)).toBeLessThan(1e-5);
    expect(n.logDensity[1000]).toBeCloseTo(Math.log(n.density[1000]), 4);
    expect(n.logZ).toBeCloseTo(Math.log((2 * Math.PI * 0.25) / 1.5), 6);
  });

  it('borderMass is tiny for a centred Gaussian and large for one near the edge', () => {
    const centred = normalise(energyOnGrid(grid128, quadratic(0, 0, 0.5)), grid128).borderMass;
    const edge = normalise(energyOnGrid(grid128, quadratic(3.9, 0, 0.5)), grid128).borderMass;
    report['border centred'] = centred;
    report['border edge'] = edge;
    expect(centred).toBeLessThan(1e-12);
    expect(edge).toBeGreaterThan(0.05);
    console.log('partition', report);
  });
});
