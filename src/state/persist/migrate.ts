// Old documents are upgraded one version at a time before validation, so the validator only
// ever knows the current shape. Version history:
//   0 (pre-release): { version: 0, points: [[x, y], [x, y, label], ...], settings }
//   1:               points as { x, y, label? } objects; optional preset, view, hidden.
//   2 (current):     every sampler has its own step setting (the one `stepSize` meant a
//                    variance for Langevin/MALA and a length for HMC), `langevinSteps` is
//                    `chainSteps` (every sampler uses it); hidden-control names follow.
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

/** Version 1's HMC step default: what its sampler switch set when HMC was chosen. */
const V1_HMC_STEP = 0.05;

/** Version 1 settings to version 2 (keys renamed; values keep their meaning for each sampler). */
function settingsV1toV2(s: unknown): unknown {
  if (!isPlainObject(s)) return s;
  const { stepSize, langevinSteps, ...rest } = s;
  const out: RawDoc = { ...rest };
  if (langevinSteps !== undefined) out.chainSteps = langevinSteps;
  if (stepSize !== undefined) {
    out.langevinStep = stepSize;
    out.malaStep = stepSize;
    // v1 kept one ε; it was HMC's only while HMC ran (a Langevin-sized ε was switched away).
    out.hmcStep = s.sampler === 'hmc' ? stepSize : V1_HMC_STEP;
  }
  return out;
}

const V1_HIDDEN: Record<string, string[]> = {
  stepSize: ['langevinStep', 'malaStep', 'hmcStep'],
  langevinSteps: ['chainSteps'],
};

/** MIGRATIONS[v] upgrades version v to v + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  0: (doc) => ({
    ...doc,
    version: 1,
    points: Array.isArray(doc.points) ? doc.points.map(pairToPoint) : doc.points,
  }),
  1: (doc) => ({
    ...doc,
    version: 2,
    ...(doc.settings !== undefined ? { settings: settingsV1toV2(doc.settings) } : {}),
    ...(Array.isArray(doc.hidden)
      ? {
          hidden: doc.hidden.flatMap(
            (h: unknown) => (typeof h === 'string' && V1_HIDDEN[h]) || [h],
          ),
        }
      : {}),
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
