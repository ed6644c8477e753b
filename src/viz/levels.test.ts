// The landscape's colourings: log Z agrees with partition.ts, and every mode maps the most
// probable cell to the dark end (t = 0) on a fixed scale.
import { describe, expect, it } from 'vitest';
import { energyOnGrid, grid128, quadratic } from '../ebm/density/fixtures';
import { logPartition } from '../ebm/density/partition';
import { densityParams } from './densityPanels';
import {
  colourKey,
  colourParams,
  densityT,
  ENERGY_DOMAIN,
  gridLogZ,
  LOG_DENSITY_SPAN,
  type ColourMode,
} from './levels';

const energy = energyOnGrid(grid128, quadratic(1, -1, 0.5), true) as Float32Array;
const MODES: ColourMode[] = ['energy', 'unnormalised', 'density', 'logdensity'];

describe('landscape colourings', () => {
  it('gridLogZ equals partition.ts logPartition (also with an offset and β)', () => {
    for (const [beta, offset] of [
      [1, 0],
      [2.5, 300],
    ]) {
      const shifted = energy.map((e) => e + offset);
      expect(gridLogZ(shifted, beta, 8)).toBeCloseTo(logPartition(shifted, grid128, beta), 6);
    }
  });

  it('every mode puts the minimum-energy cell at t = 0 and keeps t in [0, 1]', () => {
    let argmin = 0;
    for (let c = 1; c < energy.length; c++) if (energy[c] < energy[argmin]) argmin = c;
    for (const mode of MODES) {
      const t = new Float32Array(energy.length);
      colourParams(energy, 1, mode, 0.5, 8, t);
      expect(t[argmin], mode).toBeCloseTo(0, 5);
      expect(Math.min(...t), mode).toBeGreaterThanOrEqual(0);
      expect(Math.max(...t), mode).toBeLessThanOrEqual(1);
    }
  });

  it('scales are fixed: energy by ENERGY_DOMAIN, log p by LOG_DENSITY_SPAN below log(top)', () => {
    const flat = new Float32Array(128 * 128).fill(3); // uniform: p = 1/64 everywhere
    const t = new Float32Array(flat.length);
    colourParams(flat, 1, 'energy', 0.5, 8, t);
    expect(t[0]).toBe(0);
    const logZ = colourParams(flat, 1, 'logdensity', 0.5, 8, t);
    expect(logZ).toBeCloseTo(Math.log(64) - 3, 5);
    expect(t[0]).toBeCloseTo((Math.log(0.5) - Math.log(1 / 64)) / LOG_DENSITY_SPAN, 5);
    colourParams(flat, 1, 'density', 1 / 64, 8, t);
    expect(t[0]).toBeCloseTo(0, 5);
    expect(ENERGY_DOMAIN).toBeGreaterThan(0);
  });

  it('the density panels use the same √ scale; each mode has its own colour key', () => {
    const out = densityParams([0, 0.125, 0.5, 2], 0.5, new Float32Array(4));
    expect(Array.from(out)).toEqual([1, 0.5, 0, 0]);
    expect(densityT(0.125, 0.5)).toBeCloseTo(0.5);
    const keys = new Set(MODES.map((m) => JSON.stringify(colourKey(m, 0.5))));
    expect(keys.size).toBe(4);
  });
});
