// The Lessons course in the page, in one browser: every step of every lesson opens with no
// console error (stepping with the arrow keys); a step link restores that step and its state in
// a fresh page, and the copy action gives that link; each challenge is ticked by doing what a
// student would do (move the MALA step until the acceptance is 50–80 %; train until the KL is
// below 1.5 nats); the 8-modes challenge stays open while the samples cover all 8 modes but
// p_θ's mode masses are off (its tick is unit-tested: src/lessons/lessons.test.ts). Screenshots of one step per lesson, normal
// and in presentation mode, go to test-results/screenshots/lessons-*.png. The tools of the
// course (slow motion, hover read-out, gradient field, term hover, predict-then-reveal) are
// exercised in the second block.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS, stepCount } from '../../src/lessons';
import { backendOf, iteration, toPixel, waitForIteration } from './app';
import { launchBrowser, openPage, SCREENSHOT_DIR, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const VIEW = { width: 1280, height: 720 };
const where = (page: Page) => page.locator('.lesson-where').textContent();
const challenge = (page: Page) => page.getByTestId('challenge');

async function waitForTitle(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('#lesson-step-title')?.textContent === t,
    text,
    { timeout },
  );
}

describe('lessons', () => {
  it('steps through every step of every lesson with the arrow keys, without an error', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm', { viewport: VIEW });
    expect(await backendOf(page)).toBe('wasm');
    await page.getByRole('button', { name: 'Lessons' }).click();
    await waitForTitle(page, LESSONS[0].steps[0].title);
    // The table of contents lists every lesson.
    await page.getByRole('button', { name: 'Contents' }).click();
    const toc = page.getByRole('navigation', { name: 'Lessons' });
    expect(await toc.locator('> ol > li').count()).toBe(LESSONS.length);
    await toc.getByRole('button', { name: LESSONS[0].steps[0].title }).click();
    let seen = 1;
    for (let l = 0; l < LESSONS.length; l++) {
      for (let s = 0; s < LESSONS[l].steps.length; s++) {
        if (l + s > 0) {
          await page.keyboard.press('ArrowRight');
          seen++;
        }
        await waitForTitle(page, LESSONS[l].steps[s].title);
        expect(await where(page)).toContain(`Lesson ${l + 1}`);
        // Every formula is typeset (KaTeX markup, no error box).
        if (LESSONS[l].steps[s].formula) await page.locator('.lesson-formula .katex').waitFor();
      }
    }
    expect(seen).toBe(stepCount());
    // The last step has no Next; ArrowLeft goes back.
    expect(await page.getByRole('button', { name: /Next step/ }).isDisabled()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    const last = LESSONS[LESSONS.length - 1];
    await waitForTitle(page, last.steps[last.steps.length - 2].title);
    // Lesson 9 ran the RBM with Gibbs: the engine took it without an error.
    expect(await page.getByTestId('sampler-select').inputValue()).toBe('gibbs');
    await page.waitForTimeout(1500);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a step link restores that step and its state in a fresh page; the copy action gives it', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm&lesson=8&step=2', {
      viewport: VIEW,
    });
    await waitForTitle(page, 'No regulariser');
    // Its state: α = 0 (the break), shown on the α slider.
    const alpha = page.getByRole('slider', { name: /Energy regulariser α/ });
    const broken = await alpha.getAttribute('aria-valuetext');
    expect(Number(broken)).toBe(0);
    await page.getByTestId('fix-it').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('input[type=range]')].some(
        (r) =>
          r.closest('.slider')?.textContent?.startsWith('Energy regulariser α') &&
          Number(r.getAttribute('aria-valuetext')) === 0.01,
      ),
    );
    await page.getByRole('button', { name: 'Copy link to this step' }).click();
    const link = await page.getByRole('textbox', { name: 'Link to this step' }).inputValue();
    expect(new URL(link).search).toBe('?lesson=8&step=2');
    // Embedded: no app chrome (header, charts), the step and the landscape only.
    await page.goto(link.replace('?', '?backend=wasm&') + '&embed=1');
    await waitForTitle(page, 'No regulariser');
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.getByTestId('landscape').isVisible()).toBe(true);
    // Presentation mode, on the step with the widest formula: nothing scrolls at 1280×720,
    // and only the step's controls show (the hidden-units slider, not the learning rate).
    await page.goto(
      link.replace('?', '?backend=wasm&').replace(/lesson=\d+&step=\d+/, 'lesson=9&step=3') +
        '&present=1',
    );
    await waitForTitle(page, 'Blocked Gibbs sampling');
    await page.locator('.lesson-formula .katex').waitFor();
    const overflow = await page.evaluate(() => {
      const f = document.querySelector('.lesson-formula')!;
      const d = document.documentElement;
      return [
        d.scrollHeight > d.clientHeight,
        d.scrollWidth > d.clientWidth,
        f.scrollWidth > f.clientWidth,
      ];
    });
    expect(overflow).toEqual([false, false, false]);
    expect(await page.getByRole('slider', { name: /^Hidden units/ }).isVisible()).toBe(true);
    expect(await page.getByRole('slider', { name: /^Learning rate/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('challenges tick themselves off when the student meets them', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm&lesson=4&step=5', {
      viewport: VIEW,
    });
    await waitForTitle(page, 'Challenge: accept 50–80 %');
    expect(await challenge(page).textContent()).toContain('Challenge');
    // Move the MALA step with the keyboard until the acceptance reads 50–80 %.
    const slider = page.getByRole('slider', { name: /^Step ε/ });
    const accept = async () =>
      Number((await page.getByTestId('accept-rate').textContent())?.replace('%', '')) / 100;
    for (let round = 0; round < 30; round++) {
      if ((await challenge(page).textContent())?.includes('Done')) break;
      await page.waitForTimeout(1200);
      const a = await accept();
      if (Number.isNaN(a) || (a >= 0.5 && a <= 0.8)) continue;
      await slider.focus();
      await page.keyboard.press(a > 0.8 ? 'PageUp' : 'ArrowLeft');
      if (a < 0.5) for (let k = 0; k < 29; k++) await page.keyboard.press('ArrowLeft');
    }
    await page.waitForFunction(
      () => document.querySelector('[data-testid=challenge]')?.textContent?.includes('Done'),
      undefined,
      { timeout: 10_000 },
    );
    const met = await accept();
    expect(met).toBeGreaterThanOrEqual(0.45); // the read-out moves on after the tick
    await screenshot(page, 'lessons-challenge-accept');
    // All 8 modes with their shares: covering the modes is no longer enough. Train until the
    // samples cover all 8; while a mode's model mass is off its data share by more than 0.05
    // (the table shows it), the challenge stays open.
    await page.goto(page.url().replace(/lesson=\d+&step=\d+/, 'lesson=7&step=4'));
    await waitForTitle(page, 'Challenge: all 8 modes, each with its share');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=metric-modes]')?.textContent?.trim() === '8 / 8',
      undefined,
      { timeout: 90_000 },
    );
    const worst = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('[data-testid=mode-mass-row]')].map((r) => {
          const [model, data] = [...r.querySelectorAll('td')]
            .slice(1, 3)
            .map((c) => parseFloat((c.textContent ?? '').replace(/[^\d.]/g, ''))); // '< 1 %' → 1
          return Math.abs(model - data) / 100;
        }),
      ),
    );
    const ticked = (await challenge(page).textContent())?.includes('Done');
    console.log(`8 modes covered; worst mode-mass error ${worst.toFixed(3)}; ticked: ${ticked}`);
    if (worst > 0.06) expect(ticked).toBe(false);
    await page.getByRole('button', { name: /Next step/ }).click();
    await waitForTitle(page, 'Challenge: KL below 1.5');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=challenge]')?.textContent?.includes('Done'),
      undefined,
      { timeout: 90_000 },
    );
    // Progress is kept: a reload shows the ticks in the table of contents.
    await page.reload();
    await waitForTitle(page, 'Challenge: all 8 modes, each with its share');
    await page.getByRole('button', { name: 'Contents' }).click();
    expect(await page.getByLabel('challenge met').count()).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});

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
