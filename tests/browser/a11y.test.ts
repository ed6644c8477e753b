// Accessible and usable on any screen: axe-core finds no serious or critical violation on the
// desktop page or at phone size, the landscape has a live text summary, and on a 390 px touch
// phone nothing scrolls sideways and a tap on the landscape adds a point.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, exportDoc, toPixel, waitForIteration } from './app';
import { launchBrowser, resolveUrl } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Violations axe ranks serious or critical, as "rule: selector" lines (empty when clean). */
async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('accessibility and small screens', () => {
  it('desktop: no serious or critical axe violation while training', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(resolveUrl('/?backend=wasm'));
    expect(await backendOf(page)).toBe('wasm');
    await waitForIteration(page, 5);
    expect(await seriousViolations(page)).toEqual([]);
    // The canvas's text alternative is a polite live summary of what it shows.
    const summary = page.getByTestId('live-summary');
    expect(await summary.getAttribute('aria-live')).toBe('polite');
    // Described by its key help and the summary (useKeyboardEditing.ts, LiveSummary.tsx).
    const ids = (await page.getByTestId('landscape').getAttribute('aria-describedby')) ?? '';
    expect(ids.split(' ')).toContain(await summary.getAttribute('id'));
    await expect
      .poll(async () => (await summary.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(
        /^400 data points in 8 clusters; the samples cover \d of them; training, iteration \d+/,
      );
    await context.close();
  });

  it('phone (390 × 844, touch): fits the width, axe-clean, and a tap adds a point', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(resolveUrl('/?backend=wasm'));
    expect(await backendOf(page)).toBe('wasm');
    await waitForIteration(page, 2);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    const before = (await exportDoc(page)).points.length;
    const p = await toPixel(page, 0.5, -0.5);
    await page.touchscreen.tap(p.x, p.y);
    await expect.poll(async () => (await exportDoc(page)).points.length).toBe(before + 1);
    await context.close();
  });
});
