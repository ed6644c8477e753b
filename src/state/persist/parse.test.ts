import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTROL_NAMES, DEFAULT_VIEW, MAX_POINTS } from '../../contract/view';
import { DEFAULT_DOCUMENT, DocumentSchema, SettingsSchema, DOCUMENT_VERSION } from '../schema';
import { SAMPLERS, DEFAULT_SETTINGS } from '../../contract/settings';
import { documentArb } from './arbitraries';
import { parseDocumentStrict } from './strict';
import { parseDocumentLenient } from './lenient';

const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('document schema', () => {
  it('strict parse(serialize(doc)) deep-equals doc', () => {
    fc.assert(
      fc.property(documentArb(), (doc) => {
        expect(parseDocumentStrict(roundTrip(doc))).toStrictEqual({ ok: true, doc });
      }),
    );
  });

  it('lenient parse(serialize(doc)) deep-equals doc, with no notices', () => {
    fc.assert(
      fc.property(documentArb(), (doc) => {
        expect(parseDocumentLenient(roundTrip(doc))).toStrictEqual({ doc, notices: [] });
      }),
    );
  });

  it('the defaults satisfy the schema', () => {
    expect(DocumentSchema.parse(DEFAULT_DOCUMENT)).toEqual(DEFAULT_DOCUMENT);
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('every setting can be hidden by a classroom link', () => {
    for (const key of Object.keys(DEFAULT_SETTINGS)) expect(CONTROL_NAMES).toContain(key);
  });

  it('caps are real: values no slider can set are refused', () => {
    const bad = (patch: object) =>
      parseDocumentStrict({ ...DEFAULT_DOCUMENT, settings: { ...DEFAULT_SETTINGS, ...patch } });
    expect(bad({ width: 12 })).toEqual({
      ok: false,
      error: 'settings.width: 12 is not a multiple of 8',
    });
    expect(bad({ learningRate: 1 })).toMatchObject({
      error: expect.stringContaining('[0.0001, 0.03]'),
    });
    expect(bad({ chains: 1000 })).toMatchObject({
      error: expect.stringContaining('expected one of 256'),
    });
    expect(bad({ seed: -1 })).toMatchObject({ error: expect.stringContaining('settings.seed') });
    const tooMany = Array.from({ length: MAX_POINTS + 1 }, () => ({ x: 0, y: 0 }));
    expect(parseDocumentStrict({ ...DEFAULT_DOCUMENT, points: tooMany })).toEqual({
      ok: false,
      error: `points: has ${MAX_POINTS + 1} entries; at most ${MAX_POINTS} allowed`,
    });
  });
});

describe('parseDocumentLenient', () => {
  it('replaces each invalid field by its default and says which', () => {
    const { doc, notices } = parseDocumentLenient({
      version: DOCUMENT_VERSION,
      points: [{ x: 1, y: 2 }, { x: 1e308, y: 0 }, 'junk'],
      settings: { ...DEFAULT_SETTINGS, learningRate: 5, sampler: 'magic', unknownKey: 1 },
      preset: 'nope',
      view: { show: { samples: 'yes', contours: false }, density: 'energy' },
      hidden: ['learningRate', 'learningRate', 'evil'],
    });
    expect(doc).toEqual({
      version: DOCUMENT_VERSION,
      points: [{ x: 1, y: 2 }],
      settings: DEFAULT_SETTINGS,
      view: { show: { ...DEFAULT_VIEW.show, contours: false }, density: 'energy' },
      hidden: ['learningRate'],
    });
    expect(notices).toEqual([
      '2 invalid points were dropped (points[1].x: 1e+308 is outside the allowed range [-4, 4])',
      'settings.learningRate: 5 is outside the allowed range [0.0001, 0.03]; using the default',
      `settings.sampler: expected one of ${SAMPLERS.map((n) => `"${n}"`).join(', ')}; got the text "magic"; using the default`,
      'preset: expected one of "8gaussians", "25gaussians", "moons", "rings", "checkerboard", "pinwheel", "swissroll", "spirals", "empty"; got the text "nope"; using the default',
      'view.show.samples: expected true or false, got the text "yes"; using the default',
      'hidden: ignored 1 unknown control name',
    ]);
    expect(DocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('keeps the first MAX_POINTS points of too many', () => {
    const points = Array.from({ length: MAX_POINTS + 5 }, (_, i) => ({ x: 0, y: (i % 8) - 4 }));
    const { doc, notices } = parseDocumentLenient({ ...DEFAULT_DOCUMENT, points });
    expect(doc.points).toHaveLength(MAX_POINTS);
    expect(notices).toEqual([
      `points: only the first ${MAX_POINTS} of ${MAX_POINTS + 5} points were kept`,
    ]);
  });

  it('missing parts come from the given defaults, silently', () => {
    const defaults = { ...DEFAULT_DOCUMENT, points: [{ x: 1, y: 1 }], preset: 'moons' as const };
    expect(parseDocumentLenient({ settings: { seed: 7 } }, defaults)).toEqual({
      doc: { ...defaults, settings: { ...DEFAULT_SETTINGS, seed: 7 } },
      notices: [],
    });
  });

  it.each([null, 42, 'text', [1, 2], { version: 99 }, { version: 'one' }])(
    'unreadable input %j gives the defaults with a notice',
    (raw) => {
      const { doc, notices } = parseDocumentLenient(raw);
      expect(doc).toEqual(DEFAULT_DOCUMENT);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/starting from the defaults$/);
    },
  );

  it('wrong types for whole sections fall back with a notice', () => {
    const { doc, notices } = parseDocumentLenient({
      points: {},
      settings: [],
      view: 3,
      hidden: 'all',
    });
    expect(doc).toEqual({ ...DEFAULT_DOCUMENT, view: DEFAULT_VIEW, hidden: [] });
    expect(notices).toEqual([
      'points: expected a list, got an object; using the default points',
      'settings: expected an object, got a list of 0; using the defaults',
      'view: expected an object; using the defaults',
      'hidden: expected a list, got the text "all"; showing all controls',
    ]);
  });
});
