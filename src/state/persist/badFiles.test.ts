// Bad-input corpus, part 1: files that are not usable text, or too big.
import { describe, expect, it } from 'vitest';
import { importFile, MAX_FILE_BYTES } from './importFile';
import { bytes, expectAllRefused, type BadInput } from './corpus';

const CASES: BadInput[] = [
  // Not a usable text file at all
  ['empty csv', 'a.csv', '', 'the file is empty'],
  ['empty json', 'a.json', '', 'the file is empty'],
  ['whitespace only', 'a.csv', ' \n\r\n\t ', 'the file is empty'],
  ['BOM only', 'a.csv', '\uFEFF', 'the file is empty'],
  [
    'NUL bytes (PNG)',
    'a.csv',
    bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
    'binary file (it contains NUL bytes)',
  ],
  ['NUL in text', 'a.csv', '1,2\n\0\n', 'binary file (it contains NUL bytes)'],
  ['invalid UTF-8 bytes', 'a.csv', bytes(0x31, 0x2c, 0xc3, 0x28, 0x0a), 'not valid UTF-8'],
  ['lone continuation byte', 'a.json', bytes(0x7b, 0x80, 0x7d), 'not valid UTF-8'],
  ['replacement char from a lenient decoder', 'a.csv', '1,\uFFFD2', 'not valid UTF-8'],
  ['mostly control characters', 'a.csv', '\x01\x02\x03\x04\x05\x06,1', 'looks like a binary file'],
  ['UTF-16 LE text', 'a.csv', bytes(0xff, 0xfe, 0x31, 0, 0x2c, 0, 0x32, 0), 'UTF-16'],
  ['UTF-16 BE text', 'a.csv', bytes(0xfe, 0xff, 0, 0x31, 0, 0x2c, 0, 0x32), 'UTF-16'],
];

describe('bad files', () => {
  expectAllRefused(CASES);

  it('refuses a file over 5 MB before reading it', async () => {
    let read = false;
    const result = await importFile({ name: 'big.csv', size: MAX_FILE_BYTES + 1 }, async () => {
      read = true;
      return '';
    });
    expect(result).toEqual({ ok: false, error: 'the file is 5.1 MB; the limit is 5 MB' });
    expect(read).toBe(false);
    const huge = await importFile({ name: 'huge.json', size: 6.2 * 2 ** 20 }, async () => '');
    expect(huge).toEqual({ ok: false, error: 'the file is 6.2 MB; the limit is 5 MB' });
  });

  it('refuses content over 5 MB even when the size was under-reported', async () => {
    const result = await importFile(
      { name: 'a.csv', size: 10 },
      async () => new Uint8Array(MAX_FILE_BYTES + 1),
    );
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringContaining('the limit is 5 MB'),
    });
  });

  it('reports a reader that fails, instead of rejecting', async () => {
    const result = await importFile({ name: 'a.csv', size: 10 }, async () => {
      throw new Error('permission denied');
    });
    expect(result).toEqual({ ok: false, error: 'the file could not be read (permission denied)' });
  });
});
