// The view box in data coordinates, the square [min, max]²: the one place it is written.
// Chains live in it, the energy grid covers it, points and files are bounded by it.

export interface Box {
  min: number;
  max: number;
}

export const BOX: Box = { min: -4, max: 4 };

/** |x| and |y| of a point may not exceed this (files, links, the editor). */
export const COORD_LIMIT = BOX.max;
