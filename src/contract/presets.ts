// The preset data sets by name, in the order the page lists them; 'empty' is the blank canvas.
// Their generators live in src/ebm/datasets.ts.

export const PRESETS = [
  '8gaussians',
  '25gaussians',
  'moons',
  'rings',
  'checkerboard',
  'pinwheel',
  'swissroll',
  'spirals',
  'empty',
] as const;
export type PresetName = (typeof PRESETS)[number];

export const DEFAULT_PRESET: PresetName = '8gaussians';
