import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT, DOCUMENT_VERSION, type EbmDocument } from '../schema';
import { DEFAULT_SETTINGS } from '../../contract/settings';
import { documentArb } from './arbitraries';
import {
  AUTOSAVE_KEY,
  BACKUP_SUFFIX,
  restoreDocument,
  saveDocument,
  type StorageLike,
} from './storage';

/** An in-memory Storage; `failSet` makes setItem throw what a browser would. */
class FakeStorage implements StorageLike {
  data = new Map<string, string>();
  constructor(
    private failSet?: (key: string) => unknown,
    private failGet?: unknown,
  ) {}
  getItem(key: string): string | null {
    if (this.failGet) throw this.failGet;
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const error = this.failSet?.(key);
    if (error) throw error;
    this.data.set(key, value);
  }
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const BACKUP = AUTOSAVE_KEY + BACKUP_SUFFIX;

describe('saveDocument', () => {
  it('save then restore gives back the same document', () => {
    fc.assert(
      fc.property(documentArb(), (doc) => {
        const storage = new FakeStorage();
        expect(saveDocument(storage, doc)).toEqual({ ok: true, chars: expect.any(Number) });
        expect(restoreDocument(storage)).toEqual({ doc, notices: [], restored: true });
      }),
    );
  });

  it.each([
    ['QuotaExceededError (DOMException)', quota()],
    ['legacy code 22', { name: 'Error', code: 22 }],
    ["Firefox's NS_ERROR_DOM_QUOTA_REACHED", { name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 }],
  ])('reports a full storage (%s) as a result, not a throw', (_what, error) => {
    const result = saveDocument(new FakeStorage(() => error), DEFAULT_DOCUMENT);
    expect(result).toEqual({
      ok: false,
      reason: 'quota',
      error: expect.stringContaining('storage is full'),
    });
  });

  it.each([
    ['SecurityError', new DOMException('denied', 'SecurityError'), 'saving failed (denied)'],
    ['a thrown string', 'weird', 'saving failed (weird)'],
  ])('reports any other setItem failure (%s) as unavailable', (_what, error, fragment) => {
    const result = saveDocument(new FakeStorage(() => error), DEFAULT_DOCUMENT);
    expect(result).toEqual({
      ok: false,
      reason: 'unavailable',
      error: expect.stringContaining(fragment),
    });
  });

  it('reports missing storage (no window, or storage disabled)', () => {
    expect(saveDocument(null, DEFAULT_DOCUMENT)).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
  });
});

describe('restoreDocument', () => {
  const defaults: EbmDocument = { ...DEFAULT_DOCUMENT, points: [{ x: 1, y: 1 }], preset: 'moons' };

  it('nothing saved: the defaults, quietly', () => {
    expect(restoreDocument(new FakeStorage(), defaults)).toEqual({
      doc: defaults,
      notices: [],
      restored: false,
    });
    expect(restoreDocument(undefined, defaults)).toEqual({
      doc: defaults,
      notices: [],
      restored: false,
    });
  });

  it.each([
    ['corrupt JSON', '{"version":1,"points":[', 'the file ends too early'],
    ['not JSON at all', 'undefined', 'invalid JSON at line 1, column 1'],
    ['a newer version', '{"version":3,"points":[]}', 'made by a newer EBM Playground'],
    ['a list', '[1,2]', 'top level: expected an object'],
  ])('%s: defaults with a notice, and the original kept aside', (_what, raw, fragment) => {
    const storage = new FakeStorage();
    storage.data.set(AUTOSAVE_KEY, raw);
    const result = restoreDocument(storage, defaults);
    expect(result).toEqual({
      doc: defaults,
      notices: [expect.stringContaining(fragment)],
      restored: false,
    });
    expect(result.notices[0]).toContain(`a copy is kept in storage under "${BACKUP}"`);
    expect(storage.data.get(BACKUP)).toBe(raw);
  });

  it('an old version is migrated without complaint', () => {
    const storage = new FakeStorage();
    storage.data.set(
      AUTOSAVE_KEY,
      JSON.stringify({ version: 0, points: [[1, 2]], settings: DEFAULT_SETTINGS }),
    );
    expect(restoreDocument(storage)).toEqual({
      doc: { ...DEFAULT_DOCUMENT, points: [{ x: 1, y: 2 }] },
      notices: [],
      restored: true,
    });
  });

  it('partly invalid: keeps the valid parts, says what was replaced, keeps the original', () => {
    const storage = new FakeStorage();
    const raw = JSON.stringify({
      version: DOCUMENT_VERSION,
      points: [{ x: 2, y: 2 }],
      settings: { ...DEFAULT_SETTINGS, depth: 99 },
    });
    storage.data.set(AUTOSAVE_KEY, raw);
    const result = restoreDocument(storage, defaults);
    expect(result.doc).toEqual({ ...defaults, points: [{ x: 2, y: 2 }] });
    expect(result.restored).toBe(true);
    expect(result.notices).toEqual([
      'settings.depth: 99 is outside the allowed range [1, 4]; using the default',
      `the original save is unchanged (a copy is kept in storage under "${BACKUP}")`,
    ]);
    expect(storage.data.get(BACKUP)).toBe(raw);
  });

  it('storage that throws on read, or is full when keeping a copy, still restores', () => {
    const blocked = restoreDocument(
      new FakeStorage(undefined, new DOMException('no', 'SecurityError')),
      defaults,
    );
    expect(blocked).toEqual({
      doc: defaults,
      notices: [expect.stringContaining('not available')],
      restored: false,
    });
    const full = new FakeStorage(() => quota());
    full.data.set(AUTOSAVE_KEY, '{broken');
    const result = restoreDocument(full, defaults);
    expect(result.doc).toEqual(defaults);
    expect(result.notices).toEqual([expect.stringMatching(/could not be read .*defaults$/)]);
  });
});
