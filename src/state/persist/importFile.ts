// File import: all of the file is valid or nothing is accepted, and a refusal names what and
// where. The size is checked before reading, so a huge file is never loaded into memory.
import { z } from 'zod';
import { DocumentSchema, type EbmDocument, type Point } from '../schema';
import { MAX_SAMPLES, type ControlName, type ViewOptions } from '../../contract/view';
import { type PresetName } from '../../contract/presets';
import { type Settings } from '../../contract/settings';
import { parseCsv } from './csv';
import { formatZodError } from './issues';
import { parseJson } from './json';
import { migrate } from './migrate';
import { decodeText } from './text';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Samples can wander outside the view; beyond this they are divergence, not data. */
export const MAX_SAMPLE_ABS = 1e6;
export const MAX_METRICS = 100;
/** Largest exported density grid side (the largest grid the page offers is well below). */
export const MAX_DENSITY_GRID = 512;

/** The parts of a `File` this needs; tests pass plain objects. */
export interface FileLike {
  name: string;
  size: number;
  type?: string;
}
/** Reads the whole file: `file.text()` or `file.arrayBuffer()` in the browser. */
export type ReadFile = () => Promise<string | Uint8Array | ArrayBuffer>;

export type Sample = [number, number];
/** What a file supplied. Absent parts (a CSV has only points) keep the current state. */
export interface ImportedData {
  points: Point[];
  settings?: Settings;
  preset?: PresetName;
  view?: ViewOptions;
  hidden?: ControlName[];
  /** Frozen experts (with their weights) and their mixing. */
  composition?: EbmDocument['composition'];
  samples?: Sample[];
  metrics?: Record<string, number | null>;
  /** Read-outs of the exporting run; validated, not applied (the model is not in the file). */
  modelDensity?: z.infer<typeof DensitySchema>;
  modeMass?: z.infer<typeof ModeMassSchema>;
}
export type ImportResult =
  { ok: true; doc: ImportedData; format: 'json' | 'csv' } | { ok: false; error: string };

const sampleCoord = z.number().finite().min(-MAX_SAMPLE_ABS).max(MAX_SAMPLE_ABS);

const finiteOrNull = z.number().finite().nullable();
const DensitySchema = z
  .strictObject({
    box: z.strictObject({ min: z.number().finite(), max: z.number().finite() }),
    size: z.number().int().min(2).max(MAX_DENSITY_GRID),
    beta: z.number().finite().positive(),
    logDensity: z.array(finiteOrNull).max(MAX_DENSITY_GRID ** 2),
  })
  .refine((d) => d.logDensity.length === d.size ** 2, 'logDensity must hold size² values');
const ModeMassSchema = z
  .array(
    z.strictObject({
      x: z.number().finite(),
      y: z.number().finite(),
      modelMass: finiteOrNull,
      dataShare: finiteOrNull,
      chainShare: finiteOrNull,
    }),
  )
  .max(MAX_METRICS);

/** The export format: a document whose settings may be absent, plus samples and metrics. */
const ImportSchema = DocumentSchema.extend({
  settings: DocumentSchema.shape.settings.optional(),
  samples: z
    .array(z.tuple([sampleCoord, sampleCoord]))
    .max(MAX_SAMPLES)
    .optional(),
  // null: the exporter writes a metric that was NaN (a diverged loss) as null.
  metrics: z
    .record(z.string().max(64), z.number().finite().nullable())
    .refine((m) => Object.keys(m).length <= MAX_METRICS, `at most ${MAX_METRICS} metrics`)
    .optional(),
  modelDensity: DensitySchema.optional(),
  modeMass: ModeMassSchema.optional(),
});

/** Rounded up, so a file just over the limit never reads as "5.0 MB; the limit is 5 MB". */
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

function parseJsonImport(text: string): ImportResult {
  const json = parseJson(text);
  if (!json.ok) return json;
  const m = migrate(json.value);
  if (!m.ok) return m;
  const r = ImportSchema.safeParse(m.doc);
  if (!r.success) return { ok: false, error: formatZodError(r.error, m.doc) };
  const doc: ImportedData & { version?: number } = { ...r.data };
  delete doc.version; // always current after migration; not part of what was imported
  return { ok: true, doc, format: 'json' };
}

/** Parses already-read content: `.json` names, or content starting with { or [, are JSON. */
export function parseImport(
  name: string,
  content: string | Uint8Array | ArrayBuffer,
): ImportResult {
  const decoded = decodeText(content);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (text.trim() === '') return { ok: false, error: 'the file is empty' };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  // A CSV of points never starts with "{" or "[": such content is JSON whatever the name says.
  if (ext === 'json' || /^\s*[{[]/.test(text)) return parseJsonImport(text);
  const csv = parseCsv(text);
  return csv.ok ? { ok: true, doc: { points: csv.points }, format: 'csv' } : csv;
}

/** Never throws and never rejects: every failure is a result with a message. */
export async function importFile(file: FileLike, read: ReadFile): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      error: `the file is ${megabytes(file.size)}; the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MB`,
    };
  }
  if (file.size === 0) return { ok: false, error: 'the file is empty' };
  let content: string | Uint8Array | ArrayBuffer;
  try {
    content = await read();
  } catch (e) {
    return {
      ok: false,
      error: `the file could not be read (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  // `size` is the caller's word; check what was actually read too.
  const length = typeof content === 'string' ? content.length : content.byteLength;
  if (length > MAX_FILE_BYTES) {
    return {
      ok: false,
      error: `the file is ${megabytes(length)}; the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MB`,
    };
  }
  return parseImport(file.name, content);
}

/** The document after an import: the file's parts replace the current ones, the rest stays. */
export function applyImport(current: EbmDocument, data: ImportedData): EbmDocument {
  const next: EbmDocument = {
    ...current,
    points: data.points,
    settings: data.settings ?? current.settings,
    view: data.view ?? current.view,
    hidden: data.hidden ?? current.hidden,
    composition: data.composition ?? current.composition,
  };
  // The points now come from the file, so the old preset no longer describes them.
  if (data.preset === undefined) delete next.preset;
  else next.preset = data.preset;
  if (next.view === undefined) delete next.view;
  if (next.hidden === undefined) delete next.hidden;
  if (next.composition === undefined) delete next.composition;
  return next;
}
