import { describe, expect, it } from 'vitest';
import { mixturePoints } from './fixtures';
import {
  assignModes,
  centresFromLabels,
  defaultRadius,
  eightGaussiansCentres,
  modeCoverage,
  twentyFiveGaussiansCentres,
} from './modes';

describe('mode coverage', () => {
  const centres = eightGaussiansCentres(2);
  const data = mixturePoints(4000, centres, 0.2, 1).points;
  const samples = mixturePoints(2000, centres, 0.2, 2).points;
  const mode = assignModes(samples, centres, defaultRadius(centres));

  it('preset centres', () => {
    expect(centres[0][0]).toBeCloseTo(2, 12);
    expect(centres[2][1]).toBeCloseTo(2, 12); // north
    expect(centres[1][0]).toBeCloseTo(Math.SQRT2, 12);
    const c25 = twentyFiveGaussiansCentres(1);
    expect(c25.length).toBe(25);
    expect(c25[0]).toEqual([-2, -2]);
    expect(c25[24]).toEqual([2, 2]);
    expect(defaultRadius(c25)).toBeCloseTo(0.5, 12);
    expect(defaultRadius(centres)).toBeCloseTo(2 * Math.sin(Math.PI / 8), 12);
  });

  it('counts all 8 when samples match the data', () => {
    const c = modeCoverage(samples, data, centres);
    expect([c.covered, c.total]).toEqual([8, 8]);
    expect(c.offModeShare).toBeLessThan(0.01);
  });

  it('counts 7 when one mode is emptied, and judges at half the expected share', () => {
    const keep = (f: (k: number) => boolean) =>
      Float32Array.from(
        Array.from({ length: mode.length }, (_, k) => k)
          .filter(f)
          .flatMap((k) => [samples[2 * k], samples[2 * k + 1]]),
      );
    const c = modeCoverage(
      keep((k) => mode[k] !== 3),
      data,
      centres,
    );
    expect([c.covered, c.total]).toEqual([7, 8]);
    expect(c.modes[3].covered).toBe(false);
    expect(c.modes[3].sampleShare).toBe(0);
    // Mode 3 keeps 1 in 3 (≈ 0.36 of its share) → not covered; 2 in 3 (≈ 0.7) → covered.
    let n = 0;
    const third = keep((k) => mode[k] !== 3 || n++ % 3 === 0);
    n = 0;
    const twoThirds = keep((k) => mode[k] !== 3 || n++ % 3 !== 0);
    expect(modeCoverage(third, data, centres).covered).toBe(7);
    expect(modeCoverage(twoThirds, data, centres).covered).toBe(8);
  });

  it('ignores modes without data, and counts samples between modes as off-mode', () => {
    const c = modeCoverage(Float32Array.of(0, 0, 2, 0), Float32Array.of(2, 0), centres);
    expect([c.covered, c.total]).toEqual([1, 1]);
    expect(c.offModeShare).toBe(0.5);
  });

  it('derives centres from labelled data', () => {
    const { points, labels } = mixturePoints(4000, centres, 0.2, 3);
    const got = centresFromLabels(points, labels);
    expect(got.length).toBe(8);
    for (let k = 0; k < 8; k++) {
      expect(Math.hypot(got[k][0] - centres[k][0], got[k][1] - centres[k][1])).toBeLessThan(0.05);
    }
  });
});
