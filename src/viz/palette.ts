// Colour palettes, chosen by name (the display preference `palette`, contract/view.ts):
//   heatmap  t ∈ [0, 1] → colour, t = 0 the lowest energy (most probable), always the darkest;
//   classes  colours for labelled points (class k gets classes[k % length]).
// `default` is the original YlGnBu ramp and Tableau 10. `viridis` and `cividis` are
// perceptually uniform and readable with the common colour-vision deficiencies (cividis is
// designed to look the same to deuteranopes); their class colours are Okabe–Ito's eight,
// chosen to stay distinct under protanopia, deuteranopia and tritanopia.
import { interpolateCividis, interpolateViridis, interpolateYlGnBu, schemeTableau10 } from 'd3';
import type { PaletteName } from '../contract/view';

export interface Palette {
  label: string;
  heatmap: (t: number) => string;
  classes: readonly string[];
}

const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#000000',
] as const;

export const PALETTE_TABLE: Record<PaletteName, Palette> = {
  default: {
    label: 'Blue (default)',
    heatmap: (t) => interpolateYlGnBu(1 - t * 0.92),
    classes: schemeTableau10,
  },
  viridis: {
    label: 'Viridis (colour-blind safe)',
    heatmap: (t) => interpolateViridis(0.02 + t * 0.96),
    classes: OKABE_ITO,
  },
  cividis: {
    label: 'Cividis (colour-blind safe)',
    heatmap: (t) => interpolateCividis(t),
    classes: OKABE_ITO,
  },
};

/** Colour of class k in a palette. */
export const classColour = (palette: PaletteName, k: number): string => {
  const c = PALETTE_TABLE[palette].classes;
  return c[((k % c.length) + c.length) % c.length];
};
