// Bilinear interpolation of the frame's grid: exact for a plane, equal to the cell value at
// every centre, clamped at the box edge, and K values per cell read alike.
import { describe, expect, it } from 'vitest';
import { bilinear, bilinearRow } from './bilinear';

const BOX = { min: -4, max: 4 };
const G = 8;
const h = (BOX.max - BOX.min) / G;
const centre = (i: number) => BOX.min + (i + 0.5) * h;
const plane = (x: number, y: number) => 2 * x - 3 * y + 1;
const grid = Float32Array.from({ length: G * G }, (_, c) =>
  plane(centre(c % G), centre(Math.floor(c / G))),
);

describe('bilinear', () => {
  it('is exact for a plane inside the centres and equals each centre value', () => {
    for (const [x, y] of [
      [0.1, -0.3],
      [-3.2, 3.1],
      [2.9, 0.77],
    ])
      expect(bilinear(grid, G, BOX, x, y)).toBeCloseTo(plane(x, y), 4);
    expect(bilinear(grid, G, BOX, centre(3), centre(5))).toBeCloseTo(grid[5 * G + 3], 5);
  });

  it('clamps to the outermost centres at the box edge', () => {
    expect(bilinear(grid, G, BOX, -4, -4)).toBeCloseTo(grid[0], 5);
    expect(bilinear(grid, G, BOX, 4, 4)).toBeCloseTo(grid[G * G - 1], 5);
  });

  it('reads K interleaved values per cell', () => {
    const two = new Float32Array(2 * G * G);
    grid.forEach((v, c) => {
      two[2 * c] = v;
      two[2 * c + 1] = -v;
    });
    const [a, b] = bilinearRow(two, G, 2, BOX, 0.3, 1.2);
    expect(a).toBeCloseTo(plane(0.3, 1.2), 4);
    expect(b).toBeCloseTo(-plane(0.3, 1.2), 4);
  });
});
