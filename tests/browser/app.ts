// Helpers for driving the playground page in browser tests.
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';

export interface ExportDoc {
  points: { x: number; y: number }[];
  samples: [number, number][];
  settings: Record<string, unknown>;
}

export async function backendOf(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const t = document.querySelector('[data-testid=backend]')?.textContent ?? '';
      return t !== '' && !t.startsWith('starting');
    },
    undefined,
    { timeout: 60_000 },
  );
  return (await page.getByTestId('backend').textContent()) ?? '';
}

export async function iteration(page: Page): Promise<number> {
  return Number(await page.getByTestId('iteration').textContent());
}

export async function waitForIteration(page: Page, n: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (min) => Number(document.querySelector('[data-testid=iteration]')?.textContent) >= min,
    n,
    { timeout },
  );
}

/** Click "Export JSON" and parse the downloaded file. */
export async function exportDoc(page: Page): Promise<ExportDoc> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Export JSON/ }).click(),
  ]);
  const path = await dl.path();
  return JSON.parse(await readFile(path, 'utf8')) as ExportDoc;
}

/** Page pixel of a data-space point (the view is [−4, 4]² over the landscape canvas). */
export async function toPixel(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('landscape').boundingBox();
  if (!box) throw new Error('landscape not visible');
  return { x: box.x + ((x + 4) / 8) * box.width, y: box.y + ((4 - y) / 8) * box.height };
}

export function nearShare(samples: [number, number][], cx: number, cy: number, r: number): number {
  return (
    samples.filter(([x, y]) => Math.hypot(x - cx, y - cy) < r).length / Math.max(1, samples.length)
  );
}

/** The data points, as the JSON export has them. */
export async function pointsOf(page: Page): Promise<{ x: number; y: number }[]> {
  return (await exportDoc(page)).points;
}

/** Click "Copy link" and return the link the share popover shows (and copied). */
export async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('textbox', { name: 'Link to share' });
  await page.waitForFunction(() =>
    (document.querySelector('.share-url') as HTMLInputElement | null)?.value.includes('#d='),
  );
  return field.inputValue();
}

/** Import a file through the (hidden) file input, as picking it in the dialog would. */
export async function importText(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json',
    buffer: Buffer.from(text),
  });
}
