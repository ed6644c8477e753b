// Keyboard, touch, small screens and display preferences, in real Chromium (one browser for
// the file, one context per case):
//   keyboard only: add 3 points, move one, delete one; the JSON export agrees exactly;
//   phone 390 × 844 (touch): no sideways scroll, tap adds, long-press deletes, the controls
//     drawer opens and closes with focus managed, axe-clean with the drawer open;
//   tablet 768 × 1024 (touch): tap adds, drag moves;
//   dark theme (prefers-color-scheme) axe-clean; the theme and palette choices survive a reload;
//   prefers-reduced-motion: sample mode draws no trails (and does without it).
// Screenshots for the docs go to docs/screenshots/ (phone, drawer-open, tablet, dark).
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, exportDoc, toPixel, waitForIteration } from './app';
import { launchBrowser, resolveUrl } from './harness';

const DOCS = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(DOCS, { recursive: true });
});
afterAll(async () => browser?.close());

async function open(options: BrowserContextOptions, path = '/?backend=wasm'): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(resolveUrl(path));
  expect(await backendOf(page)).toBe('wasm');
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const count = async (page: Page) => (await exportDoc(page)).points.length;
const announced = (page: Page) => page.getByTestId('announcer');

/** A touch held at a page pixel (CDP), for long-press and drag; returns move and release. */
async function touchDown(page: Page, x: number, y: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  return {
    move: (mx: number, my: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: mx, y: my }],
      }),
    up: () => cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }),
  };
}

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true };

describe('keyboard, touch and display preferences', () => {
  it('keyboard only: add 3 points, move one, delete one, and the export agrees', async () => {
    const page = await open({ viewport: { width: 1280, height: 800 } });
    // Layout: the controls start right beside the plot (a 280 px blank band sat between them).
    const plot = (await page.getByTestId('landscape').boundingBox())!;
    const aside = (await page.locator('main > aside').boundingBox())!;
    expect(aside.x - (plot.x + plot.width)).toBeLessThanOrEqual(40);
    expect(plot.width).toBeGreaterThanOrEqual(540);
    await page.getByRole('button', { name: /^Clear points/ }).focus();
    await page.keyboard.press('Enter');
    expect(await count(page)).toBe(0);
    await page.getByTestId('landscape').focus();
    // The crosshair starts at (0, 0); 0.1 a step, 0.5 with Shift.
    await page.keyboard.press('Enter');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => announced(page).textContent()).toMatch(/; 3 points$/);
    await page.screenshot({ path: resolve(DOCS, 'keyboard.png') });
    // Tab selects point 1 at (0, 0); three nudges left move it to (−0.3, 0).
    await page.keyboard.press('Tab');
    await expect.poll(() => announced(page).textContent()).toMatch(/^Point 1 of 3 selected/);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    // The next Tab selects point 2 at (0.5, 0); Delete removes it.
    await page.keyboard.press('Tab');
    await expect.poll(() => announced(page).textContent()).toMatch(/^Point 2 of 3 selected/);
    await page.keyboard.press('Delete');
    await expect.poll(() => announced(page).textContent()).toMatch(/^Point 2 removed; 2 points/);
    const doc = await exportDoc(page);
    expect(doc.points.map((p) => [p.x, p.y])).toEqual([
      [-0.3, 0],
      [0.5, 0.5],
    ]);
    // The focus never left the landscape, and Escape then Tab leaves it (no keyboard trap).
    await page.getByTestId('landscape').focus();
    await page.keyboard.press('Tab'); // selects point 1
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('CANVAS');
    // Undo (Ctrl+Z) brings the deleted point back; the three nudges were one step.
    await page.getByTestId('landscape').focus();
    await page.keyboard.press('Control+z');
    expect((await exportDoc(page)).points).toHaveLength(3);
    await page.keyboard.press('Control+z');
    expect((await exportDoc(page)).points.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [0.5, 0],
      [0.5, 0.5],
    ]);
    await page.context().close();
  });

  it('phone (390 × 844, touch): fits, tap adds, long-press deletes, the drawer opens and closes', async () => {
    const page = await open(PHONE);
    await waitForIteration(page, 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    // The landscape fills the width (less its axis labels).
    const box = (await page.getByTestId('landscape').boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(300);
    await page.screenshot({ path: resolve(DOCS, 'phone.png') });

    const before = await count(page);
    const p = await toPixel(page, 0.5, -0.5);
    await page.touchscreen.tap(p.x, p.y);
    await expect.poll(() => count(page)).toBe(before + 1);
    // Held still for 500 ms it arms ("release to remove"); the release removes the point.
    const held = await touchDown(page, p.x, p.y);
    await expect.poll(() => announced(page).textContent()).toBe('Release to remove the point');
    await held.up();
    await expect.poll(() => announced(page).textContent()).toMatch(/^Point removed at/);
    expect(await count(page)).toBe(before);

    // The controls are in a drawer: closed, then opened by its button, focus on Close.
    const controls = page.getByTestId('controls');
    expect(await controls.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: 'Controls', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.tap();
    await expect.poll(() => controls.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/Close$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(DOCS, 'drawer-open.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => controls.isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toBe('controls-drawer-toggle');
    await page.context().close();
  });

  it('tablet (768 × 1024, touch): tap adds and drag moves a point', async () => {
    const page = await open(TABLET);
    await waitForIteration(page, 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    const before = await count(page);
    const a = await toPixel(page, 0.3, -0.4);
    await page.touchscreen.tap(a.x, a.y);
    await expect.poll(() => count(page)).toBe(before + 1);
    const b = await toPixel(page, 1.2, 0.6);
    const held = await touchDown(page, a.x, a.y);
    for (let k = 1; k <= 8; k++)
      await held.move(a.x + ((b.x - a.x) * k) / 8, a.y + ((b.y - a.y) * k) / 8);
    await held.up();
    const pts = (await exportDoc(page)).points;
    expect(pts).toHaveLength(before + 1);
    const moved = pts[pts.length - 1];
    const px = (await page.getByTestId('landscape').boundingBox())!.width / 8; // pixels per unit
    expect(Math.abs(moved.x - 1.2)).toBeLessThan(1.5 / px);
    expect(Math.abs(moved.y - 0.6)).toBeLessThan(1.5 / px);
    await page.screenshot({ path: resolve(DOCS, 'tablet.png') });
    await page.context().close();
  });

  it('dark theme: follows prefers-color-scheme and is axe-clean; choices survive a reload', async () => {
    const page = await open({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    await waitForIteration(page, 5);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(DOCS, 'dark.png') });
    // A manual choice wins over the system's and is this browser's, kept over a reload.
    await page.getByLabel('Theme').selectOption('light');
    await page.getByLabel('Colours').selectOption('viridis');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.reload();
    expect(await backendOf(page)).toBe('wasm');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.getByLabel('Colours').inputValue()).toBe('viridis');
    expect(await page.getByLabel('Theme').inputValue()).toBe('light');
    await page.context().close();
  });

  it('reduced motion: sample mode draws its trails only when motion is allowed', async () => {
    const segments = (page: Page) =>
      page.getByTestId('landscape').evaluate((c) => Number(c.dataset.trailSegments ?? -1));
    const steps = (page: Page) => page.getByTestId('sample-steps').textContent().then(Number);
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const page = await open({ viewport: { width: 1280, height: 800 }, reducedMotion });
      await page.getByRole('radio', { name: 'Sample' }).click();
      // A few transitions in (about 2 a second on the loaded test machine): trails, when
      // drawn, have had segments since the second.
      await expect.poll(() => steps(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(6);
      if (reducedMotion === 'reduce') {
        expect(await page.evaluate(() => document.documentElement.dataset.motion)).toBe('reduce');
        expect(await segments(page)).toBe(0);
      } else {
        await expect.poll(() => segments(page)).toBeGreaterThan(0);
      }
      await page.context().close();
    }
  });
});
