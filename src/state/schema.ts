// The page's validator: every setting, point and document that comes from a slider, a link,
// storage or a file goes through these zod schemas. They are built from the contract's
// settings table (src/contract/settings.ts), so a new sampler's parameters are validated
// without a line here.
import { z } from 'zod';
import { COORD_LIMIT } from '../contract/box';
import { CLASS_COUNT, POINT_ROLES } from '../contract/classes';
import { PRESETS } from '../contract/presets';
import { REINIT_SOURCES } from '../contract/reinit';
import {
  CHAIN_OPTIONS,
  DEFAULT_SETTINGS,
  KDE_BANDWIDTH,
  MODELS,
  MODES,
  OBJECTIVES,
  SAMPLERS,
  SETTING_ROWS,
  type NumberKey,
  type Settings,
} from '../contract/settings';
import type { Range } from '../contract/range';
import { compositionSchema, type Composition } from './composeSchema';
import {
  CONTROL_NAMES,
  DENSITY_MODES,
  MAX_POINTS,
  type ControlName,
  type ViewOptions,
} from '../contract/view';

const num = (r: Range) => z.number().finite().min(r.min).max(r.max);
// Integer sliders with a step above 1 (width) only reach multiples of it; a file cannot either.
const int = (r: Range) => {
  const base = z.number().int().min(r.min).max(r.max);
  return r.step > 1 ? base.multipleOf(r.step) : base;
};
const isInt = (r: Range) => Number.isInteger(r.step) && Number.isInteger(r.min);

// Core settings are required; a sampler's or model's own parameters, and settings added
// later, may be missing (a document made before they existed) and then take their defaults.
const numberShape = Object.fromEntries(
  SETTING_ROWS.map((r) => {
    const base = isInt(r) ? int(r) : num(r);
    return [r.key, r.owner || r.addedLater ? base.default(r.default) : base];
  }),
) as unknown as Record<NumberKey, z.ZodNumber>;

export const SettingsSchema = z.object({
  ...numberShape,
  chains: z.union(CHAIN_OPTIONS.map((c) => z.literal(c))),
  sampler: z.enum(SAMPLERS as [Settings['sampler'], ...Settings['sampler'][]]),
  model: z.enum(MODELS as [Settings['model'], ...Settings['model'][]]),
  // Documents made before objectives were switchable trained with persistent CD.
  objective: z
    .enum(OBJECTIVES as [Settings['objective'], ...Settings['objective'][]])
    .default(DEFAULT_SETTINGS.objective),
  // Documents made before restarts had a source get today's default (the model's density).
  reinitFrom: z.enum(REINIT_SOURCES).default(DEFAULT_SETTINGS.reinitFrom),
  mode: z.enum(MODES),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  /** Kernel bandwidth of the density comparisons (data units); absent or 0: automatic. */
  kdeBandwidth: z.number().finite().min(0).max(KDE_BANDWIDTH.max).optional(),
  /** JEM sample mode: sample p(x | y) for this class; absent: p(x). */
  sampleClass: z
    .number()
    .int()
    .min(0)
    .max(CLASS_COUNT - 1)
    .optional(),
});
// The contract's Settings type is the truth; the validator must produce exactly it.
const _check: z.ZodType<Settings, unknown> = SettingsSchema as unknown as z.ZodType<Settings>;
void _check;

export const PointSchema = z.object({
  x: z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT),
  y: z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT),
  /** The point's class (contract/classes.ts: the editor's 1–5 are labels 0–4); absent = 0. */
  label: z.number().int().min(0).max(9).optional(),
  /** Data (trained on) or an outlier (only scored); absent = data, as in every older file. */
  role: z.enum(POINT_ROLES).optional(),
});
export type Point = z.infer<typeof PointSchema>;

export const PointsSchema = z.array(PointSchema).max(MAX_POINTS);

export const ViewSchema = z.strictObject({
  show: z.strictObject({ samples: z.boolean(), contours: z.boolean(), points: z.boolean() }),
  density: z.enum(DENSITY_MODES),
}) satisfies z.ZodType<ViewOptions>;

export const HiddenSchema = z
  .array(z.enum(CONTROL_NAMES as [ControlName, ...ControlName[]]))
  .max(CONTROL_NAMES.length);

/** The current document format. Older versions are migrated (persist/migrate.ts). */
export const DOCUMENT_VERSION = 2;

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
  /** Frozen experts and their mixing (documents made before composing have none). */
  composition: compositionSchema(
    z.strictObject(SettingsSchema.shape) as unknown as z.ZodType<Settings>,
  ).optional(),
});
export interface EbmDocument {
  version: typeof DOCUMENT_VERSION;
  points: Point[];
  settings: Settings;
  preset?: (typeof PRESETS)[number];
  view?: ViewOptions;
  hidden?: ControlName[];
  composition?: Composition;
}
export const DEFAULT_DOCUMENT: EbmDocument = {
  version: DOCUMENT_VERSION,
  points: [],
  settings: DEFAULT_SETTINGS,
};
