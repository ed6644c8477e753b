// Fuzzing: whatever comes in, the parsers return a result (never throw), a refusal always has
// a message, and anything accepted satisfies the schema's caps.
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../contract/settings';
import { DocumentSchema, DOCUMENT_VERSION } from '../schema';
import { MAX_SAMPLES } from '../../contract/view';
import { documentArb, mutatedArb, pointArb } from './arbitraries';
import { buildExportJson, buildPointsCsv } from './exportFile';
import { MAX_SAMPLE_ABS, parseImport, type ImportResult } from './importFile';
import { parseDocumentLenient, type LenientResult } from './lenient';
import { decodeLink } from './link';

/** Runs per property: 16 properties × RUNS inputs in all. */
const RUNS = 1000;
const opts = { numRuns: RUNS };

function checkImport(r: ImportResult): void {
  if (!r.ok) {
    expect(Object.keys(r)).toEqual(['ok', 'error']); // nothing accepted alongside a refusal
    expect(r.error.length).toBeGreaterThan(0);
    return;
  }
  const { points, settings, preset, view, hidden, samples, metrics } = r.doc;
  const asDoc = {
    version: DOCUMENT_VERSION,
    points,
    settings: settings ?? DEFAULT_SETTINGS,
    preset,
    view,
    hidden,
  };
  expect(DocumentSchema.safeParse(asDoc).success).toBe(true);
  expect((samples ?? []).length).toBeLessThanOrEqual(MAX_SAMPLES);
  for (const s of samples ?? [])
    for (const v of s) expect(Math.abs(v)).toBeLessThanOrEqual(MAX_SAMPLE_ABS);
  for (const v of Object.values(metrics ?? {})) expect(v === null || Number.isFinite(v)).toBe(true);
}

function checkLenient(r: LenientResult | null): void {
  if (r === null) return;
  expect(DocumentSchema.safeParse(r.doc).success).toBe(true);
  for (const n of r.notices) expect(typeof n).toBe('string');
}

const names = fc.constantFrom('a.json', 'a.csv', 'a.txt', 'noext');
const csvChars = fc.constantFrom(...'0123456789.,-+eE;"\n\r\t xylabel');
const validCsv = fc.array(pointArb, { minLength: 1, maxLength: 8 }).map(buildPointsCsv);
const validJson = documentArb(5).map((doc) =>
  buildExportJson({ doc, samples: [[0.5, 1]], metrics: { loss: 1 } }),
);
const hostileObject = fc.dictionary(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'points',
    'settings',
    'version',
    'x',
    'y',
  ),
  fc.anything(),
);

describe('file import never throws and accepts only valid data', () => {
  it.each([
    ['arbitrary text', fc.string({ unit: 'binary', maxLength: 300 })],
    ['CSV-like text', fc.string({ unit: csvChars, maxLength: 300 })],
    ['mutated valid CSV', mutatedArb(validCsv)],
    ['arbitrary JSON values', fc.json()],
    ['mutated valid JSON exports', mutatedArb(validJson)],
    ['hostile objects as JSON', hostileObject.map((o) => JSON.stringify(o) ?? '')],
  ])('%s', (_what, text) => {
    fc.assert(
      fc.property(names, text, (name, t) => checkImport(parseImport(name, t))),
      opts,
    );
  });

  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(names, fc.uint8Array({ maxLength: 300 }), (name, b) =>
        checkImport(parseImport(name, b)),
      ),
      opts,
    );
  });
});

describe('lenient parsing never throws and always yields a valid document', () => {
  it.each([
    ['anything', fc.anything()],
    ['hostile objects', hostileObject],
    [
      'documents with random parts',
      fc.record({
        version: fc.constantFrom(0, 1, 2),
        points: fc.anything(),
        settings: fc.anything(),
        view: fc.anything(),
        hidden: fc.anything(),
        preset: fc.anything(),
      }),
    ],
  ])('%s', (_what, arb) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<unknown>, (v) => checkLenient(parseDocumentLenient(v))),
      opts,
    );
  });
});

describe('decodeLink never throws, whatever the hash', () => {
  const lz = (arb: fc.Arbitrary<string>) =>
    arb.map((s) => `#d=${compressToEncodedURIComponent(s)}`);
  it.each([
    ['arbitrary text', fc.string({ unit: 'binary', maxLength: 300 })],
    ['arbitrary payloads', fc.string({ maxLength: 300 }).map((s) => `#d=${s}`)],
    ['compressed arbitrary JSON', lz(fc.json())],
    ['compressed hostile objects', lz(hostileObject.map((o) => JSON.stringify(o) ?? ''))],
    ['mutated real links', mutatedArb(lz(documentArb(5).map((d) => JSON.stringify(d))))],
    ['compressed mutated documents', lz(mutatedArb(documentArb(5).map((d) => JSON.stringify(d))))],
  ])('%s', (_what, hash) => {
    fc.assert(
      fc.property(hash, (h) => checkLenient(decodeLink(h))),
      opts,
    );
  });
});
