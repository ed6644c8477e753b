// Smoke test of the browser harness itself; independent of the app (it uses setContent), so it
// tells "the browser/WebGL setup is broken" apart from "the app is broken".
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, screenshot, SCREENSHOT_DIR } from './harness';

interface WorkerWebGl {
  webgl2: boolean;
  renderer: string | null;
  error?: string;
}

describe('browser harness', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('serves the preview at baseUrl', async () => {
    const response = await fetch(baseUrl() + '/');
    // 200 once the app builds; without a build (SKIP_BUILD=1, no dist/) preview answers 404.
    expect(response.status).toBeLessThan(500);
  });

  it('opens a page, renders content and collects console and page errors', async () => {
    const { page, context, errors } = await openPage(browser, 'about:blank');
    await page.setContent('<!doctype html><title>smoke</title><h1 id="h">hello</h1>');
    await expect(page.title()).resolves.toBe('smoke');
    await expect(page.textContent('#h')).resolves.toBe('hello');
    expect(errors).toEqual([]);

    await page.evaluate(() => {
      console.error('boom-console');
      setTimeout(() => {
        throw new Error('boom-uncaught');
      });
    });
    await expect.poll(() => errors.length).toBe(2);
    expect(errors[0]).toContain('boom-console');
    expect(errors[1]).toMatch(/^pageerror: .*boom-uncaught/);

    const file = await screenshot(page, 'smoke-harness');
    expect(file).toBe(resolve(SCREENSHOT_DIR, 'smoke-harness.png'));
    await context.close();
  });

  it('collects console errors from a dedicated worker', async () => {
    const { page, context, errors } = await openPage(browser, 'about:blank');
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const src = "console.error('boom-worker'); postMessage(1);";
          const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
          new Worker(url).onmessage = () => done();
        }),
    );
    await expect.poll(() => errors.join('\n')).toContain('worker console.error: boom-worker');
    await context.close();
  });

  it('has WebGL2 inside a dedicated worker via OffscreenCanvas', async ({ annotate }) => {
    const { page, context, errors } = await openPage(browser, 'about:blank');
    const result = await page.evaluate(
      () =>
        new Promise<WorkerWebGl>((done) => {
          const src = `
            let out;
            try {
              const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
              let renderer = null;
              if (gl) {
                const info = gl.getExtension('WEBGL_debug_renderer_info');
                renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
              }
              out = { webgl2: !!gl, renderer };
            } catch (e) {
              out = { webgl2: false, renderer: null, error: String(e) };
            }
            postMessage(out);`;
          const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
          const worker = new Worker(url);
          worker.onmessage = (e: MessageEvent<WorkerWebGl>) => done(e.data);
          worker.onerror = (e) => done({ webgl2: false, renderer: null, error: e.message });
        }),
    );
    expect(result.error).toBeUndefined();
    expect(result.webgl2).toBe(true);
    expect(result.renderer).toBeTruthy();

    // Record what the app's webgl backend will run on (SwiftShader here: software WebGL).
    const renderer = String(result.renderer);
    console.log(`[smoke] WebGL2 renderer in a worker: ${renderer}`);
    await annotate(`WebGL2 renderer in a worker: ${renderer}`);
    mkdirSync(resolve(SCREENSHOT_DIR, '..'), { recursive: true });
    writeFileSync(resolve(SCREENSHOT_DIR, '../webgl-renderer.txt'), renderer + '\n');
    expect(errors).toEqual([]);
    await context.close();
  });
});
