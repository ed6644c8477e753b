// Old documents are upgraded one version at a time before validation, so the validator only
// ever knows the current shape. Version history:
//   0 (pre-release): { version: 0, points: [[x, y], [x, y, label], ...], settings }
//   1 (current):     points as { x, y, label? } objects; optional preset, view, hidden.
// A document without a version is read as current: the plain export format
// `{ points, samples, settings }` carries none.
import { DOCUMENT_VERSION } from '../schema';
import { describeValue } from './issues';

export type RawDoc = Record<string, unknown>;
/** Takes a version-v document to version v + 1. Must not throw on malformed input. */
export type Migration = (doc: RawDoc) => RawDoc;

/** A point written as [x, y] or [x, y, label]; anything else is left for the validator. */
function pairToPoint(p: unknown): unknown {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return p;
  return p.length === 3 ? { x: p[0], y: p[1], label: p[2] } : { x: p[0], y: p[1] };
}

/** MIGRATIONS[v] upgrades version v to v + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  0: (doc) => ({
    ...doc,
    version: 1,
    points: Array.isArray(doc.points) ? doc.points.map(pairToPoint) : doc.points,
  }),
};

export type MigrateResult = { ok: true; doc: RawDoc; from: number } | { ok: false; error: string };

export function isPlainObject(v: unknown): v is RawDoc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Brings `raw` up to `current`. The version is checked first so a newer file is refused
 * with a reason instead of a confusing field-by-field complaint.
 */
export function migrate(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = DOCUMENT_VERSION,
): MigrateResult {
  if (!isPlainObject(raw)) {
    return {
      ok: false,
      error: `top level: expected an object with a "points" list, got ${describeValue(raw)}`,
    };
  }
  const version = raw.version === undefined ? current : raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, error: `version: expected a whole number, got ${describeValue(version)}` };
  }
  if (version > current) {
    return {
      ok: false,
      error:
        `version: this file uses format version ${version}, made by a newer EBM Playground; ` +
        `this one reads versions up to ${current}`,
    };
  }
  let doc: RawDoc = raw.version === undefined ? { ...raw, version: current } : raw;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, error: `version: format version ${v} is no longer supported` };
    try {
      doc = step(doc);
    } catch {
      // A migration bug must not crash a page load; report it like any bad file.
      return { ok: false, error: `version: could not upgrade from format version ${v}` };
    }
  }
  return { ok: true, doc, from: version };
}
