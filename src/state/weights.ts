// The trained model's weights as a JSON file, and reading one back. The file names the
// architecture it belongs to, so loading it can first switch the model to that architecture;
// every number and shape is checked before anything changes.
import { z } from 'zod';
import type { ModelWeights } from '../contract/protocol';
import { parseJson } from './persist/json';
import { formatZodError } from './persist/issues';
import { decodeText } from './persist/text';
import { SettingsSchema } from './schema';
import { type Settings } from '../contract/settings';

export const WEIGHTS_FORMAT = 'ebm-playground-weights';
export const WEIGHTS_VERSION = 1;
/** The settings that decide the parameters' shapes. */
export const ARCHITECTURE_KEYS = ['model', 'width', 'depth', 'rbmHidden'] as const;
export type Architecture = Pick<Settings, (typeof ARCHITECTURE_KEYS)[number]>;
/** Far above the largest model the sliders allow (width 256, depth 4: ~200k numbers). */
export const MAX_WEIGHT_VALUES = 1_000_000;

const ArchitectureSchema = SettingsSchema.pick({
  model: true,
  width: true,
  depth: true,
  rbmHidden: true,
}).strict();

const ParameterSchema = z.strictObject({
  shape: z.array(z.number().int().min(1).max(1_000_000)).min(1).max(4),
  values: z.array(z.number().finite()).max(MAX_WEIGHT_VALUES),
});

const WeightsFileSchema = z.strictObject({
  format: z.literal(WEIGHTS_FORMAT),
  version: z.literal(WEIGHTS_VERSION),
  architecture: ArchitectureSchema,
  parameters: z.array(ParameterSchema).min(1).max(64),
});

export type WeightsFileResult =
  { ok: true; weights: ModelWeights; architecture: Architecture } | { ok: false; error: string };

export function architectureOf(s: Settings): Architecture {
  return { model: s.model, width: s.width, depth: s.depth, rbmHidden: s.rbmHidden };
}

/** The architecture keys whose values differ (empty: the weights fit the current model). */
export function architectureChanges(current: Settings, wanted: Architecture): Partial<Settings> {
  const patch: Partial<Settings> = {};
  for (const k of ARCHITECTURE_KEYS) {
    if (current[k] !== wanted[k]) Object.assign(patch, { [k]: wanted[k] });
  }
  return patch;
}

/** float32 values round-trip through 9 significant digits; more would only bloat the file. */
const f32 = (v: number): number => Number(Math.fround(v).toPrecision(9));

export function buildWeightsFile(weights: ModelWeights, settings: Settings): string {
  const file = {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    architecture: architectureOf(settings),
    parameters: weights.shapes.map((shape, i) => ({ shape, values: weights.values[i].map(f32) })),
  };
  return `${JSON.stringify(file)}\n`;
}

/** Cheap check for routing a dropped file: does this JSON text look like a weights file? */
export function looksLikeWeights(text: string): boolean {
  return text.slice(0, 200).includes(`"${WEIGHTS_FORMAT}"`);
}

export function parseWeightsFile(content: string | Uint8Array | ArrayBuffer): WeightsFileResult {
  const decoded = decodeText(content);
  if (!decoded.ok) return decoded;
  const json = parseJson(decoded.text);
  if (!json.ok) return json;
  const raw = json.value;
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== WEIGHTS_FORMAT
  ) {
    return {
      ok: false,
      error: `this is not a model weights file (expected "format": "${WEIGHTS_FORMAT}")`,
    };
  }
  const r = WeightsFileSchema.safeParse(raw);
  if (!r.success) return { ok: false, error: formatZodError(r.error, raw) };
  const { parameters, architecture } = r.data;
  for (let i = 0; i < parameters.length; i++) {
    const { shape, values } = parameters[i];
    const size = shape.reduce((a, b) => a * b, 1);
    if (size !== values.length) {
      return {
        ok: false,
        error: `parameters[${i}]: shape [${shape.join(', ')}] needs ${size} values; the file has ${values.length}`,
      };
    }
  }
  return {
    ok: true,
    architecture,
    weights: { shapes: parameters.map((p) => p.shape), values: parameters.map((p) => p.values) },
  };
}
