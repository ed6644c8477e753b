// Shared by the bad-input corpus tests (bad*.test.ts): each case is a file that must be
// refused with a message containing `fragment`, with nothing accepted alongside it.
import { expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../contract/settings';
import { importFile } from './importFile';

/** [what, file name, content, fragment the message must contain] */
export type BadInput = [string, string, string | Uint8Array, string];

export const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
export const doc = (extra: object): string =>
  JSON.stringify({ version: 1, points: [], settings: DEFAULT_SETTINGS, ...extra });

/** One test per case, through the same entry point the UI uses. */
export function expectAllRefused(cases: BadInput[]): void {
  it.each(cases)('%s (%s) is refused', async (_what, name, content, fragment) => {
    const size =
      typeof content === 'string' ? new TextEncoder().encode(content).length : content.length;
    const result = await importFile({ name, size }, async () => content);
    expect(result).toEqual({ ok: false, error: expect.stringContaining(fragment) });
  });
}
