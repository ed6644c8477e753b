// The fused Langevin step (src/ebm/fused/langevinGl.ts: forward, input gradient, update and
// reflection in ONE WebGL program per step) against the tfjs-ops path, on SwiftShader: the
// same model, starts and noise, 100 steps, positions equal within 1e-4. The ops path runs on
// the cpu backend (float32 too): on SwiftShader its ~50 WebGL shaders take minutes to compile
// on this loaded machine; the bench compares against webgl ops as well. Drives the test
// build's hook (window.__ebmTest.fusedCheck, worker/fusedCheck.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EbmTestHook } from '../../src/state/testHook';
import { backendOf, iteration, waitForIteration } from './app';
import { baseUrl, launchBrowser, openPage } from './harness';

/**
 * The tab says it is hidden from the start, so the engine pauses before its first training
 * chunk (hiddenTab.ts): on SwiftShader that chunk compiles ~100 shaders, minutes under load.
 */
async function hiddenTab(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'visibilityState', { get: () => 'hidden' });
    document.addEventListener('DOMContentLoaded', () =>
      document.dispatchEvent(new Event('visibilitychange')),
    );
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('fused Langevin step', () => {
  it('matches the tfjs-ops path within 1e-4 after 100 steps (webgl, SwiftShader)', async () => {
    const { page, context, errors } = await openPage(browser, 'about:blank');
    await hiddenTab(page);
    await page.goto(baseUrl() + '/?backend=webgl');
    expect(await backendOf(page)).toBe('webgl');
    const r = await page.evaluate(() =>
      (window as unknown as { __ebmTest: EbmTestHook }).__ebmTest.fusedCheck(),
    );
    console.log(
      `[fused] ${r.backend} vs ops on ${r.reference}: max |Δx| ${r.maxDiff.toExponential(2)} after ${r.steps} steps of ` +
        `${r.chains} chains; ops ${r.msOps.toFixed(0)} ms, fused ${r.msFused.toFixed(0)} ms`,
    );
    expect(r.backend).toBe('webgl');
    expect(r.fusedRan).toBe(true);
    expect(r.maxDiff).toBeLessThan(1e-4);
    expect(errors).toEqual([]);
    await context.close();
  });
});

const pathOf = async (page: Page) => {
  await page.getByTestId('langevin-path').waitFor({ timeout: 120_000 });
  return (await page.getByTestId('langevin-path').textContent()) ?? '';
};
const timingsOf = async (page: Page) =>
  (await page.getByTestId('autotune-timings').textContent()) ?? '';

describe('Langevin path choice (autotuner, ?langevin=)', () => {
  it('auto measures within 300 ms, caches per device, and re-measures on request', async () => {
    const { page, context, errors } = await openPage(browser, '/');
    await backendOf(page);
    const chosen = await pathOf(page);
    const text = await timingsOf(page);
    console.log(`[autotune] ${chosen}: ${text}`);
    const ms = Number(/measured in (\d+) ms/.exec(text)?.[1]);
    expect(ms).toBeLessThan(300);
    // The next visit on this device uses the cached choice.
    await page.reload();
    await backendOf(page);
    expect(await pathOf(page)).toBe(chosen);
    expect(await timingsOf(page)).toContain('earlier visit');
    await page.getByRole('button', { name: 're-measure' }).click();
    await page.waitForFunction(() =>
      /measured in/.test(
        document.querySelector('[data-testid=autotune-timings]')?.textContent ?? '',
      ),
    );
    await waitForIteration(page, (await iteration(page)) + 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('?langevin=ops runs the ops path and trains', async () => {
    const { page, context, errors } = await openPage(browser, '/?langevin=ops');
    await backendOf(page);
    expect(await pathOf(page)).toMatch(/ ops$/);
    expect(await timingsOf(page)).toContain('forced');
    await waitForIteration(page, 3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('?langevin=fused runs the fused program on webgl', async () => {
    const { page, context, errors } = await openPage(browser, 'about:blank');
    await hiddenTab(page); // no training: its webgl shaders take minutes to compile here
    await page.goto(baseUrl() + '/?langevin=fused');
    expect(await backendOf(page)).toBe('webgl');
    expect(await pathOf(page)).toBe('webgl fused');
    expect(errors).toEqual([]);
    await context.close();
  });
});
