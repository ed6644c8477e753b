// The engine never freezes and never lies (issue 9): frame credits that cannot leak, and a
// supervisor that replaces a failed worker. Drives the test build's hook, window.__ebmTest
// (src/state/testHook.ts), which `npm run build` leaves out (checked last, on a fresh build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EbmTestHook } from '../../src/state/testHook';
import { backendOf, exportDoc, toPixel, waitForIteration } from './app';
import { launchBrowser, openPage } from './harness';

type Counters = ReturnType<EbmTestHook['counters']>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const counters = (page: Page) =>
  page.evaluate(() => (window as unknown as { __ebmTest: EbmTestHook }).__ebmTest.counters());
type Fault = 'throwInLoop' | 'bogusMessage' | 'killWorker' | 'injectNaN' | 'hang';
const hook = (page: Page, action: Fault) =>
  page.evaluate((a) => (window as unknown as { __ebmTest: EbmTestHook }).__ebmTest[a](), action);
const playButton = (page: Page) => page.getByRole('button', { name: /^(Play|Pause) \(space\)$/ });

async function setPlaying(page: Page, on: boolean): Promise<void> {
  const label = await playButton(page).getAttribute('aria-label');
  if (label?.startsWith('Pause') !== on) await playButton(page).click();
  await page.waitForFunction(
    (want) =>
      (document.querySelector('.status .live') !== null) === want &&
      (document.querySelector('.status .paused') !== null) === !want,
    on,
  );
}

/** Drag data point (x, y) in a loop of `steps` pointer moves (each one a points message). */
async function dragAround(page: Page, x: number, y: number, steps: number): Promise<void> {
  const p = await toPixel(page, x, y);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  for (let k = 1; k <= steps; k++) {
    const t = (2 * Math.PI * k) / steps;
    await page.mouse.move(p.x + 30 * Math.sin(t), p.y + 30 * (1 - Math.cos(t)));
  }
  await page.mouse.up();
}

/** Milliseconds until `pred` holds on the counters (polled every 50 ms), or throws. */
async function msUntil(page: Page, pred: (c: Counters) => boolean, limit = 10_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < limit) {
    if (pred(await counters(page))) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${limit} ms: ${JSON.stringify(await counters(page))}`);
}

describe('frame credits', () => {
  it('paused drags, resets and Play: frames again within 1 s, never more than 3 in flight', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    expect(await backendOf(page)).toBe('wasm');
    await waitForIteration(page, 5);
    const { points } = await exportDoc(page);
    const resumeMs: number[] = [];
    for (let round = 0; round < 3; round++) {
      await setPlaying(page, false);
      if (round === 1) await page.getByRole('button', { name: /^Reset model/ }).click();
      // Only points[round - 1] has moved, so points[round] is still where the export said.
      await dragAround(page, points[round].x, points[round].y, 40);
      const before = await counters(page);
      await setPlaying(page, true);
      resumeMs.push(await msUntil(page, (c) => c.framesReceived > before.framesReceived));
      await msUntil(page, (c) => c.advances >= before.advances + 2, 5_000);
    }
    const c = await counters(page);
    console.log(`[credits] resume ms ${resumeMs.join(', ')}; ${JSON.stringify(c)}`);
    resumeMs.forEach((ms) => expect(ms).toBeLessThan(1_000));
    // MAX_IN_FLIGHT (src/worker/framePublisher.ts).
    expect(c.credits.maxInFlight).toBeLessThanOrEqual(3);
    expect(c.credits.sent - c.credits.acked).toBeLessThanOrEqual(3);
    expect((await exportDoc(page)).points).toHaveLength(points.length);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('supervisor', () => {
  // Times from the fault: the banner, and training again (a status of the new worker shows its
  // iteration advancing). A killed worker is heard through its Web Lock (at once); a hung one
  // only through silence: HANG_MS (2.5 s) and a ping.
  type Case = { action: Fault; bannerMs: number; trainingMs: number };
  const quick: Case[] = [
    { action: 'throwInLoop', bannerMs: 1_000, trainingMs: 2_000 },
    { action: 'bogusMessage', bannerMs: 1_000, trainingMs: 2_000 },
    { action: 'killWorker', bannerMs: 1_000, trainingMs: 2_000 },
  ];

  /** Each fault in turn on one page (at most 3 restarts a minute: a 4th would stop). */
  async function survive(cases: Case[]): Promise<void> {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm', {
      ignore: [/injected test fault|Unhandled message/],
    });
    await backendOf(page);
    await waitForIteration(page, 5);
    const before = await exportDoc(page);
    for (const [k, f] of cases.entries()) {
      const t0 = Date.now();
      await hook(page, f.action);
      await page.getByRole('alert').filter({ hasText: 'The engine stopped' }).waitFor();
      const bannerMs = Date.now() - t0;
      await msUntil(page, (c) => c.restarts === k + 1, 1_000);
      // Training again: a status of the new worker shows its iteration advancing.
      await msUntil(page, (c) => c.advances >= 1, 10_000);
      await page.waitForFunction(() => document.querySelector('.status .live') !== null);
      const trainingMs = Date.now() - t0;
      const c = await counters(page);
      console.log(`[supervisor] ${f.action}: banner ${bannerMs} ms, training ${trainingMs} ms`);
      expect(bannerMs).toBeLessThan(f.bannerMs);
      expect(trainingMs).toBeLessThan(f.trainingMs);
      expect(c.liveWorkers).toBe(1);
      const after = await exportDoc(page);
      expect(after.points).toEqual(before.points);
      expect(after.settings).toEqual(before.settings);
      await page.getByRole('button', { name: 'Dismiss' }).click();
    }
    expect(errors).toEqual([]);
    await context.close();
  }

  it('a throw in the loop, a bogus message, a killed worker: banner in 1 s, training in 2 s', () =>
    survive(quick));

  it('a hung worker: found by its silence, training again within 5 s', () =>
    survive([{ action: 'hang', bannerMs: 3_500, trainingMs: 5_000 }]));
});

describe('test hooks', () => {
  it('a production build (no EBM_TEST_HOOKS) contains no test hook', () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const out = mkdtempSync(join(tmpdir(), 'ebm-prod-'));
    const env = { ...process.env };
    delete env.EBM_TEST_HOOKS;
    env.NODE_ENV = 'production'; // as `npm run build` runs it (Vitest sets 'test')
    const r = spawnSync(resolve(root, 'node_modules/.bin/vite'), ['build', '--outDir', out], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const js = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThanOrEqual(2); // the page and the worker
    for (const f of js) {
      const text = readFileSync(join(out, 'assets', f), 'utf8');
      expect(text).not.toContain('__ebmTest');
      expect(text).not.toContain('injected test fault');
    }
    rmSync(out, { recursive: true, force: true });
  });
});

/** Makes the page believe its tab is hidden or shown, as switching tabs would. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (h ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/** The worker's iteration, as its report gives it (not the status line, which lags). */
const workerIteration = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __ebmTest: EbmTestHook }).__ebmTest.report().then((r) => r.iteration),
  );

describe('hidden tab', () => {
  it('stops iterating within 1 s of hiding and resumes within 1 s of showing', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    await backendOf(page);
    await waitForIteration(page, 5);
    const t0 = Date.now();
    await setHidden(page, true);
    await page.waitForFunction(() => document.querySelector('.status .paused') !== null);
    const stoppedMs = Date.now() - t0;
    const a = await workerIteration(page);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await workerIteration(page)).toBe(a); // no iteration while hidden
    const t1 = Date.now();
    await setHidden(page, false);
    while ((await workerIteration(page)) === a) await new Promise((r) => setTimeout(r, 25));
    const resumedMs = Date.now() - t1;
    console.log(`[hidden] stopped within ${stoppedMs} ms, resumed within ${resumedMs} ms`);
    expect(stoppedMs).toBeLessThan(1_000);
    expect(resumedMs).toBeLessThan(1_000);
    // Ticked, hiding the tab no longer pauses.
    await page.getByLabel('train when hidden').check();
    await setHidden(page, true);
    const b = await workerIteration(page);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await workerIteration(page)).toBeGreaterThan(b);
    expect(errors).toEqual([]);
    await context.close();
  });
});

const report = (page: Page) =>
  page.evaluate(() => (window as unknown as { __ebmTest: EbmTestHook }).__ebmTest.report());

describe('rollback', () => {
  it('an injected NaN is caught within one chunk, restored bit for bit, and said within 500 ms', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    await backendOf(page);
    await waitForIteration(page, 20);
    const lrBefore = (await exportDoc(page)).settings.learningRate as number;
    // Playing: the next chunk finds it (at most MAX_CHUNK = 64 iterations later).
    const i0 = (await report(page)).iteration;
    // Timed inside the page: from the injection to the notice on screen.
    const noticeMs = await page.evaluate(async () => {
      const t0 = performance.now();
      (window as unknown as { __ebmTest: EbmTestHook }).__ebmTest.injectNaN();
      while (!document.querySelector('[role=alert]')?.textContent?.includes('Training blew up')) {
        if (performance.now() - t0 > 5_000) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      return performance.now() - t0;
    });
    const notice = page.getByRole('alert').filter({ hasText: 'Training blew up' });
    const c = await counters(page);
    console.log(
      `[rollback] notice ${noticeMs} ms; injected at ${i0}, rolled back at ${c.lastRollbackIteration}; ${await notice.textContent()}`,
    );
    expect(noticeMs).toBeLessThan(500);
    expect(c.lastRollbackIteration - i0).toBeLessThanOrEqual(64);
    expect(await notice.textContent()).toMatch(/Halved the learning rate to .* and the step ε to/);
    await expect
      .poll(async () => (await exportDoc(page)).settings.learningRate)
      .toBeCloseTo(lrBefore / 2, 8);
    // Paused, one step: the restored weights are the snapshot, bit for bit.
    await setPlaying(page, false);
    const before = await report(page);
    expect(before.snapshot.length).toBeGreaterThan(0);
    await hook(page, 'injectNaN');
    await page.getByRole('button', { name: 'Single step (s)' }).click();
    await msUntil(page, (k) => k.rollbacks === c.rollbacks + 1, 5_000);
    const after = await report(page);
    expect(after.weights).toEqual(before.snapshot);
    expect(after.weights.flat().every(Number.isFinite)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
