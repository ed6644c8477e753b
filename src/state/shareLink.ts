// Share links on top of persist/link.ts. A preset's points that nobody edited are not written
// into the link: the preset and the seed regenerate them exactly (generateDataset is seeded),
// so such a link stays short whatever the preset's size.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { generateDataset } from '../ebm/datasets';
import {
  decodeLink,
  encodeLink,
  LINK_PARAM,
  MAX_URL_LENGTH,
  type EncodeLinkResult,
} from './persist/link';
import type { LenientResult } from './persist/lenient';
import { isPresetData } from './document';
import type { EbmDocument } from './schema';

/** The link's JSON, without `points` when the preset regenerates them. */
export function compactLinkPayload(doc: EbmDocument): Record<string, unknown> | null {
  if (!isPresetData(doc.points, doc.preset, doc.settings.seed)) return null;
  const rest: Record<string, unknown> = { ...doc };
  delete rest.points;
  return rest;
}

export function encodeShareLink(doc: EbmDocument, baseUrl: string): EncodeLinkResult {
  const compact = compactLinkPayload(doc);
  if (compact === null) return encodeLink(doc, baseUrl);
  const url = `${baseUrl.split('#')[0]}#${LINK_PARAM}=${compressToEncodedURIComponent(JSON.stringify(compact))}`;
  return url.length > MAX_URL_LENGTH ? { tooLong: true, length: url.length } : { url };
}

/** Whether the link's payload is an object without a `points` key (a compact preset link). */
function payloadLacksPoints(hash: string): boolean {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const param = fragment.split('&').find((part) => part.startsWith(`${LINK_PARAM}=`));
  if (param === undefined) return false;
  try {
    const json = decompressFromEncodedURIComponent(param.slice(LINK_PARAM.length + 1));
    if (!json) return false;
    const raw: unknown = JSON.parse(json);
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('points' in raw);
  } catch {
    return false;
  }
}

/**
 * Like decodeLink (null for an ordinary visit, never throws), and a link without points but
 * with a preset gets the preset's points for the link's seed.
 */
export function decodeShareLink(hash: string): LenientResult | null {
  const r = decodeLink(hash);
  if (r === null) return null;
  const { preset } = r.doc;
  if (preset !== undefined && preset !== 'empty' && payloadLacksPoints(hash)) {
    return { ...r, doc: { ...r.doc, points: generateDataset(preset, r.doc.settings.seed) } };
  }
  return r;
}

/** `url` without any share-link fragment (what the address bar shows after a link opened). */
export function withoutLink(url: string): string {
  return url.split('#')[0];
}
