// The playground in real Chromium against the production build.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, exportDoc, iteration, nearShare, toPixel, waitForIteration } from './app';
import { launchBrowser, NO_WEBGL_ARGS, openPage, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('playground', () => {
  it('with ?backend=webgl the worker really runs on webgl, and trains', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=webgl');
    expect(await backendOf(page)).toBe('webgl');
    await waitForIteration(page, 5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with ?backend=wasm the worker runs on wasm, and trains', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    expect(await backendOf(page)).toBe('wasm');
    await waitForIteration(page, 5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads with no console errors; samples appear and move; the 8 gaussians are learned', async () => {
    const { page, context, errors } = await openPage(browser, '/');
    const backend = await backendOf(page);
    expect(['webgl', 'wasm']).toContain(backend);
    await waitForIteration(page, 10);
    const a = await exportDoc(page);
    expect(a.samples.length).toBe(2048);
    await waitForIteration(page, (await iteration(page)) + 20);
    const b = await exportDoc(page);
    const moved = a.samples.filter(
      ([x, y], i) => x !== b.samples[i][0] || y !== b.samples[i][1],
    ).length;
    expect(moved).toBeGreaterThan(500);
    // Train on: every one of the 8 modes must hold samples.
    await waitForIteration(page, 600, 240_000);
    const c = await exportDoc(page);
    const shares = Array.from({ length: 8 }, (_, k) => {
      const t = (2 * Math.PI * k) / 8;
      return nearShare(c.samples, 2.5 * Math.cos(t), 2.5 * Math.sin(t), 0.75);
    });
    await screenshot(page, 'playground-8gaussians');
    shares.forEach((s) => expect(s).toBeGreaterThan(0.03));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('clicking adds a point, dragging moves it, Alt-click removes it', async () => {
    const { page, context } = await openPage(browser, '/');
    await backendOf(page);
    await page.getByRole('button', { name: 'Clear points' }).click();
    const p = await toPixel(page, 1, 1);
    await page.mouse.click(p.x, p.y);
    let doc = await exportDoc(page);
    expect(doc.points).toHaveLength(1);
    expect(doc.points[0].x).toBeCloseTo(1, 1);
    expect(doc.points[0].y).toBeCloseTo(1, 1);
    const q = await toPixel(page, -2, 0.5);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move((p.x + q.x) / 2, (p.y + q.y) / 2, { steps: 4 });
    await page.mouse.move(q.x, q.y, { steps: 4 });
    await page.mouse.up();
    doc = await exportDoc(page);
    expect(doc.points).toHaveLength(1);
    expect(doc.points[0].x).toBeCloseTo(-2, 1);
    expect(doc.points[0].y).toBeCloseTo(0.5, 1);
    await page.keyboard.down('Alt');
    await page.mouse.click(q.x, q.y);
    await page.keyboard.up('Alt');
    doc = await exportDoc(page);
    expect(doc.points).toHaveLength(0);
    await context.close();
  });

  it('after training on two clusters placed by clicks, the samples cover both', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    await backendOf(page);
    await page.getByRole('button', { name: 'Clear points' }).click();
    for (const [cx, cy] of [
      [-2, -2],
      [2, 2],
    ]) {
      for (let k = 0; k < 12; k++) {
        const a = (2 * Math.PI * k) / 12;
        const r = 0.15 + 0.1 * (k % 3);
        const p = await toPixel(page, cx + r * Math.cos(a), cy + r * Math.sin(a));
        await page.mouse.click(p.x, p.y);
      }
    }
    expect((await exportDoc(page)).points).toHaveLength(24);
    await page.keyboard.press('r');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid=iteration]')?.textContent) < 5,
    );
    await waitForIteration(page, 400, 240_000);
    const doc = await exportDoc(page);
    const a = nearShare(doc.samples, -2, -2, 1);
    const b = nearShare(doc.samples, 2, 2, 1);
    expect(a).toBeGreaterThan(0.2);
    expect(b).toBeGreaterThan(0.2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('space pauses and s steps exactly one iteration', async () => {
    const { page, context } = await openPage(browser, '/?backend=wasm');
    await backendOf(page);
    await waitForIteration(page, 3);
    await page.getByTestId('landscape').focus();
    await page.keyboard.press(' ');
    await page.getByText('paused').waitFor();
    const n = await iteration(page);
    await page.keyboard.press('s');
    await page.waitForFunction(
      (m) => Number(document.querySelector('[data-testid=iteration]')?.textContent) === m + 1,
      n,
    );
    await page.waitForTimeout(500);
    expect(await iteration(page)).toBe(n + 1);
    await context.close();
  });
});

describe('backend fallback', () => {
  it('without WebGL the ladder lands on wasm and says why', async () => {
    const b = await launchBrowser({ extraArgs: [...NO_WEBGL_ARGS] });
    const { page, context, errors } = await openPage(b, '/');
    expect(await backendOf(page)).toBe('wasm');
    await waitForIteration(page, 3);
    expect(errors).toEqual([]);
    await context.close();
    await b.close();
  });
});
