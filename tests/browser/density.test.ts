// The density read-outs in real Chromium (wasm backend): the exported metrics improve with
// training on the default preset (8 gaussians), all 8 modes are covered, and the four colour
// views and the three-panel comparison render. About a minute of training.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, exportDoc, waitForIteration } from './app';
import { launchBrowser, openPage, screenshot } from './harness';

type Metrics = Record<string, number | null>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function metricsOf(page: Page): Promise<Metrics> {
  const doc = (await exportDoc(page)) as unknown as { metrics?: Metrics };
  return doc.metrics ?? {};
}

const num = (m: Metrics, k: string): number => m[k] ?? NaN;

/** Share of a canvas's pixels darker than the light end of the colour ramp. */
async function darkShare(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 400) dark++;
    return dark / (d.length / 4);
  });
}

describe('density metrics and views', () => {
  it('NLL and KL fall with training, 8/8 modes are covered, the views render', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm', {
      viewport: { width: 1280, height: 900 },
    });
    expect(await backendOf(page)).toBe('wasm');
    // The first metrics arrive with the first frames: the model is still its random init.
    await page.waitForFunction(
      () => {
        const t = document.querySelector('[data-testid=logz]')?.textContent ?? '—';
        return t !== '—' && Number.isFinite(Number(t));
      },
      undefined,
      { timeout: 60_000 },
    );
    const early = await metricsOf(page);
    expect(num(early, 'iteration')).toBeLessThan(60);
    for (const k of ['logZ', 'nll', 'kl', 'slicedW', 'bandwidth'])
      expect(Number.isFinite(num(early, k)), k).toBe(true);

    await waitForIteration(page, 350, 150_000);
    // The model's mode weights wander from update to update: judge the best of three.
    const late: Metrics[] = [];
    for (let k = 0; k < 3; k++) {
      late.push(await metricsOf(page));
      await page.waitForTimeout(1200);
    }
    const best = (k: string) => Math.min(...late.map((m) => num(m, k)));
    expect(best('nll')).toBeLessThan(num(early, 'nll') - 0.3);
    expect(best('kl')).toBeLessThan(num(early, 'kl') - 0.3);
    expect(best('slicedW')).toBeLessThan(num(early, 'slicedW'));
    expect(Math.max(...late.map((m) => num(m, 'modesCovered')))).toBe(8);
    expect(num(late[2], 'modesTotal')).toBe(8);
    expect(num(late[2], 'metricsMs')).toBeLessThan(200);
    console.log(
      `density.test: iteration ${num(early, 'iteration')} → ${num(late[2], 'iteration')}: ` +
        `NLL ${num(early, 'nll').toFixed(2)} → ${best('nll').toFixed(2)}, ` +
        `KL ${num(early, 'kl').toFixed(2)} → ${best('kl').toFixed(2)}, ` +
        `SW ${num(early, 'slicedW').toFixed(3)} → ${best('slicedW').toFixed(3)}, ` +
        `log Z ${num(late[2], 'logZ').toFixed(2)}, metrics ${num(late[2], 'metricsMs').toFixed(1)} ms`,
    );

    // The four colourings: each has its own colour key; the panels are drawn.
    await page.getByRole('button', { name: /Pause/ }).first().click();
    const keys = new Set<string>();
    for (const name of ['Energy E', 'exp(−βE)', 'Density pθ', 'log pθ']) {
      await page.getByRole('radio', { name }).click();
      await expect
        .poll(() => page.getByRole('radio', { name }).getAttribute('aria-checked'))
        .toBe('true');
      keys.add((await page.getByTestId('colour-key').textContent()) ?? '');
    }
    expect(keys.size).toBe(4);
    await screenshot(page, 'density-logdensity-view');
    await page.getByRole('radio', { name: 'Density pθ' }).click();
    await page.locator('.density-section').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    for (const id of ['panel-dataKde', 'panel-modelDensity', 'panel-sampleKde'])
      expect(await darkShare(page, id), id).toBeGreaterThan(0.005);
    await screenshot(page, 'density-views');

    // The export shows the truth: p_θ normalised on its grid, mass per mode, KL's floor.
    type Truth = {
      modelDensity: { size: number; box: { min: number; max: number }; logDensity: number[] };
      modeMass: { modelMass: number; dataShare: number; chainShare: number }[];
      metrics: Metrics;
    };
    const truth = (await exportDoc(page)) as unknown as Truth;
    const { size, box, logDensity } = truth.modelDensity;
    expect(logDensity.length).toBe(size * size);
    const h2 = ((box.max - box.min) / size) ** 2;
    const total = logDensity.reduce((a, v) => a + (v === null ? 0 : Math.exp(v) * h2), 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-3);
    expect(truth.modeMass).toHaveLength(8);
    const massSum = truth.modeMass.reduce((a, m) => a + m.modelMass, 0);
    expect(Math.abs(massSum - 1)).toBeLessThan(1e-6);
    expect(num(truth.metrics, 'klFloor')).toBeGreaterThan(0);
    expect(num(truth.metrics, 'klFloor')).toBeLessThan(num(truth.metrics, 'kl') + 0.05);
    expect(await page.getByTestId('metric-kl').textContent()).toMatch(/floor/);
    expect(await page.getByTestId('mode-mass-row').count()).toBe(8);
    console.log(
      `density.test: KL ${num(truth.metrics, 'kl').toFixed(3)} (floor ${num(truth.metrics, 'klFloor').toFixed(3)}), ` +
        `model mass per mode ${truth.modeMass.map((m) => m.modelMass.toFixed(2)).join('/')}, ` +
        `health: ${(await page.getByTestId('health').textContent())?.slice(0, 80)}`,
    );

    // Objectives switch live: exact ML shows its formula and training goes on with it.
    await page.getByTestId('objective-select').selectOption('exactMl');
    await expect.poll(() => page.getByTestId('objective-formula').textContent()).toMatch(/log Z/);
    await page.getByRole('button', { name: /Play/ }).first().click();
    const at = num(await metricsOf(page), 'iteration');
    await waitForIteration(page, at + 20, 60_000);
    const after = await metricsOf(page);
    expect(Number.isFinite(num(after, 'kl'))).toBe(true);

    // The compare view: an exact-ML reference trains beside persistent CD from the run's
    // weights; both KLs are shown, and the reference's density is drawn.
    await page.getByTestId('objective-select').selectOption('persistentCd');
    await page.getByTestId('compare-toggle').check();
    const klOf = async (id: string) => Number(await page.getByTestId(id).textContent());
    await expect.poll(() => klOf('compare-kl-ref'), { timeout: 60_000 }).toBeGreaterThan(0);
    const first = { run: await klOf('compare-kl-run'), ref: await klOf('compare-kl-ref') };
    const iter0 = num(await metricsOf(page), 'iteration');
    await waitForIteration(page, iter0 + 100, 120_000);
    const ref = await klOf('compare-kl-ref');
    expect(Number.isFinite(ref) && Number.isFinite(await klOf('compare-kl-run'))).toBe(true);
    expect(await darkShare(page, 'panel-reference')).toBeGreaterThan(0.005);
    console.log(
      `density.test: compare view, KL run ${first.run} → ${await klOf('compare-kl-run')}, ` +
        `exact-ML reference ${first.ref} → ${ref}`,
    );
    await screenshot(page, 'density-compare');
    expect(errors).toEqual([]);
    await context.close();
  });
});
