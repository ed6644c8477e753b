// Every sampler and the RBM, selected in the page, produce samples near the data. One MLP is
// trained once (Langevin negatives, two clusters, 512 chains) and then frozen in sample
// mode, where each sampler restarts the chains uniformly and must bring them to the
// clusters; then an RBM is trained with Gibbs negatives and sampled with Gibbs.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, exportDoc, nearShare, toPixel, waitForIteration } from './app';
import { launchBrowser, openPage, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const CLUSTERS: [number, number][] = [
  [-2, -2],
  [2, 2],
];

/** Clear the data, click 12 points around each cluster centre, use 512 chains, retrain. */
async function twoClusters(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Clear points/ }).click();
  for (const [cx, cy] of CLUSTERS) {
    for (let k = 0; k < 12; k++) {
      const a = (2 * Math.PI * k) / 12;
      const r = 0.15 + 0.1 * (k % 3);
      const p = await toPixel(page, cx + r * Math.cos(a), cy + r * Math.sin(a));
      await page.mouse.click(p.x, p.y);
    }
  }
  await page.locator('#chains').selectOption('512');
  await page.getByRole('button', { name: /Reset model/ }).click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=iteration]')?.textContent) < 5,
  );
}

const sampleSteps = (page: Page) => page.getByTestId('sample-steps').textContent().then(Number);

/** Wait until the current sampling run has made at least n transitions. */
async function waitForSteps(page: Page, n: number, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    (min) => Number(document.querySelector('[data-testid=sample-steps]')?.textContent) >= min,
    n,
    { timeout },
  );
}

/** Shares of the exported samples within radius 1 of each cluster centre. */
async function clusterShares(page: Page): Promise<number[]> {
  const doc = await exportDoc(page);
  expect(doc.samples.length).toBe(512);
  return CLUSTERS.map(([x, y]) => nearShare(doc.samples, x, y, 1));
}

describe('samplers in the page', () => {
  it('MLP trained once; Langevin, MALA, MH and HMC each bring fresh chains to both clusters', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm', {
      viewport: { width: 1280, height: 900 },
    });
    expect(await backendOf(page)).toBe('wasm');
    // Gibbs is never offered for the MLP.
    const offered = await page.getByTestId('sampler-select').locator('option').allTextContents();
    expect(offered.join()).not.toMatch(/Gibbs/);
    await twoClusters(page);
    await waitForIteration(page, 300, 150_000);

    await page.getByRole('radio', { name: 'Sample' }).click();
    await page.getByText('● sampling').waitFor();
    for (const sampler of ['langevin', 'mala', 'mh', 'hmc'] as const) {
      await page.getByTestId('sampler-select').selectOption(sampler);
      // A sampler switch restarts the chains: the step count starts again from zero.
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid=sample-steps]')?.textContent) < 20,
      );
      await waitForSteps(page, sampler === 'hmc' ? 80 : 150);
      const shares = await clusterShares(page);
      const accept = (await page.getByTestId('accept-rate').textContent()) ?? '';
      const distance = await page.getByTestId('sample-distance').textContent();
      const line = `${sampler}: shares ${shares.map((v) => v.toFixed(2))} accept ${accept} W1 ${distance}`;
      console.info(line);
      if (sampler === 'langevin') expect(accept).toBe('always');
      else expect(accept).toMatch(/^\d+ %$/);
      shares.forEach((v) => expect(v, line).toBeGreaterThan(0.3));
      expect(shares[0] + shares[1], line).toBeGreaterThan(0.8);
      if (sampler === 'hmc') await screenshot(page, 'samplers-hmc-trails');
    }

    // Probe: paused, a click starts 16 chains exactly there and adds no data point.
    await page.getByRole('button', { name: /Pause/ }).click();
    await page.getByText('❚❚ paused').waitFor();
    const before = (await exportDoc(page)).points.length;
    const p = await toPixel(page, 0.5, -1);
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(500); // the probe's frame arrives
    const doc = await exportDoc(page);
    expect(doc.points.length).toBe(before);
    const probed = doc.samples.slice(0, 16);
    probed.forEach(([x, y]) => {
      expect(Math.abs(x - 0.5)).toBeLessThan(0.05);
      expect(Math.abs(y + 1)).toBeLessThan(0.05);
    });
    await page.getByRole('button', { name: /Play/ }).click();
    const s0 = await sampleSteps(page);
    await waitForSteps(page, s0 + 30);
    await screenshot(page, 'samplers-probe-hmc');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('RBM trained with Gibbs negatives, then sampled with Gibbs, covers both clusters', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm', {
      viewport: { width: 1280, height: 900 },
    });
    await backendOf(page);
    await page.getByRole('radio', { name: 'RBM' }).click();
    await page.getByTestId('sampler-select').selectOption('gibbs');
    await twoClusters(page);
    await waitForIteration(page, 250, 120_000);
    const trained = await clusterShares(page);
    await page.getByRole('radio', { name: 'Sample' }).click();
    await waitForSteps(page, 60);
    const sampled = await clusterShares(page);
    console.info(`RBM + Gibbs: trained ${trained.map((s) => s.toFixed(2))}, sampled ${sampled}`);
    // PCD chains keep the clusters' shares of their starts; fresh Gibbs chains show the
    // model's own weights, which need not be even after a short training: ask for both.
    [...trained, ...sampled].forEach((s) => expect(s).toBeGreaterThan(0.15));
    expect(trained[0] + trained[1]).toBeGreaterThan(0.6);
    expect(sampled[0] + sampled[1]).toBeGreaterThan(0.6);
    expect(await page.getByTestId('accept-rate').textContent()).toBe('always');
    await screenshot(page, 'samplers-rbm-gibbs');
    // Back to the MLP: Gibbs does not apply, so the sampler falls back to Langevin.
    await page.getByRole('radio', { name: 'MLP' }).click();
    await expect.poll(() => page.getByTestId('sampler-select').inputValue()).toBe('langevin');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('underdamped Langevin, added through the registry, is offered and trains the 8 gaussians', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    expect(await backendOf(page)).toBe('wasm');
    await page.getByTestId('sampler-select').selectOption('underdamped');
    // Its own parameters, from its registry row, replace the Langevin step.
    await page.getByText('Friction γ', { exact: true }).waitFor();
    expect(await page.getByText('Step ε', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Reset' }).click(); // a fresh model, trained by it
    await waitForIteration(page, 5);
    await waitForIteration(page, 600, 240_000);
    const doc = await exportDoc(page);
    expect(doc.settings.sampler).toBe('underdamped');
    const shares = Array.from({ length: 8 }, (_, k) => {
      const t = (2 * Math.PI * k) / 8;
      return nearShare(doc.samples, 2.5 * Math.cos(t), 2.5 * Math.sin(t), 0.75);
    });
    console.info(`underdamped, 8 gaussians: shares ${shares.map((v) => v.toFixed(2)).join(',')}`);
    await screenshot(page, 'underdamped-8gaussians');
    shares.forEach((v) => expect(v).toBeGreaterThan(0.03));
    expect(errors).toEqual([]);
    await context.close();
  });
});
