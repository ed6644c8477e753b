// Classes and roles (issue #11): documents without them still load (class 0, data), the
// engine gets data and outliers apart, and the schema refuses what the editor cannot make.
import { describe, expect, it } from 'vitest';
import { classOf } from '../contract/classes';
import { DEFAULT_SETTINGS } from '../contract/settings';
import { isOutlier, splitPoints } from './pointSets';
import { parseImport } from './persist';
import { DocumentSchema, DOCUMENT_VERSION } from './schema';

describe('point classes and roles', () => {
  it('an older document (points without class or role) loads: class 0, data', () => {
    const old = { version: DOCUMENT_VERSION, points: [{ x: 1, y: 2 }], settings: DEFAULT_SETTINGS };
    const r = DocumentSchema.safeParse(old);
    expect(r.success).toBe(true);
    const p = r.data!.points[0];
    expect(classOf(p.label)).toBe(0);
    expect(isOutlier(p)).toBe(false);
    // A version-1 file goes through the migration as before.
    const v1 = parseImport('a.json', JSON.stringify({ ...old, version: 1 }));
    expect(v1.ok).toBe(true);
  });

  it('class and role round-trip through a JSON file; bad ones are refused', () => {
    const points = [
      { x: 1, y: 2, label: 2, role: 'data' },
      { x: -3, y: 3, role: 'outlier' },
    ];
    const r = parseImport(
      'a.json',
      JSON.stringify({ version: DOCUMENT_VERSION, points, settings: DEFAULT_SETTINGS }),
    );
    expect(r.ok && r.doc.points).toEqual(points);
    const bad = DocumentSchema.safeParse({
      version: DOCUMENT_VERSION,
      points: [{ x: 0, y: 0, role: 'inlier' }],
      settings: DEFAULT_SETTINGS,
    });
    expect(bad.success).toBe(false);
  });

  it('sampleClass is optional and bounded to the classes', () => {
    const doc = (sampleClass: number) => ({
      version: DOCUMENT_VERSION,
      points: [],
      settings: { ...DEFAULT_SETTINGS, model: 'jem', sampleClass },
    });
    expect(DocumentSchema.safeParse(doc(4)).success).toBe(true);
    expect(DocumentSchema.safeParse(doc(5)).success).toBe(false);
  });

  it('splitPoints: data with classes (labels past 4 fold into the last), outliers apart', () => {
    const s = splitPoints([
      { x: 1, y: 2, label: 1 },
      { x: 3, y: 4, role: 'outlier', label: 2 },
      { x: 5, y: 6 },
      { x: 7, y: 8, label: 9, role: 'data' },
    ]);
    expect(Array.from(s.points)).toEqual([1, 2, 5, 6, 7, 8]);
    expect(Array.from(s.labels)).toEqual([1, 0, 4]);
    expect(Array.from(s.outliers)).toEqual([3, 4]);
  });
});
