// Share links on top of persist/link.ts. A preset's points that nobody edited are not written
// into the link: the preset and the seed regenerate them exactly (generateDataset is seeded),
// so such a link stays short whatever the preset's size.
import { generateDataset } from '../ebm/datasets';
import { encodeLink, linkUrl, readLink, type EncodeLinkResult } from './persist/link';
import type { LenientResult } from './persist/lenient';
import { forLink } from './composition';
import { isPresetData } from './document';
import type { EbmDocument } from './schema';

/** The link's JSON, without `points` when the preset regenerates them. */
export function compactLinkPayload(doc: EbmDocument): Record<string, unknown> | null {
  if (!isPresetData(doc.points, doc.preset, doc.settings.seed)) return null;
  const rest: Record<string, unknown> = { ...doc };
  delete rest.points;
  return rest;
}

/** The document as a link carries it: frozen model experts left out (composition.ts). */
export function linkableDocument(doc: EbmDocument): EbmDocument {
  if (!doc.composition) return doc;
  const out = { ...doc };
  const { composition } = forLink(doc.composition);
  if (composition) out.composition = composition;
  else delete out.composition;
  return out;
}

export function encodeShareLink(full: EbmDocument, baseUrl: string): EncodeLinkResult {
  const doc = linkableDocument(full);
  const compact = compactLinkPayload(doc);
  return compact === null ? encodeLink(doc, baseUrl) : linkUrl(compact, baseUrl);
}

/** Whether the link's JSON is an object without a `points` key (a compact preset link). */
const lacksPoints = (raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('points' in raw);

/**
 * Like decodeLink (null for an ordinary visit, never throws), and a link without points but
 * with a preset gets the preset's points for the link's seed.
 */
export function decodeShareLink(hash: string): LenientResult | null {
  const link = readLink(hash);
  if (link === null) return null;
  const r = link.result;
  const { preset } = r.doc;
  if (preset !== undefined && preset !== 'empty' && lacksPoints(link.raw)) {
    return { ...r, doc: { ...r.doc, points: generateDataset(preset, r.doc.settings.seed) } };
  }
  return r;
}

/** `url` without any share-link fragment (what the address bar shows after a link opened). */
export function withoutLink(url: string): string {
  return url.split('#')[0];
}
