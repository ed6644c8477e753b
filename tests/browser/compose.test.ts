// Composing energies and recovering coordinates in the page (issue #11, items 2 and 3):
//  - a model frozen as an expert holds tensors in the worker that removal frees;
//  - drop & restore carries a dropped point back onto the composition's low-energy set;
//  - "ring AND right half-plane" samples only where both experts are low;
//  - a clamp x = c gives a histogram that matches the exact conditional (TV distance);
//  - a share link round-trips the composition (built-in experts, weights, mode).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, copyLink, exportDoc, toPixel } from './app';
import { launchBrowser, openPage, SCREENSHOT_DIR } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function waitForSteps(page: Page, n: number, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    (min) => Number(document.querySelector('[data-testid=sample-steps]')?.textContent) >= min,
    n,
    { timeout },
  );
}

/** The viewport (landscape and panels) at test-results/screenshots/NAME.png (docs copies). */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`) });
}

async function numTensors(page: Page): Promise<number> {
  return page.evaluate(async () => (await window.__ebmTest!.report()).numTensors);
}

/** The path end from the restore read-out "Restored (x, y) → (x', y') in n steps". */
async function restoredEnd(page: Page): Promise<[number, number]> {
  const t = (await page.getByTestId('restore-result').textContent()) ?? '';
  const m = /→ \(\s*(-?[\d.]+), (-?[\d.]+)\)/.exec(t);
  if (!m) throw new Error(`no restore result in "${t}"`);
  return [Number(m[1]), Number(m[2])];
}

describe('composing energies and recovering coordinates', () => {
  it('freeze frees its tensors, half ring, drop & restore, clamp histogram, share link', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm', {
      viewport: { width: 1280, height: 1040 },
    });
    expect(await backendOf(page)).toBe('wasm');
    // 512 chains: sampling stays quick on a loaded machine. No training is waited for: the
    // experts here are the built-in ones, and freezing is checked on whatever model is there.
    await page.getByRole('button', { name: /Pause/ }).click();
    await page.getByText('❚❚ paused').waitFor({ timeout: 90_000 });
    await page.locator('#chains').selectOption('512');

    // Freeze the current model: its weights become tensors in the worker; removal frees them.
    const before = await numTensors(page);
    await page.getByRole('button', { name: 'Freeze as expert' }).click();
    await page.getByTestId('expert').first().waitFor();
    await page.getByTestId('compose-link-note').waitFor();
    const held = await numTensors(page);
    await page.getByRole('button', { name: /^Remove expert/ }).click();
    await page.getByTestId('expert').first().waitFor({ state: 'detached' });
    await page.waitForFunction(() => !document.querySelector('[data-testid=expert]'));
    const after = await numTensors(page);
    console.info(
      `tensors: ${before} before freezing, ${held} with the expert, ${after} after removal`,
    );
    expect(held).toBeGreaterThan(before);
    expect(after).toBe(before);

    // Ring AND right half-plane: the half ring, sampled live.
    await page.getByRole('button', { name: /Play/ }).click();
    await page.getByRole('button', { name: 'Example: half ring' }).click();
    await page.getByText('● sampling').waitFor();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid=sample-steps]')?.textContent) < 50,
    );
    // 50 transitions per frame (log slider over 1…500): fewer frames for the same steps.
    await page
      .getByLabel('Steps per frame')
      .fill(String(Math.round((1000 * Math.log(50)) / Math.log(500))));
    await waitForSteps(page, 150, 150_000);
    const samples = (await exportDoc(page)).samples;
    const inBoth = samples.filter(([x, y]) => x > -0.25 && Math.abs(Math.hypot(x, y) - 2.5) < 0.9);
    const share = inBoth.length / samples.length;
    const right = samples.filter(([x]) => x > 0).length / samples.length;
    console.info(
      `half ring: ${(100 * share).toFixed(1)} % of ${samples.length} samples where both experts are low (${(100 * right).toFixed(1)} % at x > 0)`,
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
    // The preset's data points are not what is composed here: hidden for the picture.
    await page.getByRole('checkbox', { name: 'Data', exact: true }).uncheck();
    await shot(page, 'compose');

    // Drop & restore on the half ring: a point dropped off the ring is carried onto it.
    await page.getByRole('radio', { name: 'Drop & restore' }).click();
    const drop = await toPixel(page, 3.6, 1.2);
    await page.mouse.click(drop.x, drop.y);
    // Once seen on the loaded machine: no answer to the first drop (none on a quiet run).
    // Say what the page showed, then drop once more.
    const answered = await page
      .getByTestId('restore-result')
      .waitFor({ timeout: 45_000 })
      .then(() => true)
      .catch(() => false);
    if (!answered) {
      const notice = await page
        .locator('.notice')
        .textContent()
        .catch(() => null);
      console.warn(`restore: no answer to the first drop in 45 s (notice: ${notice})`);
      await page.mouse.click(drop.x, drop.y);
      await page.getByTestId('restore-result').waitFor({ timeout: 90_000 });
    }
    const [ex, ey] = await restoredEnd(page);
    const off = Math.abs(Math.hypot(ex, ey) - 2.5);
    console.info(
      `restore: (3.6, 1.2), 1.30 off the ring, to (${ex}, ${ey}), ${off.toFixed(3)} off the ring`,
    );
    expect(off).toBeLessThan(0.3);
    expect(ex).toBeGreaterThan(0);
    await page.getByRole('radio', { name: 'Point' }).click();

    // Clamp x = 2.5 by clicking the x axis: chains sample y; histogram against the curve.
    const axis = page.getByTestId('clamp-x-axis');
    const box = (await axis.boundingBox())!;
    await page.mouse.click(box.x + ((2.5 + 4) / 8) * box.width, box.y + box.height / 2);
    const tv = page.getByTestId('conditional-tv');
    await page.waitForFunction(
      () =>
        Number(document.querySelector<HTMLElement>('[data-testid=conditional-tv]')?.dataset.n) >
        20000,
      undefined,
      { timeout: 90_000 },
    );
    const value = Number(await tv.getAttribute('data-tv'));
    const n = Number(await tv.getAttribute('data-n'));
    const clampText = await tv.textContent();
    console.info(`clamp: ${clampText} (TV ${value}, n ${n})`);
    expect(clampText).toMatch(/x = 2\.5/);
    // 512 chains binned into 32 bins: ~0.1 from one frame alone; frames are correlated.
    expect(value).toBeLessThan(0.12);
    const clamped = (await exportDoc(page)).samples;
    clamped.forEach(([x]) => expect(Math.abs(x - 2.5)).toBeLessThan(0.02));
    await shot(page, 'recovery');

    await page.getByRole('checkbox', { name: 'Data', exact: true }).check();
    // Share link: the composition, with a changed weight and mode, comes back.
    await page.getByRole('radio', { name: 'Off' }).click();
    await page.locator('.experts input[type=range]').nth(1).fill('500');
    await page.getByRole('radio', { name: 'OR (soft-min)' }).click();
    const formula = await page.getByTestId('compose-formula').textContent();
    expect(formula).toContain('1.50');
    const url = await copyLink(page);
    console.info(`share link: ${url.length} characters`);
    const second = await openPage(browser, url.replace(/^https?:\/\/[^/]+/, ''), {
      viewport: { width: 1280, height: 1040 },
    });
    await second.page.getByTestId('expert').nth(1).waitFor();
    expect(await second.page.getByTestId('compose-formula').textContent()).toBe(formula);
    expect(await second.page.getByTestId('expert').count()).toBe(2);
    expect(second.errors).toEqual([]);
    await second.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
