// Classes and roles of the data points (issue #11). A point's class is its `label` (the key
// files have always used): the editor offers CLASS_COUNT classes with keys 1–5, and a label
// outside them (files allow 0–9) counts as the last class. A point's role says whether it is
// data (trained on) or an outlier (never trained on; scored by the OOD read-outs). Points
// without a label or role are class 0 and data, so every older document still means the same.
// Colours: the Okabe–Ito palette (Okabe & Ito 2008), chosen to stay apart under the common
// colour-vision deficiencies; yellow is left out (too pale on the light landscape).

export const CLASS_COUNT = 5;

export const CLASS_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2'] as const;

/** Names for people: "class 1" … "class 5" (the keys that pick them). */
export const CLASS_NAMES = ['class 1', 'class 2', 'class 3', 'class 4', 'class 5'] as const;

export const POINT_ROLES = ['data', 'outlier'] as const;
export type PointRole = (typeof POINT_ROLES)[number];

/** The class a point counts as: its label, clamped to the classes there are (none = 0). */
export function classOf(label: number | undefined): number {
  return label === undefined ? 0 : Math.min(Math.max(0, Math.floor(label)), CLASS_COUNT - 1);
}

/** Colour for class k as "r, g, b" numbers (for canvas image data). */
export function classRgb(k: number): [number, number, number] {
  const hex = CLASS_COLOURS[classOf(k)];
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
