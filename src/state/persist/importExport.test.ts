import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COORD_LIMIT } from '../../contract/box';
import { DEFAULT_DOCUMENT, DOCUMENT_VERSION, type EbmDocument } from '../schema';
import { DEFAULT_SETTINGS } from '../../contract/settings';
import { DEFAULT_VIEW, MAX_POINTS } from '../../contract/view';
import { documentArb, pointArb } from './arbitraries';
import { buildExportJson, buildPointsCsv, exportFileName } from './exportFile';
import { applyImport, importFile, parseImport, type ImportResult } from './importFile';

const csv = (text: string): ImportResult => parseImport('points.csv', text);
const points = (r: ImportResult) => (r.ok ? r.doc.points : r.error);

describe('valid CSV edge cases are accepted', () => {
  it.each([
    [
      'no header',
      '1,2\n-3.5,0.25',
      [
        { x: 1, y: 2 },
        { x: -3.5, y: 0.25 },
      ],
    ],
    ['header', 'x,y\n1,2', [{ x: 1, y: 2 }]],
    ['header in capitals, with spaces', ' X , Y \n 1 , 2 ', [{ x: 1, y: 2 }]],
    [
      'labels',
      'x,y,label\n1,2,0\n-1,-2,9',
      [
        { x: 1, y: 2, label: 0 },
        { x: -1, y: -2, label: 9 },
      ],
    ],
    [
      'blank label = unlabelled',
      'x,y,label\n1,2,\n3,4,1',
      [
        { x: 1, y: 2 },
        { x: 3, y: 4, label: 1 },
      ],
    ],
    [
      'roles (blank = data)',
      'x,y,label,role\n1,2,0,data\n3,4,,outlier\n0,0,2,',
      [
        { x: 1, y: 2, label: 0, role: 'data' },
        { x: 3, y: 4, role: 'outlier' },
        { x: 0, y: 0, label: 2 },
      ],
    ],
    [
      'negative values and exponents',
      '-4,4\n-1e-3,+2.5E0\n.5,-.25',
      [
        { x: -4, y: 4 },
        { x: -0.001, y: 2.5 },
        { x: 0.5, y: -0.25 },
      ],
    ],
    [
      'CRLF line endings',
      'x,y\r\n1,2\r\n3,4\r\n',
      [
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ],
    ],
    [
      'CR line endings',
      '1,2\r3,4',
      [
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ],
    ],
    [
      'trailing newlines and blank lines',
      '1,2\n\n3,4\n\n\n',
      [
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ],
    ],
    ['UTF-8 BOM (stripped)', '\uFEFFx,y\n1,2', [{ x: 1, y: 2 }]],
    ['quoted values', '"x","y"\n"1.5","-2"', [{ x: 1.5, y: -2 }]],
    ['-0 read as 0', '-0,0', [{ x: 0, y: 0 }]],
  ])('%s', (_what, text, expected) => {
    expect(points(csv(text))).toEqual(expected);
  });

  it('accepts exactly MAX_POINTS rows', () => {
    const r = csv('x,y\n' + '1,-1\n'.repeat(MAX_POINTS));
    expect(r.ok && r.doc.points.length).toBe(MAX_POINTS);
  });

  it('accepts a BOM in bytes, decoded as UTF-8', async () => {
    const data = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('x,y\n1,2\n')]);
    const r = await importFile({ name: 'p.csv', size: data.length }, async () => data);
    expect(r).toEqual({ ok: true, format: 'csv', doc: { points: [{ x: 1, y: 2 }] } });
  });
});

describe('valid JSON is accepted', () => {
  it('the plain export format without a version', () => {
    const text = JSON.stringify({
      points: [{ x: 1, y: 2, label: 3 }],
      samples: [[0, 0]],
      settings: DEFAULT_SETTINGS,
    });
    expect(parseImport('e.json', text)).toEqual({
      ok: true,
      format: 'json',
      doc: { points: [{ x: 1, y: 2, label: 3 }], samples: [[0, 0]], settings: DEFAULT_SETTINGS },
    });
  });

  it('a version-0 document, migrated', () => {
    const text = JSON.stringify({ version: 0, points: [[1, 2, 5]], settings: DEFAULT_SETTINGS });
    expect(parseImport('old.json', text)).toMatchObject({
      ok: true,
      doc: { points: [{ x: 1, y: 2, label: 5 }] },
    });
  });

  it('exactly MAX_POINTS points at the corners of the range', () => {
    const pts = Array.from({ length: MAX_POINTS }, (_, i) => ({
      x: i % 2 ? COORD_LIMIT : -COORD_LIMIT,
      y: -COORD_LIMIT,
    }));
    const r = parseImport('p.json', JSON.stringify({ points: pts }));
    expect(r.ok && r.doc.points.length).toBe(MAX_POINTS);
  });

  it('JSON content in a file without an extension', () => {
    expect(parseImport('clipboard', ' {"points":[]}')).toEqual({
      ok: true,
      format: 'json',
      doc: { points: [] },
    });
  });
});

describe('export', () => {
  it('the exported JSON re-imports to the same document, samples and metrics', () => {
    const sampleArb = fc.array(
      fc.tuple(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
      ),
      { maxLength: 20 },
    );
    const metricsArb = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 20 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
      { maxKeys: 5 },
    );
    fc.assert(
      fc.property(documentArb(), sampleArb, metricsArb, (doc, samples, metrics) => {
        const r = parseImport('export.json', buildExportJson({ doc, samples, metrics }));
        if (!r.ok) throw new Error(r.error);
        const rest: Partial<EbmDocument> = { ...doc };
        delete rest.version; // the import result has no version: it is always current
        const round = (v: number) => Math.round(v * 1e4) / 1e4 + 0;
        const cleanMetrics = Object.fromEntries(
          Object.entries(metrics).filter(
            ([k]) => !['__proto__', 'constructor', 'prototype'].includes(k),
          ),
        );
        expect(r.doc).toEqual({
          ...rest,
          samples: samples.map(([x, y]) => [round(x), round(y)]),
          metrics: cleanMetrics,
        });
        expect(applyImport(DEFAULT_DOCUMENT, r.doc)).toEqual(doc);
      }),
    );
  });

  it('writes NaN metrics as null and drops diverged samples; both re-import', () => {
    const flat = new Float32Array([0.5, -0.5, NaN, 0, 1e9, 0, 1, 2]);
    const text = buildExportJson({
      doc: DEFAULT_DOCUMENT,
      samples: flat,
      metrics: { loss: NaN, step: 12 },
    });
    expect(parseImport('e.json', text)).toMatchObject({
      ok: true,
      doc: {
        samples: [
          [0.5, -0.5],
          [1, 2],
        ],
        metrics: { loss: null, step: 12 },
      },
    });
  });

  it('the points CSV re-imports exactly', () => {
    fc.assert(
      // At least one point: a header-only file is refused on import, by design.
      fc.property(fc.array(pointArb, { minLength: 1, maxLength: 30 }), (pts) => {
        expect(points(csv(buildPointsCsv(pts)))).toEqual(pts);
      }),
    );
  });

  it('writes a label column only when some point has a label', () => {
    expect(buildPointsCsv([{ x: 1, y: -2 }])).toBe('x,y\n1,-2\n');
    expect(
      buildPointsCsv([
        { x: 1, y: 2, label: 3 },
        { x: 0, y: 0 },
      ]),
    ).toBe('x,y,label\n1,2,3\n0,0,\n');
    expect(buildPointsCsv([])).toBe('x,y\n');
  });

  it('writes a role column (and the label column) when some point has a role', () => {
    expect(
      buildPointsCsv([
        { x: 1, y: 2, label: 1, role: 'data' },
        { x: 3, y: 3, role: 'outlier' },
        { x: 0, y: 0 },
      ]),
    ).toBe('x,y,label,role\n1,2,1,data\n3,3,,outlier\n0,0,,\n');
  });

  it('names files by date', () => {
    expect(exportFileName('csv', new Date('2025-03-04T12:00:00Z'))).toBe(
      'ebm-playground-2025-03-04.csv',
    );
  });
});

describe('applyImport', () => {
  const current = {
    ...DEFAULT_DOCUMENT,
    points: [{ x: 0, y: 0 }],
    preset: 'moons' as const,
    view: DEFAULT_VIEW,
  };

  it('a CSV replaces only the points (and drops the stale preset name)', () => {
    const pts = [{ x: 1, y: 1 }];
    expect(applyImport(current, { points: pts })).toEqual({
      version: DOCUMENT_VERSION,
      points: pts,
      settings: DEFAULT_SETTINGS,
      view: DEFAULT_VIEW,
    });
  });

  it('a JSON with settings replaces the settings too', () => {
    const settings = { ...DEFAULT_SETTINGS, seed: 9 };
    expect(applyImport(current, { points: [], settings, preset: 'rings' })).toMatchObject({
      settings,
      preset: 'rings',
    });
  });
});
