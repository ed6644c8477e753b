// The backend ladder (src/worker/backend.ts, issue 9): each rung is its own chunk, loaded only
// when tried, and a rung that cannot start gives way to the next. With no WebGL and the wasm
// binaries answering 404 (a proxy that blocks .wasm, a broken deploy), the page must land on
// cpu and say it is slower. The page is served cross-origin isolated (vite.config.ts), so
// wasm can run its threaded build.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, waitForIteration } from './app';
import { launchBrowser, NO_WEBGL_ARGS, openPage, resolveUrl } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ extraArgs: NO_WEBGL_ARGS });
});
afterAll(async () => browser?.close());

describe('backend ladder', () => {
  it('the worker bundle loads webgl and wasm lazily (their code is in other chunks)', () => {
    const assets = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'dist/assets');
    const worker = readdirSync(assets).find((f) => /^worker-.*\.js$/.test(f));
    expect(worker).toBeDefined();
    const text = readFileSync(join(assets, worker!), 'utf8');
    expect(text).not.toContain('WEBGL_PACK'); // a flag the webgl backend registers
    expect(text).not.toContain('WASM_HAS_SIMD_SUPPORT'); // one the wasm backend registers
  });

  it('no WebGL and the wasm files 404: lands on cpu with a "slower" notice', async () => {
    const { page, context, errors } = await openPage(browser, 'about:blank', {
      ignore: [/wasm|404|Failed to load resource|backend/i],
    });
    let blocked = 0;
    await context.route('**/*.wasm', (route) => {
      blocked++;
      return route.fulfill({ status: 404, body: 'not found' });
    });
    const t0 = Date.now();
    await page.goto(resolveUrl('/?backend=auto'));
    expect(await backendOf(page)).toBe('cpu');
    const readyMs = Date.now() - t0;
    const reason = await page.getByTestId('backend-reason').textContent();
    const notice = await page
      .locator('.notice')
      .filter({ hasText: /slower/ })
      .textContent();
    await waitForIteration(page, 2);
    console.log(
      `[ladder] cpu after ${readyMs} ms, ${blocked} wasm fetches blocked; reason: ${reason}; notice: ${notice}`,
    );
    expect(blocked).toBeGreaterThan(0);
    expect(reason).toMatch(/wasm failed to start/);
    expect(reason).toMatch(/slower/);
    expect(notice).toMatch(/slower/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cross-origin isolated: wasm on 2 threads when asked (the threaded build runs once minified)', async () => {
    for (const [query, asked] of [
      ['?backend=wasm&threads=2', 2],
      ['?backend=wasm', null], // by default half the logical cores (tfjs's choice), at most 4
    ] as const) {
      const { page, context, errors } = await openPage(browser, 'about:blank');
      const pthreads: string[] = [];
      page.on('worker', (w) => {
        if (w.url().startsWith('blob:')) pthreads.push(w.url());
      });
      await page.goto(resolveUrl(query));
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
      expect(await backendOf(page)).toBe('wasm');
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      const n = asked ?? Math.max(1, Math.min(Math.floor(cores / 2), 4));
      await waitForIteration(page, 20);
      // The status line names the threads when there are several (else the plain build).
      const shown = n > 1 ? (await page.getByTestId('threads').textContent())?.trim() : null;
      console.log(`[ladder] ${query}: ${n} thread(s) ${shown}, ${pthreads.length} pthread workers`);
      if (n > 1) {
        expect(shown).toBe(`× ${n} threads`);
        expect(pthreads.length).toBeGreaterThan(0);
      } else {
        expect(await page.getByTestId('threads').count()).toBe(0);
        expect(pthreads).toEqual([]);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
