// Share links: the document, lz-compressed into the URL fragment (`#d=…`). The fragment never
// reaches a server, and decoding is lenient: a damaged link still opens the page, with notices.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { DEFAULT_DOCUMENT, type EbmDocument } from '../schema';
import { parseJson } from './json';
import { parseDocumentLenient, type LenientResult } from './lenient';

/** Longer URLs break in chat apps, mail clients and some browsers; the UI offers a file. */
export const MAX_URL_LENGTH = 2000;
export const LINK_PARAM = 'd';
/** Refuse to decompress more than this: LZ output can grow quadratically with its input. */
const MAX_PAYLOAD_CHARS = 4 * MAX_URL_LENGTH;
const MAX_JSON_CHARS = 2_000_000;

export type EncodeLinkResult = { url: string } | { tooLong: true; length: number };

/** Thousandths are well below a pixel in the [−4, 4] view and keep links short. */
const round3 = (v: number): number => Math.round(v * 1000) / 1000 + 0;

/** What a link carries: the document with coordinates rounded (see `round3`). */
export function linkDocument(doc: EbmDocument): EbmDocument {
  const points = doc.points.map((p) => ({ ...p, x: round3(p.x), y: round3(p.y) }));
  return { ...doc, points };
}

/** A link to `baseUrl` carrying `payload` (any JSON value), unless it is too long. */
export function linkUrl(payload: unknown, baseUrl: string): EncodeLinkResult {
  const data = compressToEncodedURIComponent(JSON.stringify(payload));
  const url = `${baseUrl.split('#')[0]}#${LINK_PARAM}=${data}`;
  return url.length > MAX_URL_LENGTH ? { tooLong: true, length: url.length } : { url };
}

export function encodeLink(doc: EbmDocument, baseUrl: string): EncodeLinkResult {
  return linkUrl(linkDocument(doc), baseUrl);
}

/** A read link: the document with its notices, and the JSON it came from (none if damaged). */
export interface ReadLink {
  result: LenientResult;
  raw?: unknown;
}

const damaged = (why: string): ReadLink => ({
  result: {
    doc: DEFAULT_DOCUMENT,
    notices: [`this link is damaged (${why}); starting from the defaults`],
  },
});

/**
 * `hash` is `location.hash` (with or without `#`), decompressed and parsed once. Null when it
 * carries no document (an ordinary visit). Never throws, whatever the input.
 */
export function readLink(hash: string): ReadLink | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const param = fragment.split('&').find((part) => part.startsWith(`${LINK_PARAM}=`));
  if (param === undefined) return null;
  const payload = param.slice(LINK_PARAM.length + 1);
  if (payload.length > MAX_PAYLOAD_CHARS) return damaged('it is too long');
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(payload);
  } catch {
    json = null; // lz-string can throw on some corrupt input
  }
  if (!json) return damaged('it could not be decompressed; was it cut off?');
  if (json.length > MAX_JSON_CHARS) return damaged('it expands to too much data');
  const parsed = parseJson(json);
  if (!parsed.ok) return damaged(parsed.error);
  return { result: parseDocumentLenient(parsed.value), raw: parsed.value };
}

/**
 * Null when `hash` carries no document (an ordinary visit); otherwise a document, with notices
 * for whatever had to be replaced. Never throws, whatever the input.
 */
export function decodeLink(hash: string): LenientResult | null {
  return readLink(hash)?.result ?? null;
}
