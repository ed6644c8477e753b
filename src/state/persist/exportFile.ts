// Export builders. The JSON is the current document plus samples and metrics, so it re-imports
// through importFile.ts unchanged; the CSV is the points only.
import { DOCUMENT_VERSION, type EbmDocument, type Point } from '../schema';
import { MAX_SAMPLES } from '../../contract/view';
import { FORBIDDEN_KEYS } from './json';
import type { ModeMassShare } from '../../contract/protocol';
import type { ExportedDensity } from './densityGrid';
import { MAX_METRICS, MAX_SAMPLE_ABS, type Sample } from './importFile';

export interface ExportInput {
  doc: EbmDocument;
  /** Chain positions: pairs, or interleaved x0, y0, x1, y1, … (e.g. a Float32Array). */
  samples?: readonly (readonly [number, number])[] | ArrayLike<number>;
  metrics?: Readonly<Record<string, number>>;
  /** The model's normalised log-density on its grid (densityGrid.ts). */
  modelDensity?: ExportedDensity;
  /** Per preset mode: the model's mass vs the data's and the chains' shares. */
  modeMass?: readonly ModeMassShare[];
}

/** Shares as numbers, NaN (no chains, no data) as null, so the file re-imports. */
const cleanModeMass = (m: readonly ModeMassShare[]) =>
  m.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number.isFinite(v) ? v : null])),
  );

/** 1e-4 is far below a pixel; float32 noise digits would only bloat the file. */
const round4 = (v: number): number => Math.round(v * 1e4) / 1e4 + 0;

function toPairs(samples: NonNullable<ExportInput['samples']>): Sample[] {
  const pairs: Sample[] = [];
  const flat = samples.length > 0 && typeof samples[0] === 'number';
  const n = flat ? Math.floor(samples.length / 2) : samples.length;
  for (let i = 0; i < n && pairs.length < MAX_SAMPLES; i++) {
    const [x, y] = flat
      ? [(samples as ArrayLike<number>)[2 * i], (samples as ArrayLike<number>)[2 * i + 1]]
      : (samples as readonly (readonly [number, number])[])[i];
    // A diverged chain (NaN, or far outside the view) is not worth saving and would not re-import.
    if (Math.abs(x) <= MAX_SAMPLE_ABS && Math.abs(y) <= MAX_SAMPLE_ABS)
      pairs.push([round4(x), round4(y)]);
  }
  return pairs;
}

function cleanMetrics(metrics: Readonly<Record<string, number>>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(metrics).slice(0, MAX_METRICS)) {
    // JSON has no NaN or Infinity; null says "no value" explicitly and re-imports.
    // Names the importer refuses (too long, or prototype keys) are left out so the file re-imports.
    if (k.length <= 64 && !FORBIDDEN_KEYS.has(k)) out[k] = Number.isFinite(v) ? v : null;
  }
  return out;
}

/** Pretty-printed JSON: people open exports in editors. */
export function buildExportJson(input: ExportInput): string {
  const { doc, samples, metrics, modelDensity, modeMass } = input;
  const out: Record<string, unknown> = {
    version: DOCUMENT_VERSION,
    points: doc.points,
    settings: doc.settings,
  };
  if (doc.preset !== undefined) out.preset = doc.preset;
  if (doc.view !== undefined) out.view = doc.view;
  if (doc.hidden !== undefined) out.hidden = doc.hidden;
  if (samples !== undefined) out.samples = toPairs(samples);
  if (metrics !== undefined) out.metrics = cleanMetrics(metrics);
  if (modelDensity !== undefined) out.modelDensity = modelDensity;
  if (modeMass !== undefined && modeMass.length > 0) out.modeMass = cleanModeMass(modeMass);
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * `x,y`; when any point has a class, `x,y,label` (blank label = unlabelled); when any point has
 * a role, `x,y,label,role` (blank role = data).
 */
export function buildPointsCsv(points: readonly Point[]): string {
  const roles = points.some((p) => p.role !== undefined);
  const labelled = roles || points.some((p) => p.label !== undefined);
  const rows = points.map((p) => {
    const xy = `${p.x + 0},${p.y + 0}`;
    const withLabel = labelled ? `${xy},${p.label ?? ''}` : xy;
    return roles ? `${withLabel},${p.role ?? ''}` : withLabel;
  });
  const header = roles ? 'x,y,label,role' : labelled ? 'x,y,label' : 'x,y';
  return `${[header, ...rows].join('\n')}\n`;
}

/** e.g. `ebm-playground-2025-01-31.json`; the date keeps repeated exports apart. */
export function exportFileName(ext: 'json' | 'csv', date: Date = new Date()): string {
  return `ebm-playground-${date.toISOString().slice(0, 10)}.${ext}`;
}
