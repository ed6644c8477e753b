import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT, DocumentSchema, DOCUMENT_VERSION } from '../schema';
import { DEFAULT_SETTINGS } from '../../contract/settings';
import { documentArb } from './arbitraries';
import { decodeLink, encodeLink, linkDocument, MAX_URL_LENGTH } from './link';

const BASE = 'https://example.org/ebm/';
const hashOf = (url: string): string => new URL(url).hash;
const hashFor = (value: unknown): string =>
  `#d=${compressToEncodedURIComponent(JSON.stringify(value))}`;

describe('share links', () => {
  it('round trip: decode(encode(doc)) is the document, coordinates to 1e-3', () => {
    fc.assert(
      fc.property(documentArb(20), (doc) => {
        const link = encodeLink(doc, BASE);
        if (!('url' in link)) throw new Error(`unexpectedly long: ${link.length}`);
        expect(link.url.startsWith(`${BASE}#d=`)).toBe(true);
        expect(link.url).toMatch(/^[\w:/.#=+$-]+$/); // nothing that needs escaping
        expect(decodeLink(hashOf(link.url))).toEqual({ doc: linkDocument(doc), notices: [] });
      }),
    );
  });

  it('rounding never leaves the view box and is stable', () => {
    const doc = {
      ...DEFAULT_DOCUMENT,
      points: [
        { x: 3.99999, y: -3.99999 },
        { x: 1.23456, y: -0.0004 },
      ],
    };
    expect(linkDocument(doc).points).toEqual([
      { x: 4, y: -4 },
      { x: 1.235, y: 0 },
    ]);
    expect(linkDocument(linkDocument(doc))).toEqual(linkDocument(doc));
  });

  it('replaces an existing fragment of the base URL', () => {
    const link = encodeLink(DEFAULT_DOCUMENT, `${BASE}#d=old`);
    expect('url' in link && link.url.split('#')).toHaveLength(2);
  });

  it('reports a link over the limit instead of producing it', () => {
    // Hand-placed points look random to a compressor; a small LCG stands in for a hand.
    let state = 12345;
    const rnd = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 8 - 4;
    const points = Array.from({ length: 1000 }, () => ({ x: rnd(), y: rnd() }));
    const link = encodeLink({ ...DEFAULT_DOCUMENT, points }, BASE);
    expect(link).toEqual({ tooLong: true, length: expect.any(Number) });
    expect('length' in link && link.length).toBeGreaterThan(MAX_URL_LENGTH);
    // A useful number of hand-placed points still fits.
    expect(encodeLink({ ...DEFAULT_DOCUMENT, points: points.slice(0, 100) }, BASE)).toHaveProperty(
      'url',
    );
  });

  it('a hash without a document is an ordinary visit', () => {
    for (const hash of ['', '#', '#about', '#x=1&y=2', 'dd=1']) expect(decodeLink(hash)).toBeNull();
  });

  it('out-of-range fields fall back to defaults, each with a notice', () => {
    const hash = hashFor({
      version: DOCUMENT_VERSION,
      points: [
        { x: 1, y: 1 },
        { x: 40, y: 0 },
      ],
      settings: { ...DEFAULT_SETTINGS, langevinStep: 7, chains: 3 },
    });
    const result = decodeLink(hash);
    expect(result?.doc).toEqual({ ...DEFAULT_DOCUMENT, points: [{ x: 1, y: 1 }] });
    expect(result?.notices).toEqual([
      '1 invalid point was dropped (points[1].x: 40 is outside the allowed range [-4, 4])',
      'settings.langevinStep: 7 is outside the allowed range [0.0001, 0.2]; using the default',
      'settings.chains: expected one of 256, 512, 1024, 2048, 4096, 8192; got 3; using the default',
    ]);
  });

  it.each([
    ['not compressed data', '#d=%%%not-lz', 'could not be decompressed'],
    ['empty payload', '#d=', 'could not be decompressed'],
    [
      'compressed non-JSON',
      `#d=${compressToEncodedURIComponent('hello')}`,
      'invalid JSON at line 1, column 1',
    ],
    ['a newer version', hashFor({ version: 9, points: [] }), 'made by a newer EBM Playground'],
    [
      '__proto__ payload',
      hashFor(JSON.parse('{"__proto__":{"polluted":1},"points":[]}')),
      '__proto__: this key is not allowed',
    ],
    ['over-long payload', `#d=${'A'.repeat(9000)}`, 'it is too long'],
  ])('%s opens the defaults with a notice', (_what, hash, fragment) => {
    const result = decodeLink(hash);
    expect(result?.doc).toEqual(DEFAULT_DOCUMENT);
    expect(result?.notices).toEqual([expect.stringContaining(fragment)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('every truncation of a real link still opens (never throws)', () => {
    const link = encodeLink({ ...DEFAULT_DOCUMENT, points: [{ x: 1, y: 2, label: 1 }] }, BASE);
    const hash = 'url' in link ? hashOf(link.url) : '';
    for (let n = 0; n <= hash.length; n++) {
      const result = decodeLink(hash.slice(0, n));
      if (result) expect(DocumentSchema.safeParse(result.doc).success).toBe(true);
    }
  });
});
