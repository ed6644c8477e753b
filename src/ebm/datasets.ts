// Seeded generators for the standard 2D targets (see shared/notes/recipes.md), scaled into
// the view box [−4, 4]². Each returns plain {x, y} points: the page owns and edits them.
import { PRESETS, type PresetName } from '../contract/presets';
import { makeRng, type Rng } from './rng';

export interface XY {
  x: number;
  y: number;
}

/** Every preset by name (the list is the contract's: src/contract/presets.ts). */
export const DATASET_NAMES = PRESETS;
export type DatasetName = PresetName;

/** 8 gaussians: centres on a circle of this radius, this standard deviation. */
export const EIGHT_GAUSSIANS = { radius: 2.5, std: 0.2 } as const;
/** 25 gaussians: a 5×5 grid with this spacing, this standard deviation. */
export const TWENTY_FIVE_GAUSSIANS = { spacing: 1.4, std: 0.12 } as const;

export function eightGaussianCentres(): XY[] {
  return Array.from({ length: 8 }, (_, k) => {
    const a = (2 * Math.PI * k) / 8;
    return { x: EIGHT_GAUSSIANS.radius * Math.cos(a), y: EIGHT_GAUSSIANS.radius * Math.sin(a) };
  });
}

export function twentyFiveGaussianCentres(): XY[] {
  const s = TWENTY_FIVE_GAUSSIANS.spacing;
  const out: XY[] = [];
  for (let i = -2; i <= 2; i++) for (let j = -2; j <= 2; j++) out.push({ x: s * i, y: s * j });
  return out;
}

type Gen = (r: Rng) => XY;

const around =
  (centres: XY[], std: number): Gen =>
  (r) => {
    const c = centres[r.int(centres.length)];
    return { x: c.x + std * r.normal(), y: c.y + std * r.normal() };
  };

const GENERATORS: Record<Exclude<DatasetName, 'empty'>, Gen> = {
  '8gaussians': around(eightGaussianCentres(), EIGHT_GAUSSIANS.std),
  '25gaussians': around(twentyFiveGaussianCentres(), TWENTY_FIVE_GAUSSIANS.std),
  moons: (r) => {
    // Outer arc (cos t, sin t), inner (1 − cos t, 0.5 − sin t); centred, ×2.
    const t = Math.PI * r.next();
    const outer = r.next() < 0.5;
    const x = outer ? Math.cos(t) : 1 - Math.cos(t);
    const y = outer ? Math.sin(t) : 0.5 - Math.sin(t);
    return { x: 2 * (x - 0.5 + 0.05 * r.normal()), y: 2 * (y - 0.25 + 0.05 * r.normal()) };
  },
  rings: (r) => {
    const radius = 3 * [1, 0.75, 0.5, 0.25][r.int(4)];
    const a = 2 * Math.PI * r.next();
    return {
      x: radius * Math.cos(a) + 0.08 * r.normal(),
      y: radius * Math.sin(a) + 0.08 * r.normal(),
    };
  },
  checkerboard: (r) => {
    const x1 = 4 * r.next() - 2;
    const x2 = r.next() - 2 * r.int(2) + (((Math.floor(x1) % 2) + 2) % 2);
    return { x: 1.5 * x1, y: 1.5 * x2 };
  },
  pinwheel: (r) => {
    // 5 arms: f ~ N((1, 0), diag(0.3, 0.1)²), rotated by 2πk/5 + 0.25·exp(f₀).
    const k = r.int(5);
    const f0 = 1 + 0.3 * r.normal();
    const f1 = 0.1 * r.normal();
    const a = (2 * Math.PI * k) / 5 + 0.25 * Math.exp(f0);
    const c = Math.cos(a);
    const s = Math.sin(a);
    return { x: 1.6 * (c * f0 - s * f1), y: 1.6 * (s * f0 + c * f1) };
  },
  swissroll: (r) => {
    const t = 1.5 * Math.PI + 3 * Math.PI * r.next();
    return {
      x: (t * Math.cos(t)) / 5 + 0.05 * r.normal(),
      y: (t * Math.sin(t)) / 5 + 0.05 * r.normal(),
    };
  },
  spirals: (r) => {
    // n = √U·540°; one arm and its negation; ÷ 3; + N(0, 0.1²).
    const n = Math.sqrt(r.next()) * 3 * Math.PI;
    const sign = r.next() < 0.5 ? 1 : -1;
    const x = sign * (-Math.cos(n) * n + 0.5 * r.next());
    const y = sign * (Math.sin(n) * n + 0.5 * r.next());
    return { x: x / 3 + 0.1 * r.normal(), y: y / 3 + 0.1 * r.normal() };
  },
};

/** Number of points a preset starts with. */
export const PRESET_SIZE = 400;

/** Generate a preset, seeded; points are clipped inside the box [−limit, limit]². */
export function generateDataset(
  name: DatasetName,
  seed: number,
  n = PRESET_SIZE,
  limit = 3.9,
): XY[] {
  if (name === 'empty') return [];
  const r = makeRng(seed);
  const clip = (v: number) => Math.max(-limit, Math.min(limit, v));
  return Array.from({ length: n }, () => {
    const p = GENERATORS[name](r);
    return { x: clip(p.x), y: clip(p.y) };
  });
}
