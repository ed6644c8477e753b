// What the hover read-out shows under the cursor, computed on the page from the latest
// frame's energy grid (no worker round trip):
//   E(x)      bilinear interpolation between the four nearest cell centres;
//   ∇E(x)     central differences of the grid at those centres, interpolated the same way;
//   p_θ(x) = exp(−βE(x))/Z, with log Z = log Σ exp(−βE_c)·h² over the grid (levels.ts).
// Outside the outer ring of cell centres the nearest centre's values are used (clamped).
import { gridLogZ } from './levels';

export interface GridBox {
  min: number;
  max: number;
}

export interface HoverValues {
  x: number;
  y: number;
  energy: number;
  density: number;
  /** ∇ₓE (data units). */
  gx: number;
  gy: number;
}

/** Continuous grid coordinates of (x, y): cell centre i sits at u = i. */
function toGrid(v: number, G: number, box: GridBox): number {
  const h = (box.max - box.min) / G;
  return Math.max(0, Math.min(G - 1, (v - box.min) / h - 0.5));
}

/** Bilinear interpolation of a per-centre field f(i, j) at (x, y). */
function bilinear(
  f: (i: number, j: number) => number,
  G: number,
  box: GridBox,
  x: number,
  y: number,
): number {
  const u = toGrid(x, G, box);
  const v = toGrid(y, G, box);
  const i0 = Math.min(G - 2, Math.floor(u));
  const j0 = Math.min(G - 2, Math.floor(v));
  const a = u - i0;
  const b = v - j0;
  return (
    (1 - a) * (1 - b) * f(i0, j0) +
    a * (1 - b) * f(i0 + 1, j0) +
    (1 - a) * b * f(i0, j0 + 1) +
    a * b * f(i0 + 1, j0 + 1)
  );
}

/** E at (x, y) by bilinear interpolation of the grid (index j·G + i, j = 0 at y = min). */
export function energyAt(grid: ArrayLike<number>, G: number, box: GridBox, x: number, y: number) {
  return bilinear((i, j) => grid[j * G + i], G, box, x, y);
}

/** ∇ₓE at (x, y): central (one-sided at the edge) differences, interpolated bilinearly. */
export function gradientAt(
  grid: ArrayLike<number>,
  G: number,
  box: GridBox,
  x: number,
  y: number,
): [number, number] {
  const h = (box.max - box.min) / G;
  const at = (i: number, j: number) => grid[j * G + i];
  const dx = (i: number, j: number) => {
    const l = Math.max(0, i - 1);
    const r = Math.min(G - 1, i + 1);
    return (at(r, j) - at(l, j)) / ((r - l) * h);
  };
  const dy = (i: number, j: number) => {
    const d = Math.max(0, j - 1);
    const u = Math.min(G - 1, j + 1);
    return (at(i, u) - at(i, d)) / ((u - d) * h);
  };
  return [bilinear(dx, G, box, x, y), bilinear(dy, G, box, x, y)];
}

/** Caches log Z per grid (a new frame's grid is a new array). */
export class HoverProbe {
  private grid: ArrayLike<number> | null = null;
  private beta = NaN;
  private logZ = NaN;

  values(
    grid: ArrayLike<number>,
    G: number,
    box: GridBox,
    beta: number,
    x: number,
    y: number,
  ): HoverValues {
    if (grid !== this.grid || beta !== this.beta) {
      this.grid = grid;
      this.beta = beta;
      this.logZ = gridLogZ(grid, beta, box.max - box.min);
    }
    const energy = energyAt(grid, G, box, x, y);
    const [gx, gy] = gradientAt(grid, G, box, x, y);
    return { x, y, energy, density: Math.exp(-beta * energy - this.logZ), gx, gy };
  }
}
