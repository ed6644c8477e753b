// Lenient reading for links and storage: keep every valid part, replace each invalid part by
// its default and say so, never throw — a damaged link should still open the page.
import type { z } from 'zod';
import {
  CONTROL_NAMES,
  DEFAULT_VIEW,
  MAX_POINTS,
  type ControlName,
  type ViewOptions,
} from '../../contract/view';
import {
  DEFAULT_DOCUMENT,
  DocumentSchema,
  PointSchema,
  SettingsSchema,
  ViewSchema,
  type EbmDocument,
  type Point,
} from '../schema';
import { type Settings } from '../../contract/settings';
import { describeValue, formatZodError } from './issues';
import { isPlainObject, migrate } from './migrate';

// Field schemas for the per-field fallbacks below, taken from the one schema.
const zBool = ViewSchema.shape.show.shape.samples;
const zDensity = ViewSchema.shape.density;
const zPreset = DocumentSchema.shape.preset.unwrap();

export interface LenientResult {
  doc: EbmDocument;
  /** One sentence per thing that was replaced or dropped; empty when all was valid. */
  notices: string[];
}

/** Parses one field; on failure records a notice and returns the default. */
function pick<T>(
  schema: z.ZodType<T>,
  value: unknown,
  fallback: T,
  path: string[],
  notices: string[],
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  notices.push(`${formatZodError(r.error, value, path)}; using the default`);
  return fallback;
}

function lenientPoints(raw: unknown, fallback: Point[], notices: string[]): Point[] {
  if (!Array.isArray(raw)) {
    notices.push(`points: expected a list, got ${describeValue(raw)}; using the default points`);
    return fallback;
  }
  if (raw.length > MAX_POINTS) {
    notices.push(`points: only the first ${MAX_POINTS} of ${raw.length} points were kept`);
  }
  const kept: Point[] = [];
  let dropped = 0;
  let firstError = '';
  for (let i = 0; i < Math.min(raw.length, MAX_POINTS); i++) {
    const r = PointSchema.safeParse(raw[i]);
    if (r.success) kept.push(r.data);
    else if (dropped++ === 0) firstError = formatZodError(r.error, raw[i], ['points', i]);
  }
  if (dropped > 0) {
    notices.push(
      `${dropped} invalid point${dropped > 1 ? 's were' : ' was'} dropped (${firstError})`,
    );
  }
  return kept;
}

function lenientSettings(raw: unknown, fallback: Settings, notices: string[]): Settings {
  if (!isPlainObject(raw)) {
    notices.push(`settings: expected an object, got ${describeValue(raw)}; using the defaults`);
    return fallback;
  }
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    const def = fallback[key as keyof Settings];
    // A missing key is not worth a notice: it is what an older save without that setting has.
    const value = Object.hasOwn(raw, key)
      ? pick(schema, raw[key], def, ['settings', key], notices)
      : def;
    if (value !== undefined) out[key] = value; // optional settings (kdeBandwidth) stay absent
  }
  return out as unknown as Settings;
}

function lenientView(raw: unknown, fallback: ViewOptions, notices: string[]): ViewOptions {
  const obj = isPlainObject(raw) ? raw : {};
  if (!isPlainObject(raw)) notices.push(`view: expected an object; using the defaults`);
  const show = isPlainObject(obj.show) ? obj.show : {};
  const flag = (k: keyof ViewOptions['show']): boolean =>
    show[k] === undefined
      ? fallback.show[k]
      : pick(zBool, show[k], fallback.show[k], ['view', 'show', k], notices);
  return {
    show: { samples: flag('samples'), contours: flag('contours'), points: flag('points') },
    density:
      obj.density === undefined
        ? fallback.density
        : pick(zDensity, obj.density, fallback.density, ['view', 'density'], notices),
  };
}

function lenientHidden(raw: unknown, notices: string[]): ControlName[] {
  if (!Array.isArray(raw)) {
    notices.push(`hidden: expected a list, got ${describeValue(raw)}; showing all controls`);
    return [];
  }
  const known = new Set<unknown>(CONTROL_NAMES);
  const names = [...new Set(raw)].filter((n): n is ControlName => known.has(n));
  const unknown = raw.filter((n) => !known.has(n)).length;
  if (unknown > 0)
    notices.push(`hidden: ignored ${unknown} unknown control name${unknown > 1 ? 's' : ''}`);
  return names;
}

/** Never throws: anything unreadable becomes `defaults` plus a notice. */
export function parseDocumentLenient(
  raw: unknown,
  defaults: EbmDocument = DEFAULT_DOCUMENT,
): LenientResult {
  const notices: string[] = [];
  const m = migrate(raw);
  if (!m.ok) return { doc: defaults, notices: [`${m.error}; starting from the defaults`] };
  const src = m.doc;
  const doc: EbmDocument = {
    version: defaults.version,
    points:
      src.points === undefined
        ? defaults.points
        : lenientPoints(src.points, defaults.points, notices),
    settings:
      src.settings === undefined
        ? defaults.settings
        : lenientSettings(src.settings, defaults.settings, notices),
  };
  const preset =
    src.preset === undefined
      ? defaults.preset
      : pick(zPreset, src.preset, defaults.preset, ['preset'], notices);
  if (preset !== undefined) doc.preset = preset;
  const view =
    src.view === undefined
      ? defaults.view
      : lenientView(src.view, defaults.view ?? DEFAULT_VIEW, notices);
  if (view !== undefined) doc.view = view;
  const hidden = src.hidden === undefined ? defaults.hidden : lenientHidden(src.hidden, notices);
  if (hidden !== undefined) doc.hidden = hidden;
  if (src.composition !== undefined) {
    const c = DocumentSchema.shape.composition.unwrap().safeParse(src.composition);
    if (c.success) doc.composition = c.data;
    else notices.push('composition: not readable; the frozen experts were dropped');
  } else if (defaults.composition !== undefined) doc.composition = defaults.composition;
  return { doc, notices };
}
