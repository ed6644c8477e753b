import { describe, expect, it } from 'vitest';
import { energyOnGrid, grid128, quadratic } from './fixtures';
import { klDivergence, klDivergenceLog } from './kl';
import { normalise } from './partition';

const gauss = (mx: number, my: number, s = 0.5) =>
  normalise(energyOnGrid(grid128, quadratic(mx, my, s), true), grid128);

describe('KL(data ‖ model)', () => {
  it('is 0 for identical densities', () => {
    const p = gauss(0.2, -0.3).density;
    expect(Math.abs(klDivergence(p, p, grid128))).toBeLessThan(1e-9);
  });

  it('matches ‖Δμ‖²/2σ² for shifted Gaussians within 10 %', () => {
    const p = gauss(0, 0);
    for (const [dx, dy] of [
      [0.25, 0],
      [0.3, 0.4],
    ]) {
      const q = gauss(dx, dy);
      const exact = (dx * dx + dy * dy) / (2 * 0.25);
      const kl = klDivergence(p.density, q.density, grid128);
      const klLog = klDivergenceLog(p.density, q.logDensity, grid128);
      console.log('kl', { shift: Math.hypot(dx, dy), exact, kl, klLog });
      expect(Math.abs(kl / exact - 1)).toBeLessThan(0.1);
      expect(Math.abs(klLog / exact - 1)).toBeLessThan(0.1);
    }
  });

  it('stays finite where the model density underflows to 0 (the floor)', () => {
    const p = gauss(-2, 0, 0.3).density;
    const q = gauss(2, 0, 0.1).density; // exp(−16²/0.02) = 0 in float32 around p's mass
    const kl = klDivergence(p, q, grid128);
    expect(Number.isFinite(kl)).toBe(true);
    expect(kl).toBeGreaterThan(20);
  });
});
