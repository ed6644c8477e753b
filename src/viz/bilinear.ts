// Bilinear interpolation of a G×G grid of cell-centre values (row-major, j = 0 at y = min:
// the frame's layout) at a point (x, y) of the box: with u = (x − min)/h − ½, v likewise,
// i = ⌊u⌋, a = u − i, the value is the a/b-weighted mean of the four surrounding centres,
// clamped to the outermost centres at the box edge. Exact for any function linear in x and y.

interface Box {
  min: number;
  max: number;
}

function coords(G: number, box: Box, x: number, y: number) {
  const h = (box.max - box.min) / G;
  const clamp = (t: number) => Math.min(G - 1, Math.max(0, t));
  const u = clamp((x - box.min) / h - 0.5);
  const v = clamp((y - box.min) / h - 0.5);
  const i = Math.min(G - 2, Math.floor(u));
  const j = Math.min(G - 2, Math.floor(v));
  return { i, j, a: u - i, b: v - j };
}

/** The grid's value at (x, y). */
export function bilinear(
  grid: ArrayLike<number>,
  G: number,
  box: Box,
  x: number,
  y: number,
): number {
  return bilinearRow(grid, G, 1, box, x, y)[0];
}

/** K values per cell (cell-major, index c·K + k): all K interpolated at (x, y). */
export function bilinearRow(
  grid: ArrayLike<number>,
  G: number,
  K: number,
  box: Box,
  x: number,
  y: number,
): number[] {
  const { i, j, a, b } = coords(G, box, x, y);
  const at = (ii: number, jj: number, k: number) => grid[(jj * G + ii) * K + k];
  return Array.from(
    { length: K },
    (_, k) =>
      (1 - a) * (1 - b) * at(i, j, k) +
      a * (1 - b) * at(i + 1, j, k) +
      (1 - a) * b * at(i, j + 1, k) +
      a * b * at(i + 1, j + 1, k),
  );
}
