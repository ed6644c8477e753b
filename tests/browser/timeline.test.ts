// The training timeline and the clip recorder, in real Chromium while the engine trains:
// holding the slider shows an earlier landscape (its iteration drawn on the canvas, pixels
// that stay put while live frames keep coming), letting go returns to live; the keyboard
// does the same; a live clip and a replayed timeline range download as WebM of at least 2 s,
// and where MediaRecorder is missing (a phone-sized page here) the clip is a zip of PNGs.
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, iteration, waitForIteration } from './app';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser, openPage, resolveUrl, SCREENSHOT_DIR } from './harness';
import { isWebm, webmLastBlockMs } from './webm';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** The landscape and the timeline under it, as test-results/screenshots/NAME.png. */
async function stageShot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('.stage').screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`) });
}

const readout = (page: Page) => page.getByTestId('timeline-readout').textContent();

/** A cheap fingerprint of the landscape's pixels (sum of a sparse sample of RGB values). */
const pixels = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=landscape]')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let s = 0;
    for (let i = 0; i < d.length; i += 4 * 97) s += d[i] * 3 + d[i + 1] * 5 + d[i + 2] * 7;
    return s;
  });

/** Whether the caption's dark pill is drawn at the top centre of the canvas. */
const badgeShown = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=landscape]')!;
    const dpr = c.width / c.clientWidth;
    const [r, g, b] = c.getContext('2d')!.getImageData(c.width / 2 - 40 * dpr, 14 * dpr, 1, 1).data;
    return r < 60 && g < 60 && b < 80;
  });

async function snapshots(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (min) => {
      const t = document.querySelector('[data-testid=timeline-readout]')?.textContent ?? '';
      return Number(/(\d+) snapshots/.exec(t)?.[1] ?? 0) >= min;
    },
    n,
    { timeout: 120_000 },
  );
}

async function download(page: Page, act: () => Promise<unknown>): Promise<Uint8Array> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), act()]);
  return new Uint8Array(await readFile(await dl.path()));
}

describe('training timeline', () => {
  let page: Page;
  let errors: string[];
  let context: BrowserContext;
  beforeAll(async () => {
    ({ page, errors, context } = await openPage(browser, '/?backend=wasm'));
    expect(await backendOf(page)).toBe('wasm');
    await waitForIteration(page, 40);
    await snapshots(page, 20);
  });
  // Its engine would otherwise train on beside the next page (2 CPU cores).
  afterAll(() => context.close());

  it('holding the slider shows an earlier landscape; letting go returns to live', async () => {
    const slider = page.getByRole('slider', { name: 'Timeline' });
    const box = (await slider.boundingBox())!;
    const livePixels = await pixels(page);
    expect(await badgeShown(page)).toBe(false);
    await page.mouse.move(box.x + 3, box.y + box.height / 2);
    await page.mouse.down();
    await expect.poll(() => readout(page)).toMatch(/^iteration \d/);
    const shown = Number(/^iteration ([\d,]+)/.exec((await readout(page))!)![1].replace(/,/g, ''));
    const live = await iteration(page);
    expect(shown).toBeLessThan(live / 4);
    expect(await slider.getAttribute('aria-valuetext')).toBe(`iteration ${shown}`);
    await expect.poll(() => badgeShown(page)).toBe(true);
    const held = await pixels(page);
    expect(held).not.toBe(livePixels);
    // Training goes on underneath (frames keep being drawn and acked), the picture stays put.
    await waitForIteration(page, live + 10);
    expect(await pixels(page)).toBe(held);
    await page.mouse.up();
    await expect.poll(() => readout(page)).toMatch(/^live · \d+ snapshots/);
    await expect.poll(() => badgeShown(page)).toBe(false);
    await expect.poll(() => pixels(page)).not.toBe(held);
    expect(await slider.getAttribute('aria-valuetext')).toBe('live');
  });

  it('keyboard: Home goes to the first snapshot, End back to live', async () => {
    const slider = page.getByRole('slider', { name: 'Timeline' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => readout(page)).toMatch(/^iteration 0 · loss/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout(page)).toMatch(/^iteration [1-9]/);
    await stageShot(page, 'timeline-scrubbing-desktop');
    await page.keyboard.press('End');
    await expect.poll(() => readout(page)).toMatch(/^live/);
  });

  it('records a live clip of at least 2 s as WebM', async () => {
    await page.getByRole('button', { name: /^Record a clip/ }).click();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid=clip-elapsed]')?.textContent ?? '') >= '0:03',
      undefined,
      { timeout: 30_000 },
    );
    const webm = await download(page, () => page.getByRole('button', { name: /^Stop/ }).click());
    expect(isWebm(webm)).toBe(true);
    const ms = webmLastBlockMs(webm);
    console.log(`live clip: ${webm.length} bytes, last block at ${ms} ms`);
    expect(ms).toBeGreaterThanOrEqual(2000);
  });

  it('records a replayed timeline range as WebM', async () => {
    await page.getByRole('button', { name: /^Replay…/ }).click();
    const webm = await download(page, () =>
      page.getByRole('button', { name: 'Record replay' }).click(),
    );
    expect(isWebm(webm)).toBe(true);
    const ms = webmLastBlockMs(webm);
    console.log(`replay clip: ${webm.length} bytes, last block at ${ms} ms`);
    expect(ms).toBeGreaterThanOrEqual(2000);
    await expect.poll(() => readout(page)).toMatch(/^live/);
    expect(errors).toEqual([]);
  });
});

describe('clip without MediaRecorder (phone size)', () => {
  it('falls back to a zip of PNG frames', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    await context.addInitScript(() => {
      delete (window as { MediaRecorder?: unknown }).MediaRecorder;
    });
    const page = await context.newPage();
    await page.goto(resolveUrl('/?backend=wasm'));
    expect(await backendOf(page)).toBe('wasm');
    await snapshots(page, 10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const slider = page.getByRole('slider', { name: 'Timeline' });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readout(page)).toMatch(/^iteration/);
    await stageShot(page, 'timeline-scrubbing-phone');
    await page.keyboard.press('End');
    await page.getByRole('button', { name: /^Record a clip.*zip/ }).click();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid=clip-elapsed]')?.textContent ?? '') >= '0:02',
    );
    const zip = await download(page, () => page.getByRole('button', { name: /^Stop/ }).click());
    expect([zip[0], zip[1]]).toEqual([0x50, 0x4b]); // "PK"
    const files = unzipSync(zip);
    const pngs = Object.keys(files).filter((f) => f.endsWith('.png'));
    console.log(`zip clip: ${zip.length} bytes, ${pngs.length} frames`);
    expect(pngs.length).toBeGreaterThanOrEqual(20); // 10 a second for ≥ 2 s
    expect(Array.from(files[pngs[0]].slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await context.close();
  });
});
