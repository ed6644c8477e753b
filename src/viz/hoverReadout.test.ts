// The hover read-out, the gradient field and the sketch score, on grids with known answers:
// a linear energy is interpolated exactly and its gradient is its slope; p_θ integrates to 1;
// on a flat energy a sketch holds its share of the area; a painted box holds all the mass.
import { describe, expect, it } from 'vitest';
import { gradientArrows } from './gradientField';
import { energyAt, gradientAt, HoverProbe } from './hoverReadout';
import { emptySketch, paintSketch, sketchScore } from './sketch';

const box = { min: -4, max: 4 };
function gridOf(G: number, f: (x: number, y: number) => number): Float32Array {
  const h = 8 / G;
  const out = new Float32Array(G * G);
  for (let j = 0; j < G; j++)
    for (let i = 0; i < G; i++) out[j * G + i] = f(-4 + (i + 0.5) * h, -4 + (j + 0.5) * h);
  return out;
}

describe('hover read-out', () => {
  it('is exact on a linear energy (value and gradient)', () => {
    const g = gridOf(64, (x, y) => 0.5 * x - 2 * y + 1);
    for (const [x, y] of [
      [0.3, -1.7],
      [2.11, 3.05],
      [-3.5, 0],
    ]) {
      expect(energyAt(g, 64, box, x, y)).toBeCloseTo(0.5 * x - 2 * y + 1, 4);
      const [gx, gy] = gradientAt(g, 64, box, x, y);
      expect(gx).toBeCloseTo(0.5, 4);
      expect(gy).toBeCloseTo(-2, 4);
    }
  });

  it('gives a density that integrates to 1 and the gradient of a bowl', () => {
    const G = 128;
    const g = gridOf(G, (x, y) => 0.5 * (x * x + y * y));
    const probe = new HoverProbe();
    let total = 0;
    const h = 8 / 100;
    for (let j = 0; j < 100; j++)
      for (let i = 0; i < 100; i++)
        total += probe.values(g, G, box, 1, -4 + (i + 0.5) * h, -4 + (j + 0.5) * h).density * h * h;
    expect(total).toBeCloseTo(1, 2);
    const v = probe.values(g, G, box, 1, 0, 0);
    expect(v.density).toBeCloseTo(1 / (2 * Math.PI), 2); // a standard normal at its mode
    const at = probe.values(g, G, box, 1, 1, -2);
    expect(at.gx).toBeCloseTo(1, 2);
    expect(at.gy).toBeCloseTo(-2, 2);
  });

  it('draws −∇E: the field of a bowl points to its centre', () => {
    const g = gridOf(64, (x, y) => x * x + y * y);
    for (const a of gradientArrows(g, 64, box, 8)) {
      expect(a.dx * a.x + a.dy * a.y).toBeLessThan(0);
    }
  });
});

describe('sketch score', () => {
  it('holds its area share on a flat energy and all the mass around a sharp bowl', () => {
    const flat = new Float32Array(128 * 128);
    const mask = emptySketch();
    paintSketch(mask, box, 1, 1, 1);
    const s = sketchScore(mask, flat, 128, box, 1);
    expect(s.area).toBeGreaterThan(0.03);
    expect(s.mass).toBeCloseTo(s.area, 6);
    const bowl = gridOf(128, (x, y) => 20 * ((x - 1) ** 2 + (y - 1) ** 2));
    expect(sketchScore(mask, bowl, 128, box, 1).mass).toBeGreaterThan(0.99);
    expect(sketchScore(emptySketch(), bowl, 128, box, 1).mass).toBe(0);
  });
});
