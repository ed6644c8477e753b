// The build works from any URL and offline: dist/ served under /some/sub/path/ loads and
// trains (relative asset URLs), and after one visit the page reloads with the network off
// and trains again from the service worker's precache (page, worker bundle, wasm).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendOf, iteration, waitForIteration } from './app';
import { launchBrowser, openPage } from './harness';
import { serveStatic, type StaticServer } from './staticServer';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveStatic(DIST, 'some/sub/path');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('any URL, and offline', () => {
  it('runs from a sub-path, then reloads and trains with the network off', async () => {
    const { page, context, errors } = await openPage(browser, `${server.url}?backend=wasm`);
    expect(await backendOf(page)).toBe('wasm');
    await waitForIteration(page, 3);
    // The service worker has precached everything once it controls the page.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
      timeout: 30_000,
    });
    await context.setOffline(true);
    await page.reload();
    expect(await backendOf(page)).toBe('wasm');
    const start = await iteration(page);
    await waitForIteration(page, start + 5);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
