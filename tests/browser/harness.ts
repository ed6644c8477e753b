// Shared helpers for the browser tests: playwright-core drives Debian's Chromium (no
// downloaded browsers). WebGL2 comes from SwiftShader (software), also inside a dedicated
// worker's OffscreenCanvas.
//
//   const browser = await launchBrowser();
//   const { page, errors } = await openPage(browser, '/?backend=wasm');
//   ...
//   expect(errors).toEqual([]);
//   await screenshot(page, 'after-training');
//   await browser.close();
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import chromiumArgs from './chromium-args.json';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where screenshot() writes: test-results/screenshots/NAME.png (git-ignored). */
export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'test-results/screenshots');

/**
 * Chromium flags. `--enable-unsafe-swiftshader` gives software WebGL2 (page and workers).
 * Not `--use-angle=swiftshader`: it moves the page's compositing onto SwiftShader too and
 * drops requestAnimationFrame to 2-4 per second while the engine trains (measured).
 */
export const CHROMIUM_ARGS: readonly string[] = chromiumArgs; // shared with bench/run.mjs

/** Flags that remove WebGL entirely (setBackend('webgl') resolves false): fallback tests. */
export const NO_WEBGL_ARGS: readonly string[] = ['--disable-gpu', '--disable-software-rasterizer'];

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium binary: $CHROMIUM_PATH, else the first of the Debian paths. Throws (never
 * skips) when there is none; `node scripts/ensure-chromium.mjs` installs one.
 */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
  }
  const found = CHROMIUM_CANDIDATES.find(isExecutable);
  if (!found) {
    throw new Error(
      `No Chromium at ${CHROMIUM_CANDIDATES.join(', ')}; run \`node scripts/ensure-chromium.mjs\` ` +
        '(apt-get install chromium) or set CHROMIUM_PATH',
    );
  }
  return found;
}

export interface LaunchOptions {
  /** Extra flags appended to CHROMIUM_ARGS (e.g. NO_WEBGL_ARGS). */
  extraArgs?: readonly string[];
  /** Replace CHROMIUM_ARGS entirely. */
  args?: readonly string[];
  /** Defaults to chromiumPath(). */
  executablePath?: string;
}

/** Launches headless Chromium with the SwiftShader flags. Close it in afterAll. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: options.executablePath ?? chromiumPath(),
    headless: true,
    args: [...(options.args ?? CHROMIUM_ARGS), ...(options.extraArgs ?? [])],
  });
}

/** The preview server's base URL (no trailing slash), provided by global-setup.ts. */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** Absolute URLs (http:, about:, data:, blob:) pass through; paths resolve against baseUrl(). */
export function resolveUrl(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  return new URL(path, baseUrl() + '/').href;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /**
   * Console errors (page and its workers: Playwright reports worker console messages on the
   * page too), uncaught page errors ('pageerror: ...') and crashes, in order. Live: keeps
   * filling while the page runs.
   */
  errors: string[];
}

export interface OpenPageOptions {
  /** Console errors matching any of these are not collected. favicon.ico 404s never are. */
  ignore?: readonly RegExp[];
  /** page.goto waitUntil; default 'load'. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
  viewport?: { width: number; height: number };
}

/**
 * Opens `path` (relative to the preview server, or an absolute URL such as 'about:blank') in a
 * fresh browser context, collecting errors from the start. Close with `context.close()` (or
 * browser.close()).
 */
export async function openPage(
  browser: Browser,
  path: string,
  options: OpenPageOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const ignore = options.ignore ?? [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const where = msg.location().url;
    if (/\/favicon\.ico(\?|$)/.test(where)) return;
    if (ignore.some((re) => re.test(text))) return;
    errors.push(msg.worker() ? `worker console.error: ${text}` : `console.error: ${text}`);
  });
  page.on('pageerror', (err) => {
    errors.push(`pageerror: ${err.stack ?? err.message}`);
  });
  page.on('crash', () => {
    errors.push('crash: the page crashed');
  });
  await page.goto(resolveUrl(path), { waitUntil: options.waitUntil ?? 'load' });
  return { page, context, errors };
}

/** Full-page PNG at test-results/screenshots/NAME.png; returns the file path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const safe = name.replace(/[^a-zA-Z0-9._-]+/g, '_');
  const file = resolve(SCREENSHOT_DIR, `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Polls `fn` in the page until it returns a truthy value (returned), or throws on timeout. */
export async function waitForValue<T>(
  page: Page,
  fn: () => T | null | undefined | false,
  { timeoutMs = 60_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const handle = await page.waitForFunction(fn, undefined, {
    timeout: timeoutMs,
    polling: intervalMs,
  });
  const value = (await handle.jsonValue()) as T;
  await handle.dispose();
  return value;
}
