import { describe, expect, it } from 'vitest';
import { energyOnGrid, grid128, quadratic } from './fixtures';
import { logPartition } from './partition';
import { logZResolutionGap, logZSubgrid } from './resolution';

describe('log Z resolution gap (G vs the G/2 subgrids)', () => {
  it('the four subgrids recombine to log Z_G; a smooth density has gap ≈ 0', () => {
    const e = energyOnGrid(grid128, quadratic(0.3, -0.2, 0.5));
    const sub = [0, 1].flatMap((oj) => [0, 1].map((oi) => logZSubgrid(e, grid128, 1.5, oi, oj)));
    const full = Math.log(sub.reduce((s, v) => s + Math.exp(v), 0) / 4);
    expect(Math.abs(full - logPartition(e, grid128, 1.5))).toBeLessThan(1e-12);
    expect(logZResolutionGap(e, grid128, 1.5)).toBeLessThan(1e-9);
  });

  it('grows past 0.02 once a mode is narrower than a cell (h = 0.0625 at G = 128)', () => {
    const gap = (s: number) =>
      logZResolutionGap(energyOnGrid(grid128, quadratic(0.3, -0.2, s)), grid128);
    const out = Object.fromEntries([0.03, 0.05, 0.06, 0.08, 0.1].map((s) => [s, gap(s)]));
    console.log('logZ gap by mode width', out);
    expect(gap(0.1)).toBeLessThan(1e-4);
    expect(gap(0.08)).toBeLessThan(0.02);
    expect(gap(0.05)).toBeGreaterThan(0.02);
    expect(gap(0.03)).toBeGreaterThan(0.5);
    expect(logZResolutionGap(new Float32Array(9), { G: 3, box: grid128.box })).toBeNaN();
  });
});
