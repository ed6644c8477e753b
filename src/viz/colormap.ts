// A 256-entry RGBA lookup table: mapping a value to a colour is one array read per pixel.
import { interpolateYlGnBu } from 'd3';

export type Lut = Uint8ClampedArray;

/** LUT over t ∈ [0, 1]; t = 0 is the lowest energy (most probable: deep blue). */
export function makeLut(
  interp: (t: number) => string = (t) => interpolateYlGnBu(1 - t * 0.92),
): Lut {
  const lut = new Uint8ClampedArray(256 * 4);
  const ctx = parseColour;
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = ctx(interp(i / 255));
    lut.set([r, g, b, 255], i * 4);
  }
  return lut;
}

/** Parses the "rgb(r, g, b)" or "#rrggbb" strings d3 interpolators return. */
export function parseColour(c: string): [number, number, number] {
  if (c.startsWith('#')) {
    const n = parseInt(c.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = c.match(/\d+(\.\d+)?/g);
  if (!m || m.length < 3) return [0, 0, 0];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}
