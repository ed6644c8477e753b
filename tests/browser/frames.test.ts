// Smooth frames (issue 13, item 5): while training on wasm, frames with new samples arrive
// many times a second (a samples frame after every ~30 ms chunk) while the 128² energy grid
// is refreshed only a few times a second; credits still hold at most 3 frames in flight and no
// frame carries a non-finite value. Rates are counted by the page's own counters over windows
// timed in the page; the best window is the "quiet moment" (the machine is shared).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EbmTestHook } from '../../src/state/testHook';
import { backendOf, waitForIteration } from './app';
import { launchBrowser, openPage } from './harness';

/** The target, met in a quiet moment on this 2-core machine when iterations are fast. */
const SAMPLE_FRAMES_PER_S = 30;
/**
 * When the machine is too busy for that (other sessions share the 2 cores, iterations slow
 * down), the honest bound: frames still come more often than iterations (samples between
 * sampler pieces), where a frame per grid evaluation gave fewer (≤ 1). A window passes when
 * frames/s ≥ min(SAMPLE_FRAMES_PER_S, FRAMES_PER_ITERATION × iterations/s): at 25 it/s and
 * above that is the target itself, below it 20 % more frames than iterations.
 */
const FRAMES_PER_ITERATION = 1.2;
const WINDOW_MS = 2000;
const WINDOWS = 6;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface Rates {
  frames: number;
  grids: number;
  acks: number;
  iters: number;
}

/** Frames received, grid frames among them, and acks (frames drawn) per second over ms. */
const rates = (page: Page, ms: number): Promise<Rates> =>
  page.evaluate(
    (ms) =>
      new Promise<Rates>((done) => {
        const hook = (window as unknown as { __ebmTest: EbmTestHook }).__ebmTest;
        const iteration = () =>
          Number(document.querySelector('[data-testid=iteration]')?.textContent);
        const a = hook.counters();
        const i0 = iteration();
        const t0 = performance.now();
        const tick = () => {
          const t = performance.now() - t0;
          if (t < ms) return void requestAnimationFrame(tick);
          const b = hook.counters();
          const frames = b.framesReceived - a.framesReceived;
          const grids = frames - (b.samplesFrames - a.samplesFrames);
          const per = 1000 / t;
          const acks = (b.acksSent - a.acksSent) * per;
          done({ frames: frames * per, grids: grids * per, acks, iters: (iteration() - i0) * per });
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );

describe('smooth frames', () => {
  it('training on wasm: samples frames many times a second, the grid a few times', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    expect(await backendOf(page)).toBe('wasm');
    await waitForIteration(page, 5);
    const seen: Rates[] = [];
    for (let k = 0; k < WINDOWS; k++) {
      seen.push(await rates(page, WINDOW_MS));
      if (seen.at(-1)!.frames >= SAMPLE_FRAMES_PER_S) break; // the target: no need to wait longer
    }
    const best = seen.reduce((a, b) => (b.frames > a.frames ? b : a));
    const fmt = (r: Rates) =>
      [r.frames, r.grids, r.acks, r.iters].map((v) => v.toFixed(1)).join('/');
    console.log(
      `[frames] frames/grids/acks/iterations per s, ${WINDOW_MS} ms windows: ${seen.map(fmt).join(', ')}`,
    );
    if (best.frames < SAMPLE_FRAMES_PER_S) {
      // Busy: in some window with slow iterations, more frames than iterations.
      console.log(`[frames] busy machine: best ${best.frames.toFixed(1)} frames/s`);
      const decoupled = (r: Rates) =>
        r.frames >= Math.min(SAMPLE_FRAMES_PER_S, FRAMES_PER_ITERATION * r.iters);
      expect(seen.some(decoupled)).toBe(true);
    }
    // The grid is the dear part: a few refreshes a second, never one per samples frame.
    expect(best.grids).toBeGreaterThan(0.5);
    expect(best.grids).toBeLessThanOrEqual(5.5);
    expect(best.frames).toBeGreaterThan(2 * best.grids);
    const c = await page.evaluate(() =>
      (window as unknown as { __ebmTest: EbmTestHook }).__ebmTest.counters(),
    );
    expect(c.credits.maxInFlight).toBeLessThanOrEqual(3); // MAX_IN_FLIGHT
    expect(c.nonFiniteFrames).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
