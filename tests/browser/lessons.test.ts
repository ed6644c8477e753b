// The Lessons course in the page, in one browser: every step of every lesson opens with no
// console error (stepping with the arrow keys); a step link restores that step and its state in
// a fresh page, and the copy action gives that link; each challenge is ticked by doing what a
// student would do (move the MALA step until the acceptance is 50–80 %; train until the KL is
// below 1.5 nats); the 8-modes challenge stays open while the samples cover all 8 modes but
// p_θ's mode masses are off (its tick is unit-tested: src/lessons/lessons.test.ts). Screenshots of one step per lesson, normal
// and in presentation mode, go to test-results/screenshots/lessons-*.png. The course's tools
// (slow motion, hover read-out, gradient field, term hover, predict-then-reveal) are tested in
// lessonTools.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS, stepCount, stepPanels } from '../../src/lessons';
import { backendOf } from './app';
import { launchBrowser, openPage, screenshot } from './harness';

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
    // The last lesson's sampler is in force: the engine took every lesson without an error.
    expect(await page.getByTestId('sampler-select').inputValue()).toBe(
      last.setup.settings?.sampler,
    );
    await page.waitForTimeout(1500);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('presentation: every step fits 1280×720 with no scrollbar and shows only the panels it names', async () => {
    const { page, context, errors } = await openPage(
      browser,
      '/?backend=wasm&lesson=1&step=1&present=1',
      { viewport: VIEW },
    );
    for (let l = 0; l < LESSONS.length; l++) {
      for (let s = 0; s < LESSONS[l].steps.length; s++) {
        const step = LESSONS[l].steps[s];
        if (l + s > 0) await page.keyboard.press('ArrowRight');
        await waitForTitle(page, step.title);
        if (step.formula) await page.locator('.lesson-formula .katex').waitFor();
        const seen = await page.evaluate(() => {
          const d = document.documentElement;
          const p = document.querySelector('.lesson-panel')!;
          const shown = [...document.querySelectorAll<HTMLElement>('[data-panel]')]
            .filter((e) => !e.hidden)
            .map((e) => e.dataset.panel)
            .sort();
          return {
            page: d.scrollHeight > d.clientHeight || d.scrollWidth > d.clientWidth,
            panel: p.scrollHeight > p.clientHeight,
            shown,
          };
        });
        const at = `${l + 1}.${s + 1}`;
        // A step with no panel gives the plot the panels' column (it was 306 px at 1.2).
        if (stepPanels(step).length === 0 && !step.controls?.length)
          await expect
            .poll(async () => (await page.getByTestId('landscape').boundingBox())!.width, {
              message: at,
            })
            .toBeGreaterThan(380);
        expect(seen, at).toEqual({
          page: false,
          panel: false,
          shown: stepPanels(step).sort(),
        });
      }
    }
    // Lesson 10's panels are really on screen, not only unhidden.
    expect(await page.getByRole('region', { name: 'Recover coordinates' }).isVisible()).toBe(true);
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
    await page.goto(page.url().replace(/lesson=\d+&step=\d+/, 'lesson=7&step=5'));
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
  it('the 8-modes challenge ticks when the student restarts chains from the model and uses MALA', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm&lesson=7&step=5', {
      viewport: VIEW,
    });
    await waitForTitle(page, 'Challenge: all 8 modes, each with its share');
    expect(await backendOf(page)).toBe('wasm');
    const t0 = Date.now();
    // What the step's todo says: restart from the model's density, MALA, then once every mode
    // holds samples the learning rate down about thirtyfold (1e-2 → 3.2e-4, six PageDowns on its
    // log slider): at 1.8e-3 the masses still swing ±0.2 around the ring and tick only in
    // passing; at 3e-4 they settle within about ±0.05.
    await page.getByTestId('reinit-select').selectOption('model');
    await page.getByTestId('sampler-select').selectOption('mala');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=metric-modes]')?.textContent?.trim() === '8 / 8',
      undefined,
      { timeout: 60_000 },
    );
    const lr = page.getByRole('slider', { name: /^Learning rate/ });
    await lr.focus();
    for (let k = 0; k < 6; k++) await page.keyboard.press('PageDown');
    // The moment it ticks, the table on screen must agree: every mode within ±0.05 of its
    // share (+0.01 for the table's whole-percent rounding) and KL below 1 nat.
    const at = await page.waitForFunction(
      () => {
        if (!document.querySelector('[data-testid=challenge]')?.textContent?.includes('Done')) {
          return false;
        }
        const rows = [...document.querySelectorAll('[data-testid=mode-mass-row]')].map((r) =>
          [...r.querySelectorAll('td')]
            .slice(1, 3)
            .map((c) => parseFloat((c.textContent ?? '').replace(/[^\d.]/g, '')) / 100),
        );
        return {
          worst: Math.max(...rows.map(([m, d]) => Math.abs(m - d))),
          kl: parseFloat(document.querySelector('[data-testid=metric-kl]')?.textContent ?? ''),
          iteration: Number(document.querySelector('[data-testid=iteration]')?.textContent),
        };
      },
      undefined,
      { timeout: 90_000, polling: 'raf' },
    );
    const met = (await at.jsonValue()) as { worst: number; kl: number; iteration: number };
    console.log(
      `8 modes ticked after ${((Date.now() - t0) / 1000).toFixed(0)} s, iteration ` +
        `${met.iteration} (lr ${await lr.getAttribute('aria-valuetext')}): worst mode-mass ` +
        `error ${met.worst.toFixed(3)}, KL ${met.kl}`,
    );
    expect(met.worst).toBeLessThanOrEqual(0.06);
    expect(met.kl).toBeLessThan(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
