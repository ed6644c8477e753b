import { describe, expect, it } from 'vitest';
import { PALETTES } from '../contract/view';
import { lutFor, makeLut } from './colormap';
import { forDark } from './lineChart';
import { classColour, PALETTE_TABLE } from './palette';

const luminance = (lut: Uint8ClampedArray, i: number) =>
  0.2126 * lut[i * 4] + 0.7152 * lut[i * 4 + 1] + 0.0722 * lut[i * 4 + 2];

describe('palettes', () => {
  it('every palette runs from dark (most probable) to light, monotonically in luminance', () => {
    for (const p of PALETTES) {
      const lut = makeLut(p);
      expect(luminance(lut, 0)).toBeLessThan(luminance(lut, 255) - 100);
      for (let i = 16; i < 256; i += 16)
        expect(luminance(lut, i)).toBeGreaterThan(luminance(lut, i - 16) - 1);
    }
  });

  it('the default palette is the original ramp, and LUTs are built once', () => {
    expect(Array.from(makeLut('default').slice(0, 4))).toEqual(Array.from(makeLut().slice(0, 4)));
    expect(lutFor('viridis')).toBe(lutFor('viridis'));
  });

  it('class colours cycle and the colour-blind palettes use Okabe–Ito', () => {
    expect(classColour('viridis', 0)).toBe('#E69F00');
    expect(classColour('cividis', 8)).toBe(classColour('cividis', 0));
    expect(PALETTE_TABLE.default.classes.length).toBe(10);
  });

  it('forDark lifts dark series colours and leaves light ones', () => {
    expect(forDark('#0f172a')).not.toBe('#0f172a');
    expect(forDark('#cbd5e1')).toBe('#cbd5e1');
  });
});
