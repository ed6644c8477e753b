// Share links, autosave, import and undo in real Chromium against the production build.
// Kept short: each test opens one or two pages and never waits for training.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_SPECS } from '../../src/contract/models';
import {
  backendOf,
  copyLink,
  exportDoc,
  importText,
  pointsOf,
  toPixel,
  waitForIteration,
} from './app';
import { launchBrowser, openPage, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const near = (a: { x: number; y: number }[], b: { x: number; y: number }[], tol = 6e-4) =>
  a.length === b.length &&
  a.every((p, i) => Math.abs(p.x - b[i].x) <= tol && Math.abs(p.y - b[i].y) <= tol);

describe('persistence', () => {
  it('a copied link opens the same points and settings in a fresh browser, with hidden controls', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await backendOf(page);
    // An unedited preset: a short link that regenerates exactly the same 400 points.
    const presetPoints = await pointsOf(page);
    const presetLink = await copyLink(page);
    expect(presetLink.length).toBeLessThan(700);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(presetLink);
    await page.keyboard.press('Escape');

    // Edited points, another setting and a hidden control.
    await page.getByRole('button', { name: 'Clear points' }).click();
    for (const [x, y] of [
      [1, 1],
      [-2, 0.5],
      [0.3, -3],
    ]) {
      const p = await toPixel(page, x, y);
      await page.mouse.click(p.x, p.y);
    }
    await page.getByLabel('Chains (samples shown)').selectOption('512');
    const edited = await exportDoc(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Hide controls on the shared page').click();
    await page.getByRole('checkbox', { name: 'Reset', exact: true }).check();
    await page.waitForFunction(() =>
      (document.querySelector('.share-url') as HTMLInputElement | null)?.value.includes('#d='),
    );
    const link = await page.getByRole('textbox', { name: 'Link to share' }).inputValue();
    await screenshot(page, 'persist-share-popover');
    await context.close();

    const fresh = await openPage(browser, presetLink);
    await backendOf(fresh.page);
    expect(await pointsOf(fresh.page)).toEqual(presetPoints);
    await fresh.context.close();

    const other = await openPage(browser, link);
    await backendOf(other.page);
    const doc = await exportDoc(other.page);
    expect(near(doc.points, edited.points)).toBe(true);
    expect(doc.points).toHaveLength(3);
    expect(doc.settings).toEqual(edited.settings);
    expect(doc.settings.chains).toBe(512);
    expect(new URL(other.page.url()).hash).toBe(''); // read, then dropped from the address bar
    await expect(other.page.getByRole('button', { name: /Reset model/ }).count()).resolves.toBe(0);
    await expect(
      other.page.getByRole('button', { name: 'Single step (s)', exact: true }).count(),
    ).resolves.toBe(1);
    // The link is gone from the address bar, but a reload still shows what it opened.
    await other.page.reload();
    await backendOf(other.page);
    expect(near(await pointsOf(other.page), edited.points)).toBe(true);
    await expect(other.page.getByRole('button', { name: /Reset model/ }).count()).resolves.toBe(0);
    expect([...errors, ...other.errors]).toEqual([]);
    await other.context.close();
  });

  it('edits survive a reload (autosave)', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    await backendOf(page);
    await page.getByLabel('Preset dataset').selectOption('moons');
    const p = await toPixel(page, 3.5, 3.5);
    await page.mouse.click(p.x, p.y);
    const before = await exportDoc(page);
    expect(before.points).toHaveLength(401);
    await page.reload(); // the pending save is flushed on pagehide
    await backendOf(page);
    const after = await exportDoc(page);
    expect(after.points).toEqual(before.points);
    expect(after.settings).toEqual(before.settings);
    expect(await page.getByLabel('Preset dataset').inputValue()).toBe('moons');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a bad file changes nothing and says why; a valid CSV replaces the points; undo brings them back', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    await backendOf(page);
    const before = await pointsOf(page);
    await importText(page, 'bad.csv', 'x,y\n1,2\n1,oops\n');
    const alert = page.getByRole('alert');
    await alert.getByText(/Could not import "bad.csv": line 3/).waitFor();
    expect(await alert.textContent()).toMatch(/Nothing was changed/);
    expect(await pointsOf(page)).toEqual(before);

    await importText(page, 'bad.json', '{"points": [{"x": 1, "y": 9}]}');
    await alert.getByText(/points\[0\]\.y/).waitFor();
    expect(await pointsOf(page)).toEqual(before);

    await importText(page, 'three.csv', 'x,y\n1,1\n-1.5,2\n0,-3.25\n');
    await page.getByText(/Imported 3 points from "three.csv"/).waitFor();
    expect(await pointsOf(page)).toEqual([
      { x: 1, y: 1 },
      { x: -1.5, y: 2 },
      { x: 0, y: -3.25 },
    ]);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await pointsOf(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('undo and redo a click-added point (Ctrl+Z, Shift+Ctrl+Z, buttons) and a drag', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    await backendOf(page);
    const undo = page.getByRole('button', { name: 'Undo' });
    const redo = page.getByRole('button', { name: 'Redo' });
    expect(await undo.isDisabled()).toBe(true);
    const before = await pointsOf(page);
    const p = await toPixel(page, 0.5, 0.5);
    await page.mouse.click(p.x, p.y);
    const added = await pointsOf(page);
    expect(added).toHaveLength(before.length + 1);
    await page.keyboard.press('Control+z');
    expect(await pointsOf(page)).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    expect(await pointsOf(page)).toEqual(added);
    await undo.click();
    expect(await pointsOf(page)).toEqual(before);
    await redo.click();
    expect(await pointsOf(page)).toEqual(added);
    expect(await redo.isDisabled()).toBe(true);
    // A drag is one undo step, however many moves it took.
    const q = await toPixel(page, -1, -1);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move((p.x + q.x) / 2, (p.y + q.y) / 2, { steps: 5 });
    await page.mouse.move(q.x, q.y, { steps: 5 });
    await page.mouse.up();
    const dragged = (await pointsOf(page)).at(-1)!;
    expect(dragged.x).toBeCloseTo(-1, 1);
    await page.keyboard.press('Control+z');
    expect(await pointsOf(page)).toEqual(added);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Run as Python" downloads a script that compiles and evaluates E with numpy', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    expect(await backendOf(page)).toBe('wasm');
    await page.getByRole('button', { name: 'More export options' }).click();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /Run as Python/ }).click(),
    ]);
    expect(dl.suggestedFilename()).toMatch(/^ebm-playground-run-.*\.py$/);
    const file = await dl.path();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('SAMPLER = "mala"');
    const { width, depth } = MODEL_SPECS.mlp.params;
    expect(text).toContain(`WIDTH, DEPTH, INPUT_SCALE = ${width.default}, ${depth.default}, 0.5`);
    const py = ['python3', '/usr/bin/python3'].find(
      (p) => spawnSync(p, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0,
    );
    if (!py) throw new Error('No python3 with numpy here: apt-get install python3-numpy');
    execFileSync(py, ['-m', 'py_compile', file]);
    const out = JSON.parse(execFileSync(py, [file, '--energy', '0,0;2.5,0'], { encoding: 'utf8' }));
    expect(out).toHaveLength(2);
    out.forEach((e: number) => expect(Number.isFinite(e)).toBe(true));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the SVG figure parses and holds the points, samples and contours as vectors', async () => {
    const { page, context, errors } = await openPage(browser, '/?backend=wasm');
    expect(await backendOf(page)).toBe('wasm');
    await waitForIteration(page, 5);
    await page.getByRole('button', { name: 'More export options' }).click();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /Landscape as SVG/ }).click(),
    ]);
    expect(dl.suggestedFilename()).toMatch(/\.svg$/);
    const svg = await readFile(await dl.path(), 'utf8');
    const counts = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        points: doc.querySelectorAll('g.points circle').length,
        samples: doc.querySelectorAll('g.samples circle').length,
        contours: doc.querySelectorAll('g.contours path').length,
        image: doc.querySelectorAll('image').length,
      };
    }, svg);
    expect(counts).toMatchObject({ error: false, points: 400, samples: 2048, image: 1 });
    expect(counts.contours).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
