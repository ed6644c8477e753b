import { describe, expect, it } from 'vitest';
import { generateDataset } from '../ebm/datasets';
import { PRESETS } from '../contract/presets';
import { DEFAULT_SETTINGS } from '../contract/settings';
import { DOCUMENT_VERSION, type EbmDocument } from './schema';
import { decodeLink, encodeLink, linkDocument, MAX_URL_LENGTH } from './persist';
import { compactLinkPayload, decodeShareLink, encodeShareLink, withoutLink } from './shareLink';

const BASE = 'https://example.org/ebm/?backend=wasm';
const hashOf = (url: string) => new URL(url).hash;
const urlOf = (r: ReturnType<typeof encodeShareLink>): string => {
  if (!('url' in r)) throw new Error(`too long: ${r.length}`);
  return r.url;
};

const presetDoc = (preset: (typeof PRESETS)[number], seed: number): EbmDocument => ({
  version: DOCUMENT_VERSION,
  points: generateDataset(preset, seed),
  settings: { ...DEFAULT_SETTINGS, seed, width: 128 },
  preset,
  view: { show: { samples: true, contours: false, points: true }, density: 'energy' },
  hidden: ['learningRate', 'export'],
});

describe('share links with preset compaction', () => {
  it('an unedited preset is sent as preset + seed and comes back point for point', () => {
    for (const preset of PRESETS.filter((p) => p !== 'empty')) {
      const doc = presetDoc(preset, 42);
      expect(compactLinkPayload(doc)).not.toHaveProperty('points');
      const url = urlOf(encodeShareLink(doc, BASE));
      // 400 points would not fit in 2,000 characters; the compact link does.
      expect(url.length).toBeLessThan(700);
      expect(url.startsWith('https://example.org/ebm/?backend=wasm#d=')).toBe(true);
      // Exactly the generated points, not rounded ones.
      expect(decodeShareLink(hashOf(url))).toEqual({ doc, notices: [] });
    }
  });

  it('edited points are sent in full (rounded to 1e-3, as persist/link does)', () => {
    const doc = presetDoc('moons', 3);
    doc.points = [...doc.points.slice(0, 50), { x: 0.12345, y: -1 }];
    expect(compactLinkPayload(doc)).toBeNull();
    const url = urlOf(encodeShareLink(doc, BASE));
    expect(url).toBe(urlOf(encodeLink(doc, BASE)));
    expect(decodeShareLink(hashOf(url))).toEqual({ doc: linkDocument(doc), notices: [] });
  });

  it('a points list that was emptied by hand stays empty', () => {
    const doc = { ...presetDoc('8gaussians', 1), points: [] };
    const url = urlOf(encodeShareLink(doc, BASE));
    expect(decodeShareLink(hashOf(url))?.doc.points).toEqual([]);
  });

  it('another seed than the one the points came from is not compacted', () => {
    const doc = presetDoc('pinwheel', 5);
    doc.settings = { ...doc.settings, seed: 6 };
    expect(compactLinkPayload(doc)).toBeNull();
  });

  it('too many edited points: refused with the length, so the UI offers a file', () => {
    const doc = presetDoc('spirals', 1);
    doc.points = doc.points.map((p) => ({ x: p.x + 1e-3, y: p.y }));
    const r = encodeShareLink(doc, BASE);
    expect(r).toMatchObject({ tooLong: true });
    if ('length' in r) expect(r.length).toBeGreaterThan(MAX_URL_LENGTH);
  });

  it('ordinary visits and damaged links decode like decodeLink', () => {
    expect(decodeShareLink('')).toBeNull();
    expect(decodeShareLink('#section')).toBeNull();
    expect(decodeShareLink('#d=%%%')).toEqual(decodeLink('#d=%%%'));
    const damaged = decodeShareLink('#d=N4Ig');
    expect(damaged?.notices.length).toBeGreaterThan(0);
    expect(damaged?.doc.points).toEqual([]);
  });

  it('withoutLink drops the fragment only', () => {
    expect(withoutLink('https://x.org/a?b=1#d=abc')).toBe('https://x.org/a?b=1');
    expect(withoutLink('https://x.org/')).toBe('https://x.org/');
  });
});
