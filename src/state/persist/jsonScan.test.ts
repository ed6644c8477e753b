import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentArb, mutatedArb } from './arbitraries';
import { lineColumn, scanJson } from './jsonScan';

const parses = (s: string): boolean => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

describe('scanJson agrees with JSON.parse', () => {
  it('on valid JSON of every shape', () => {
    fc.assert(
      fc.property(fc.json(), (s) => {
        expect(scanJson(s)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('on mutated JSON (valid or not, the verdict matches)', () => {
    const source = fc.oneof(
      fc.json(),
      documentArb(5).map((d) => JSON.stringify(d, null, 1)),
    );
    fc.assert(
      fc.property(mutatedArb(source), (s) => {
        const scan = scanJson(s);
        expect(scan === null).toBe(parses(s));
        if (scan) expect(scan.offset).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['', 0],
    ['{', 1],
    ['{"a":1,}', 7],
    ['[1 2]', 3],
    ['"\\u12x"', 1],
    ['01', 1],
    ['1.', 1],
    ['tru', 0],
  ])('%j fails at offset %i', (s, offset) => {
    expect(scanJson(s)).toEqual({ offset, tooDeep: false });
  });

  it('refuses nesting deeper than maxDepth at the opening bracket', () => {
    expect(scanJson('[[[]]]', 2)).toEqual({ offset: 2, tooDeep: true });
    expect(scanJson('[[]]', 2)).toBeNull();
    expect(scanJson('{"a":"[[[[","b":[[1]]}', 2)).toEqual({ offset: 17, tooDeep: true });
  });

  it('is linear on very deep input (no stack overflow)', () => {
    const n = 1_000_000;
    expect(scanJson('['.repeat(n) + ']'.repeat(n))).toBeNull();
    expect(scanJson('['.repeat(n), 16)).toEqual({ offset: 16, tooDeep: true });
  });
});

describe('lineColumn', () => {
  it('counts from 1, across lines', () => {
    expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('a\nbc\nd', 3)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('a\r\nb', 3)).toEqual({ line: 2, column: 1 });
  });
});
