// A 256-entry RGBA lookup table: mapping a value to a colour is one array read per pixel.
import type { PaletteName } from '../contract/view';
import { PALETTE_TABLE } from './palette';

export type Lut = Uint8ClampedArray;

/** LUT over t ∈ [0, 1]; t = 0 is the lowest energy (most probable: the darkest colour). */
export function makeLut(palette: PaletteName = 'default'): Lut {
  const interp = PALETTE_TABLE[palette].heatmap;
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

const luts = new Map<PaletteName, Lut>();
/** The palette's LUT, built once per palette. */
export function lutFor(palette: PaletteName): Lut {
  let lut = luts.get(palette);
  if (!lut) luts.set(palette, (lut = makeLut(palette)));
  return lut;
}

/** A CSS linear-gradient of the palette's ramp, dark (t = 0) first unless `reverse`. */
export function rampGradient(palette: PaletteName, reverse = false): string {
  const lut = lutFor(palette);
  const stops = [0, 64, 128, 192, 255].map((i) => {
    const at = (i / 255) * 100;
    const c = `rgb(${lut[i * 4]},${lut[i * 4 + 1]},${lut[i * 4 + 2]})`;
    return `${c} ${reverse ? 100 - at : at}%`;
  });
  return `linear-gradient(to right, ${(reverse ? stops.reverse() : stops).join(', ')})`;
}
