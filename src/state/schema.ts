// The one definition of everything a user can set or make, with its bounds.
// Sliders read their ranges from here; URL, storage and file import validate through it.
import { z } from 'zod';
import { DATASET_NAMES } from '../ebm/datasets';

export const PRESETS = DATASET_NAMES;
export type PresetName = (typeof PRESETS)[number];

export const SAMPLERS = ['langevin', 'mala', 'mh', 'hmc', 'gibbs'] as const;
export type SamplerName = (typeof SAMPLERS)[number];

export const MODELS = ['mlp', 'rbm'] as const;
export type ModelName = (typeof MODELS)[number];

export const MODES = ['train', 'sample'] as const;
export type Mode = (typeof MODES)[number];

/** Chains are powers of two so the replay batch divides them (fixed shapes). */
export const CHAIN_OPTIONS = [256, 512, 1024, 2048, 4096, 8192] as const;

/** Hard caps: a file or a link cannot set what a slider could not. */
export const MAX_POINTS = 10_000;
export const COORD_LIMIT = 4; // the view box is [−4, 4]²

export interface Range {
  min: number;
  max: number;
  step: number;
  log?: boolean;
}

/** Slider ranges; the zod schema below is built from the same numbers. */
export const RANGES = {
  learningRate: { min: 1e-4, max: 3e-2, step: 1e-4, log: true },
  stepSize: { min: 1e-4, max: 0.2, step: 1e-4, log: true },
  langevinSteps: { min: 1, max: 200, step: 1 },
  reinitFraction: { min: 0, max: 1, step: 0.01 },
  alpha: { min: 0, max: 1, step: 0.01 },
  beta: { min: 0.1, max: 10, step: 0.05, log: true },
  width: { min: 8, max: 256, step: 8 },
  depth: { min: 1, max: 4, step: 1 },
  mhScale: { min: 0.01, max: 2, step: 0.01, log: true },
  leapfrogSteps: { min: 1, max: 50, step: 1 },
  rbmHidden: { min: 2, max: 256, step: 1 },
  stepsPerFrame: { min: 1, max: 500, step: 1, log: true },
  kdeBandwidth: { min: 0.03, max: 1.5, step: 0.01, log: true },
} as const satisfies Record<string, Range>;

const num = (r: Range) => z.number().finite().min(r.min).max(r.max);
// Integer sliders with a step above 1 (width) only reach multiples of it; a file cannot either.
const int = (r: Range) => {
  const base = z.number().int().min(r.min).max(r.max);
  return r.step > 1 ? base.multipleOf(r.step) : base;
};

export const SettingsSchema = z.object({
  learningRate: num(RANGES.learningRate),
  stepSize: num(RANGES.stepSize),
  langevinSteps: int(RANGES.langevinSteps),
  chains: z.union(CHAIN_OPTIONS.map((c) => z.literal(c))),
  reinitFraction: num(RANGES.reinitFraction),
  alpha: num(RANGES.alpha),
  beta: num(RANGES.beta),
  width: int(RANGES.width),
  depth: int(RANGES.depth),
  sampler: z.enum(SAMPLERS),
  model: z.enum(MODELS),
  mode: z.enum(MODES),
  mhScale: num(RANGES.mhScale),
  leapfrogSteps: int(RANGES.leapfrogSteps),
  rbmHidden: int(RANGES.rbmHidden),
  stepsPerFrame: int(RANGES.stepsPerFrame),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  /** Kernel bandwidth of the density comparisons (data units); absent or 0: automatic. */
  kdeBandwidth: z.number().finite().min(0).max(RANGES.kdeBandwidth.max).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

// Defaults tuned on the 8-gaussians preset (2048 chains, batch 256, K = 20, wasm): with
// lr 1e-2 and α 0.01, 88 % of samples sit within 0.5 of a mode after 400 iterations (≈ 20 s
// here), against 43 % with lr 2e-3 and α 0.1; smaller α (0.001) was no faster.
export const DEFAULT_SETTINGS: Settings = {
  learningRate: 1e-2,
  stepSize: 0.01,
  langevinSteps: 20,
  chains: 2048,
  reinitFraction: 0.05,
  alpha: 0.01,
  beta: 1,
  width: 64,
  depth: 2,
  sampler: 'langevin',
  model: 'mlp',
  mode: 'train',
  mhScale: 0.2,
  leapfrogSteps: 10,
  rbmHidden: 32,
  stepsPerFrame: 10,
  seed: 1,
};

export const PointSchema = z.object({
  x: z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT),
  y: z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT),
  label: z.number().int().min(0).max(9).optional(),
});
export type Point = z.infer<typeof PointSchema>;

export const PointsSchema = z.array(PointSchema).max(MAX_POINTS);

/** The most saved samples a file may carry: one per chain at the largest chain count. */
export const MAX_SAMPLES = CHAIN_OPTIONS[CHAIN_OPTIONS.length - 1];

/** What the density panel shows. */
export const DENSITY_MODES = ['energy', 'unnormalised', 'density', 'logdensity'] as const;
export type DensityMode = (typeof DENSITY_MODES)[number];

export const ViewSchema = z.strictObject({
  show: z.strictObject({ samples: z.boolean(), contours: z.boolean(), points: z.boolean() }),
  density: z.enum(DENSITY_MODES),
});
export type ViewOptions = z.infer<typeof ViewSchema>;

export const DEFAULT_VIEW: ViewOptions = {
  show: { samples: true, contours: true, points: true },
  density: 'energy',
};

/**
 * Controls a classroom link may hide: every setting, plus the non-setting controls.
 * A fixed list, so a link cannot name (and the UI never looks up) arbitrary keys.
 */
export const CONTROL_NAMES = [
  // kdeBandwidth is optional and not in DEFAULT_SETTINGS (a view setting of the metrics).
  ...(Object.keys(DEFAULT_SETTINGS) as Exclude<keyof Settings, 'kdeBandwidth'>[]),
  'preset',
  'points',
  'view',
  'import',
  'export',
  'share',
  'reset',
] as const;
export type ControlName = (typeof CONTROL_NAMES)[number];

export const HiddenSchema = z.array(z.enum(CONTROL_NAMES)).max(CONTROL_NAMES.length);

/** The current document format. Older versions are migrated (persist/migrate.ts). */
export const DOCUMENT_VERSION = 1;

/**
 * Everything a user makes, as saved in links, storage and files. Strict objects: an unknown
 * key is a mistake (a typo, or the wrong file), not something to silently drop.
 */
export const DocumentSchema = z.strictObject({
  version: z.literal(DOCUMENT_VERSION),
  points: z.array(z.strictObject(PointSchema.shape)).max(MAX_POINTS),
  settings: z.strictObject(SettingsSchema.shape),
  preset: z.enum(PRESETS).optional(),
  view: ViewSchema.optional(),
  hidden: HiddenSchema.optional(),
});
export type EbmDocument = z.infer<typeof DocumentSchema>;

export const DEFAULT_DOCUMENT: EbmDocument = {
  version: DOCUMENT_VERSION,
  points: [],
  settings: DEFAULT_SETTINGS,
};
