// The course's tools in the page, in one browser: one iteration in slow motion runs its three
// phases and changes the parameters once (phase 3); the hover read-out agrees with the frame
// on screen (E between the four cell centres around the cursor, p = exp(−E)/Z with Z on the
// grid); the −∇E field toggle and a hovered formula term change the picture; a predict-then-
// reveal sketch gets the score the frame gives. Screenshots (the screen, not the whole page)
// go to test-results/screenshots/lessons-*.png.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, iteration, toPixel, waitForIteration } from './app';
import { launchBrowser, openPage, SCREENSHOT_DIR } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const VIEW = { width: 1280, height: 720 };

async function waitForTitle(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('#lesson-step-title')?.textContent === t,
    text,
    { timeout },
  );
}

/** What the screen shows (1280×720, not the whole page) at test-results/screenshots/NAME.png. */
async function view(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/** The canvas as a data URL: equal strings mean the picture did not change. */
const picture = (page: Page) =>
  page.evaluate(() =>
    (document.querySelector('[data-testid=landscape]') as HTMLCanvasElement).toDataURL(),
  );
const weights = (page: Page) =>
  page.evaluate(async () => (await window.__ebmTest!.report()).weights.flat());
const maxDiff = (a: number[], b: number[]) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('lesson tools', () => {
  it('runs one iteration in slow motion: three phases, the parameters change once', async () => {
    // Tall enough to show the plot and the slow-motion panel under it in one screenshot.
    const { page, context, errors } = await openPage(browser, '/?backend=wasm&lesson=6&step=2', {
      viewport: { width: 1280, height: 1150 },
    });
    await waitForTitle(page, 'Phase 1: synthesis — draw negatives');
    expect(await backendOf(page)).toBe('wasm');
    await page.waitForFunction(() => window.__ebmTest?.frame() != null);
    await page.waitForFunction(() => document.querySelector('[aria-label^="Play"]') !== null);
    const w0 = await weights(page);
    const it0 = await iteration(page);
    const button = page.locator('.lesson-step').getByTestId('slow-step');
    const panel = page.getByTestId('slow-panel');
    const phase = (n: number) =>
      page.waitForFunction(
        (k) =>
          document.querySelector('[data-testid=slow-panel]')?.getAttribute('data-phase') ===
          String(k),
        n,
        { timeout: 20_000 },
      );
    const t0 = Date.now();
    await button.click();
    await phase(1);
    expect(await panel.textContent()).toMatch(/\d+ chains ran K = 20 sampler steps/);
    // The formula's expectation term is the highlighted part.
    const lit = await page.evaluate(() =>
      [...document.querySelectorAll('.slow-panel .sm-p1')].map(
        (e) => getComputedStyle(e).backgroundColor,
      ),
    );
    expect(lit.length).toBeGreaterThan(0);
    expect(lit.every((c) => c !== 'rgba(0, 0, 0, 0)')).toBe(true);
    expect(maxDiff(await weights(page), w0)).toBe(0);
    await button.click();
    await phase(2);
    const push = (await page.getByTestId('slow-push').textContent()) ?? '';
    const [down, up] = [
      ...push.matchAll(/ΔE = (-?[\d.e+-]+)|and (-?[\d.e+-]+) at the negatives/g),
    ].map((m) => Number(m[1] ?? m[2]));
    expect(down).toBeLessThan(0);
    expect(up).toBeGreaterThan(down);
    expect(maxDiff(await weights(page), w0)).toBe(0);
    await view(page, 'lessons-slow-phase2');
    await button.click();
    await phase(3);
    for (const k of ['before', 'after', 'change'])
      expect(await page.getByTestId(`slow-map-${k}`).isVisible()).toBe(true);
    const moved = maxDiff(await weights(page), w0);
    expect(moved).toBeGreaterThan(0);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=iteration]')?.textContent) === n + 1,
      it0,
    );
    console.log(
      `slow motion: 3 phases in ${Date.now() - t0} ms; max |Δθ| = ${moved.toExponential(2)}`,
    );
    await view(page, 'lessons-slow-phase3');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hover read-out matches the frame; the gradient field and a hovered term draw', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm&lesson=6&step=1', {
      viewport: VIEW,
    });
    await waitForTitle(page, 'The gradient has two terms');
    await waitForIteration(page, 5);
    await page.getByRole('button', { name: /^Pause/ }).click();
    await page.waitForFunction(() => document.querySelector('[aria-label^="Play"]') !== null);
    const at = await toPixel(page, 1.3, -0.7);
    await page.mouse.move(at.x, at.y);
    const readout = page.getByTestId('hover-readout');
    await readout.waitFor();
    await page.waitForTimeout(300); // a frame still in flight after Pause may land
    await page.mouse.move(at.x + 1, at.y);
    const frame = (await page.evaluate(() => window.__ebmTest!.frame()))!;
    // The page does not shift under the pointer while it trains (the header once grew by 4 px).
    const still = await toPixel(page, 1.3, -0.7);
    expect(still).toEqual(at);
    const v = await readout.evaluate((el) => ({
      x: Number(el.getAttribute('data-x')),
      y: Number(el.getAttribute('data-y')),
      e: Number(el.getAttribute('data-energy')),
      p: Number(el.getAttribute('data-density')),
    }));
    expect(Math.abs(v.x - 1.3)).toBeLessThan(0.05);
    expect(Math.abs(v.y + 0.7)).toBeLessThan(0.05);
    // E lies between the four cell centres around the cursor; p = exp(−E)/Z with Z on the grid.
    const G = frame.gridSize;
    const h = 8 / G;
    const i = Math.floor((v.x + 4) / h - 0.5);
    const j = Math.floor((v.y + 4) / h - 0.5);
    const four = [
      frame.grid[j * G + i],
      frame.grid[j * G + i + 1],
      frame.grid[(j + 1) * G + i],
      frame.grid[(j + 1) * G + i + 1],
    ];
    expect(v.e).toBeGreaterThanOrEqual(Math.min(...four) - 1e-5);
    expect(v.e).toBeLessThanOrEqual(Math.max(...four) + 1e-5);
    const m = Math.min(...frame.grid);
    const logZ = -m + Math.log(frame.grid.reduce((s, e) => s + Math.exp(-(e - m)), 0) * h * h);
    expect(Math.abs(Math.log(v.p) - (-v.e - logZ))).toBeLessThan(1e-3);
    expect(await readout.textContent()).toContain('E(x)');
    await view(page, 'lessons-hover');
    // The −∇E field toggles with the other layers and changes the picture.
    await page.mouse.move(0, 0);
    const plain = await picture(page);
    await page.getByRole('checkbox', { name: '−∇E field' }).check();
    await page.waitForFunction(
      (before) =>
        (document.querySelector('[data-testid=landscape]') as HTMLCanvasElement).toDataURL() !==
        before,
      plain,
    );
    await view(page, 'lessons-gradient-field');
    await page.getByRole('checkbox', { name: '−∇E field' }).uncheck();
    await page.waitForFunction(
      (before) =>
        (document.querySelector('[data-testid=landscape]') as HTMLCanvasElement).toDataURL() ===
        before,
      plain,
    );
    // Hovering (or focusing) a coloured term lights up its things on the plot.
    for (const name of ['samples', 'data points']) {
      await page.locator('.term-chips').getByRole('button', { name }).focus();
      await page.waitForFunction(
        (before) =>
          (document.querySelector('[data-testid=landscape]') as HTMLCanvasElement).toDataURL() !==
          before,
        plain,
      );
      await page.locator('.term-chips').getByRole('button', { name }).blur();
    }
    await page.locator('.lesson-formula .term-samp').first().hover();
    await page.waitForFunction(
      (before) =>
        (document.querySelector('[data-testid=landscape]') as HTMLCanvasElement).toDataURL() !==
        before,
      plain,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('predict, then reveal: the sketch is scored by the share of p_θ mass under it', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm&lesson=1&step=1', {
      viewport: VIEW,
    });
    await waitForTitle(page, 'An energy for every point');
    expect(await backendOf(page)).toBe('wasm');
    const predict = page.getByTestId('predict');
    await predict.waitFor();
    const reveal = page.getByTestId('reveal');
    expect(await reveal.isDisabled()).toBe(true);
    // Brush a ring through the 8 modes (radius 2 about the origin), as a student would.
    const start = await toPixel(page, 2, 0);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let k = 1; k <= 48; k++) {
      const a = (2 * Math.PI * k) / 48;
      const p = await toPixel(page, 2 * Math.cos(a), 2 * Math.sin(a));
      await page.mouse.move(p.x, p.y, { steps: 2 });
    }
    await page.mouse.up();
    expect(await reveal.isDisabled()).toBe(false);
    await predict.getByRole('button', { name: /Play/ }).click();
    await waitForIteration(page, 40);
    // Pause and let the last frame land, so the score and the check below read the same frame.
    await page.getByRole('button', { name: /^Pause/ }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[aria-label^="Play"]') !== null &&
        window.__ebmTest?.frame()?.iteration ===
          Number(document.querySelector('[data-testid=iteration]')?.textContent),
    );
    // Paused, no rate is claimed (once the engine's status says so: a message away).
    await expect.poll(() => page.getByTestId('rate').textContent()).toBe('– it/s');
    await reveal.click();
    const frame = (await page.evaluate(() => window.__ebmTest!.frame()))!;
    const text = (await page.getByTestId('predict-score').textContent()) ?? '';
    const [mass, area] = [...text.matchAll(/(\d+) %/g)].map((m) => Number(m[1]));
    // The same score computed here from the frame: p_θ's mass within the brushed ring
    // (|r − 2| ≤ brush radius 0.35; the page's mask is 32² cells, so a few points apart).
    const G = frame.gridSize;
    const h = 8 / G;
    const m = Math.min(...frame.grid);
    let all = 0;
    let ring = 0;
    for (let j = 0; j < G; j++)
      for (let i = 0; i < G; i++) {
        const w = Math.exp(-(frame.grid[j * G + i] - m));
        all += w;
        if (Math.abs(Math.hypot(-4 + (i + 0.5) * h, -4 + (j + 0.5) * h) - 2) <= 0.35) ring += w;
      }
    console.log(
      `predict: sketch holds ${mass} % of p_θ on ${area} % of the box (ring here: ${((100 * ring) / all).toFixed(1)} %) at iteration ${frame.iteration}`,
    );
    expect(Math.abs(mass - (100 * ring) / all)).toBeLessThan(8);
    expect(Math.abs(area - (100 * Math.PI * 2 * 2 * 0.7) / 64)).toBeLessThan(4);
    expect(await page.getByRole('radio', { name: /Density p/ }).getAttribute('aria-checked')).toBe(
      'true',
    );
    await view(page, 'lessons-predict');
    expect(errors).toEqual([]);
    await context.close();
  });
});
