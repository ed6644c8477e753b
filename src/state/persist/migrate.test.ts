import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../contract/settings';
import { parseDocumentStrict } from './strict';
import { parseDocumentLenient } from './lenient';
import { migrate, type Migration } from './migrate';

/** The hypothetical pre-release shape: points as [x, y] or [x, y, label]. */
const v0 = {
  version: 0,
  points: [
    [1, 2],
    [-3.5, 0.25, 4],
  ],
  settings: DEFAULT_SETTINGS,
};
const v1Points = [
  { x: 1, y: 2 },
  { x: -3.5, y: 0.25, label: 4 },
];

describe('migrate', () => {
  it('upgrades a version-0 document (points as pairs) to the current shape', () => {
    expect(migrate(v0)).toEqual({
      ok: true,
      from: 0,
      doc: { version: 2, points: v1Points, settings: DEFAULT_SETTINGS },
    });
    expect(parseDocumentStrict(v0)).toEqual({
      ok: true,
      doc: { version: 2, points: v1Points, settings: DEFAULT_SETTINGS },
    });
  });

  it('a version-0 document is still validated after migrating', () => {
    const bad = {
      ...v0,
      points: [
        [1, 2],
        [9, 0],
      ],
    };
    expect(parseDocumentStrict(bad)).toEqual({
      ok: false,
      error: 'points[1].x: 9 is outside the allowed range [-4, 4]',
    });
    const lenient = parseDocumentLenient(bad);
    expect(lenient.doc.points).toEqual([{ x: 1, y: 2 }]);
    expect(lenient.notices).toHaveLength(1);
  });

  it('leaves malformed version-0 points for the validator instead of throwing', () => {
    const odd = { ...v0, points: [[1], 'x', null, [1, 2, 3, 4]] };
    expect(migrate(odd)).toMatchObject({
      ok: true,
      doc: { points: [[1], 'x', null, [1, 2, 3, 4]] },
    });
    expect(migrate({ version: 0, points: 'none' })).toMatchObject({ ok: true });
  });

  it('treats a missing version as current (the plain export format has none)', () => {
    expect(migrate({ points: [] })).toEqual({ ok: true, from: 2, doc: { points: [], version: 2 } });
  });

  it('rejects an unknown future version with a clear message', () => {
    expect(migrate({ version: 3, points: [] })).toEqual({
      ok: false,
      error:
        'version: this file uses format version 3, made by a newer EBM Playground; this one reads versions up to 2',
    });
  });

  it('version 1 (one shared stepSize) becomes one step per sampler, hidden names too', () => {
    const v1 = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
    for (const k of ['langevinStep', 'malaStep', 'hmcStep', 'chainSteps']) delete v1[k];
    const doc = (sampler: string) => ({
      version: 1,
      points: [],
      settings: { ...v1, sampler, stepSize: 0.02, langevinSteps: 7 },
      hidden: ['stepSize', 'langevinSteps', 'beta'],
    });
    const lang = parseDocumentStrict(doc('langevin'));
    expect(lang).toMatchObject({
      ok: true,
      doc: {
        version: 2,
        settings: { langevinStep: 0.02, malaStep: 0.02, hmcStep: 0.05, chainSteps: 7 },
        hidden: ['langevinStep', 'malaStep', 'hmcStep', 'chainSteps', 'beta'],
      },
    });
    // v1's ε was HMC's own only while HMC ran.
    expect(parseDocumentStrict(doc('hmc'))).toMatchObject({
      ok: true,
      doc: { settings: { hmcStep: 0.02, sampler: 'hmc' } },
    });
  });

  it.each([[-1], [1.5], ['1'], [null]])('rejects version %j', (version) => {
    expect(migrate({ version, points: [] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('version: expected a whole number'),
    });
  });

  it('chains migrations one version at a time, and reports a throwing or missing step', () => {
    const steps: Record<number, Migration> = {
      0: (d) => ({ ...d, version: 1, a: 1 }),
      1: (d) => ({ ...d, version: 2, b: (d.a as number) + 1 }),
    };
    expect(migrate({ version: 0 }, steps, 2)).toEqual({
      ok: true,
      from: 0,
      doc: { version: 2, a: 1, b: 2 },
    });
    expect(migrate({ version: 0 }, { 1: steps[1] }, 2)).toEqual({
      ok: false,
      error: 'version: format version 0 is no longer supported',
    });
    const boom: Migration = () => {
      throw new Error('bug');
    };
    expect(migrate({ version: 0 }, { 0: boom }, 1)).toEqual({
      ok: false,
      error: 'version: could not upgrade from format version 0',
    });
  });
});
