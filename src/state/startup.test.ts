// Startup order (link > autosave > defaults) and the autosave wiring, against a fake storage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, startAutosave, type Autosave } from './autosave';
import { defaultDocument, documentFromState } from './document';
import { canUndo } from './history';
import { AUTOSAVE_KEY, type StorageLike } from './persist';
import { DEFAULT_SETTINGS } from '../contract/settings';
import { DOCUMENT_VERSION, type EbmDocument } from './schema';
import { encodeShareLink } from './shareLink';
import { applyStartDocument, BEFORE_LINK_KEY, chooseStartDocument } from './startup';
import { useApp } from './store';

class FakeStorage implements StorageLike {
  data = new Map<string, string>();
  fail: unknown = null;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.fail) throw this.fail;
    this.data.set(key, value);
  }
}

const app = () => useApp.getState();
const doc = (
  points: { x: number; y: number }[],
  extra: Partial<EbmDocument> = {},
): EbmDocument => ({
  version: DOCUMENT_VERSION,
  points,
  settings: DEFAULT_SETTINGS,
  ...extra,
});
const hashFor = (d: EbmDocument) => {
  const r = encodeShareLink(d, 'https://x.org/');
  if (!('url' in r)) throw new Error('too long');
  return new URL(r.url).hash;
};

describe('startup document', () => {
  it('a first visit gets the defaults, silently', () => {
    const start = chooseStartDocument('', new FakeStorage());
    expect(start).toEqual({
      doc: defaultDocument(),
      source: 'default',
      previous: null,
      notice: null,
    });
  });

  it('no storage at all still starts', () => {
    expect(chooseStartDocument('', null).source).toBe('default');
  });

  it('the autosave comes back', () => {
    const s = new FakeStorage();
    const saved = doc([{ x: 1, y: 2 }], { preset: 'moons' });
    s.data.set(AUTOSAVE_KEY, JSON.stringify(saved));
    const start = chooseStartDocument('', s);
    expect(start.source).toBe('autosave');
    expect(start.doc).toEqual(saved);
    expect(start.notice).toBeNull();
  });

  it('a corrupt or newer save falls back to the defaults with a notice and is kept aside', () => {
    for (const raw of ['{"points": [', JSON.stringify({ version: 99, points: [] })]) {
      const s = new FakeStorage();
      s.data.set(AUTOSAVE_KEY, raw);
      const start = chooseStartDocument('', s);
      expect(start.source).toBe('default');
      expect(start.doc).toEqual(defaultDocument());
      expect(start.notice?.level).toBe('warn');
      expect(start.notice?.text).toMatch(
        /^The saved work could not be read \(.*\); starting from the defaults/,
      );
      expect(s.data.get(`${AUTOSAVE_KEY}/unreadable`)).toBe(raw);
    }
  });

  it('a partly invalid save restores the valid parts and says what was replaced', () => {
    const s = new FakeStorage();
    s.data.set(
      AUTOSAVE_KEY,
      JSON.stringify(
        doc([
          { x: 1, y: 1 },
          { x: 99, y: 0 },
        ]),
      ),
    );
    const start = chooseStartDocument('', s);
    expect(start.doc.points).toEqual([{ x: 1, y: 1 }]);
    expect(start.notice?.text).toMatch(/Restored your saved work, with changes: 1 invalid point/);
  });

  it('a link wins over the autosave; the replaced work is one undo away and kept aside', () => {
    const s = new FakeStorage();
    const saved = doc([{ x: 1, y: 1 }]);
    s.data.set(AUTOSAVE_KEY, JSON.stringify(saved));
    const linked = doc([{ x: -2, y: 0.5 }], { hidden: ['reset'] });
    const start = chooseStartDocument(hashFor(linked), s);
    expect(start.source).toBe('link');
    expect(start.doc).toEqual(linked);
    expect(start.previous).toEqual(saved);
    expect(start.notice?.text).toMatch(/Undo/);
    applyStartDocument(start, s);
    expect(app().points).toEqual(linked.points);
    expect(app().hidden).toEqual(['reset']);
    expect(JSON.parse(s.data.get(BEFORE_LINK_KEY)!)).toMatchObject({ points: saved.points });
    // Saved at once: a reload (the link is gone from the address bar by then) shows it again.
    expect(chooseStartDocument('', s)).toMatchObject({ source: 'autosave', doc: linked });
    app().undo();
    expect(app().points).toEqual(saved.points);
  });

  it('a link equal to the autosave replaces nothing and says nothing', () => {
    const s = new FakeStorage();
    const same = doc([{ x: 1, y: 1 }]);
    s.data.set(AUTOSAVE_KEY, JSON.stringify(same));
    const start = chooseStartDocument(hashFor(same), s);
    expect(start).toMatchObject({ source: 'link', previous: null, notice: null });
    applyStartDocument(start, s);
    expect(canUndo(app().undoHistory)).toBe(false);
  });

  it('a damaged link opens the defaults of the link reader, with a warning', () => {
    const start = chooseStartDocument('#d=garbage', new FakeStorage());
    expect(start.source).toBe('link');
    expect(start.notice?.level).toBe('warn');
    expect(start.notice?.text).toMatch(/damaged/);
  });
});

describe('autosave wiring', () => {
  let storage: FakeStorage;
  let autosave: Autosave;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = new FakeStorage();
    app().loadDocument(doc([]));
    app().setNotice(null);
    autosave = startAutosave(storage);
  });
  afterEach(() => {
    autosave.stop();
    vi.useRealTimers();
  });
  const saved = () => JSON.parse(storage.data.get(AUTOSAVE_KEY) ?? 'null') as EbmDocument | null;

  it('saves committed edits after a short pause, debounced', () => {
    app().addPoints([{ x: 1, y: 1 }]);
    app().addPoints([{ x: 2, y: 2 }]);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 10);
    expect(saved()).toBeNull();
    app().setSettings({ beta: 2 });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(saved()).toEqual(documentFromState(app()));
    expect(saved()?.points).toHaveLength(2);
    expect(saved()?.settings.beta).toBe(2);
  });

  it('view options and hidden controls are saved too; status updates are not saves', () => {
    app().setView({ density: 'logdensity' });
    app().setHidden(['seed']);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(saved()).toMatchObject({ view: { density: 'logdensity' }, hidden: ['seed'] });
    storage.data.clear();
    useApp.setState({ iteration: 5 });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(saved()).toBeNull();
  });

  it('flush saves a waiting change at once (page hide)', () => {
    app().loadPreset('rings');
    autosave.flush();
    expect(saved()?.preset).toBe('rings');
  });

  it('a full storage is reported once; the app keeps running; recovery clears it', () => {
    storage.fail = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    app().addPoints([{ x: 1, y: 1 }]);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(app().notice?.level).toBe('error');
    expect(app().notice?.text).toMatch(/storage is full/);
    app().setNotice(null);
    app().addPoints([{ x: 2, y: 2 }]);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(app().notice).toBeNull(); // not repeated on every save
    storage.fail = null;
    app().addPoints([{ x: 3, y: 3 }]);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(saved()?.points).toHaveLength(3);
  });
});
