// The objective setting in documents: links and files made before it existed still open (and
// train with persistent CD, as they did); a chosen objective and DSM's σ round-trip; an
// unknown objective is refused by a file and reported by a link.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../contract/settings';
import { DOCUMENT_VERSION } from '../schema';
import { parseDocumentLenient } from './lenient';
import { parseDocumentStrict } from './strict';

const old = () => {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  delete settings.objective;
  delete settings.dsmSigma;
  return { version: DOCUMENT_VERSION, points: [{ x: 1, y: 2 }], settings };
};

describe('objective setting', () => {
  it('a document without it opens with persistent CD and the default σ', () => {
    const r = parseDocumentStrict(old());
    expect(r.ok && r.doc.settings.objective).toBe('persistentCd');
    expect(r.ok && r.doc.settings.dsmSigma).toBe(0.1);
    const l = parseDocumentLenient(old());
    expect(l.notices).toEqual([]);
    expect(l.doc.settings.objective).toBe('persistentCd');
  });

  it('a chosen objective and σ round-trip; an unknown name is refused', () => {
    const doc = { ...old(), settings: { ...old().settings, objective: 'dsm', dsmSigma: 0.3 } };
    const r = parseDocumentStrict(doc);
    expect(r.ok && [r.doc.settings.objective, r.doc.settings.dsmSigma]).toEqual(['dsm', 0.3]);
    const bad = { ...old(), settings: { ...old().settings, objective: 'magic' } };
    expect(parseDocumentStrict(bad).ok).toBe(false);
    const l = parseDocumentLenient(bad);
    expect(l.doc.settings.objective).toBe('persistentCd');
    expect(l.notices.join(' ')).toMatch(/objective/);
  });
});
