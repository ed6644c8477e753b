#!/usr/bin/env node
// Soak test (issue 9; `npm run soak`, not in CI): SOAK_MINUTES (default 60) of scripted use in
// headless Chromium, reporting memory over time and its growth in MB/h against the 10 MB/h
// target. Builds dist/ with the test hooks (EBM_TEST_HOOKS=1, for tf.memory() in the worker)
// unless SKIP_BUILD=1, serves it with `vite preview`, and every SOAK_ACTION_S seconds (10)
// does one scripted thing a class would: nudge a point, change the chain count, switch the
// model, reset, pause/play, switch to sample mode and back. Every SOAK_SAMPLE_S (30) it reads:
//   - page JS heap: CDP Runtime.getHeapUsage on the page (after a CDP HeapProfiler GC);
//   - worker JS heap: the same on the engine worker's own CDP session;
//   - tf.memory() in the worker (numBytes, numTensors): the test hook's report.
// Growth is the least-squares slope over the samples after the first 20 % (warm-up), in MB/h.
// SOAK_BACKEND=wasm|webgl|auto (default wasm); SOAK_OUT_DIR (default dist) for its build. Writes test-results/soak.json as well.
/* global window, document -- the strings evaluated in the page */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VITE = resolve(ROOT, 'node_modules/.bin/vite');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 60);
const ACTION_S = Number(process.env.SOAK_ACTION_S ?? 10);
const SAMPLE_S = Number(process.env.SOAK_SAMPLE_S ?? 30);
const BACKEND = process.env.SOAK_BACKEND ?? 'wasm';
const TARGET_MB_PER_H = 10;
/** Where the soak's build goes (SOAK_OUT_DIR): apart from dist/, so tests can rebuild meanwhile. */
const OUT_DIR = process.env.SOAK_OUT_DIR ?? 'dist';
const args = JSON.parse(readFileSync(resolve(ROOT, 'tests/browser/chromium-args.json'), 'utf8'));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });

if (process.env.SKIP_BUILD !== '1') {
  console.log('[soak] vite build (EBM_TEST_HOOKS=1) …');
  const env = { ...process.env, EBM_TEST_HOOKS: '1', NODE_ENV: 'production' };
  const r = spawnSync(VITE, ['build', '--outDir', OUT_DIR, '--emptyOutDir'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = await freePort();
const server = spawn(
  VITE,
  ['preview', '--outDir', OUT_DIR, '--port', String(port), '--strictPort'],
  {
    cwd: ROOT,
    stdio: 'ignore',
  },
);
process.on('exit', () => server.kill());
for (let i = 0; i < 100; i++) {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
    break;
  } catch {
    await sleep(200);
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(e.message));

// The engine worker's own CDP session (Chromium only): attach to it through the browser's.
const pageCdp = await context.newCDPSession(page);
let workerSession = null;
const browserCdp = await browser.newBrowserCDPSession();
let nextId = 1;
const pending = new Map();
browserCdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
  if (sessionId !== workerSession) return;
  const m = JSON.parse(message);
  pending.get(m.id)?.(m.result ?? {});
  pending.delete(m.id);
});
async function attachWorker() {
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  const w = targetInfos.find((t) => t.type === 'worker' && /worker-.*\.js/.test(t.url));
  if (!w) return;
  const r = await browserCdp.send('Target.attachToTarget', {
    targetId: w.targetId,
    flatten: false,
  });
  workerSession = r.sessionId;
}
function workerSend(method, params = {}) {
  if (!workerSession) return Promise.resolve(null);
  const id = nextId++;
  const reply = new Promise((done) => pending.set(id, done));
  void browserCdp
    .send('Target.sendMessageToTarget', {
      sessionId: workerSession,
      message: JSON.stringify({ id, method, params }),
    })
    .catch(() => pending.get(id)?.(null));
  return Promise.race([reply, sleep(10_000).then(() => null)]);
}

await page.goto(`http://127.0.0.1:${port}/?backend=${BACKEND}`);
await page.waitForFunction(() => window.__ebmTest, undefined, { timeout: 120_000 });
await page.waitForFunction(
  () => Number(document.querySelector('[data-testid=iteration]')?.textContent) >= 3,
  undefined,
  { timeout: 300_000 },
);
await attachWorker();

const ACTIONS = [
  (t) => t.nudgePoint(0.05, 0),
  (t) => t.setSettings({ chains: 512 }),
  (t) => t.nudgePoint(-0.05, 0),
  (t) => t.setSettings({ chains: 2048 }),
  (t) => t.setSettings({ model: 'rbm' }),
  (t) => t.setSettings({ model: 'mlp' }),
  (t) => t.setSettings({ mode: 'sample' }),
  (t) => t.setSettings({ mode: 'train' }),
];
const reset = () => page.getByRole('button', { name: /^Reset model/ }).click();
const playPause = () => page.getByRole('button', { name: /^(Play|Pause) \(space\)$/ }).click();

async function sample(t0) {
  await pageCdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const pageHeap = await pageCdp.send('Runtime.getHeapUsage');
  await workerSend('HeapProfiler.collectGarbage');
  const workerHeap = await workerSend('Runtime.getHeapUsage');
  // No answer: the worker was replaced (a supervisor restart): attach to the new one next time.
  if (!workerHeap) workerSession = null;
  const r = await page.evaluate(() => window.__ebmTest.report());
  const c = await page.evaluate(() => window.__ebmTest.counters());
  const s = {
    restarts: c.restarts,
    minute: (Date.now() - t0) / 60_000,
    pageMB: pageHeap.usedSize / 1e6,
    workerMB: workerHeap?.usedSize ? workerHeap.usedSize / 1e6 : null,
    tfMB: r.numBytes / 1e6,
    tensors: r.numTensors,
    iteration: r.iteration,
    backend: r.backend,
  };
  const f = (v) => (v == null ? '   —  ' : v.toFixed(2).padStart(6));
  console.log(
    `[soak] ${s.minute.toFixed(1).padStart(5)} min  page ${f(s.pageMB)} MB  worker ${f(s.workerMB)} MB  tf ${f(s.tfMB)} MB  ${s.tensors} tensors  it ${s.iteration}  restarts ${s.restarts}`,
  );
  return s;
}

/** Least-squares slope of y over minutes, as MB per hour. */
function slopePerHour(points, key) {
  const p = points.filter((s) => s[key] != null);
  if (p.length < 2) return null;
  const mx = p.reduce((a, s) => a + s.minute, 0) / p.length;
  const my = p.reduce((a, s) => a + s[key], 0) / p.length;
  const num = p.reduce((a, s) => a + (s.minute - mx) * (s[key] - my), 0);
  const den = p.reduce((a, s) => a + (s.minute - mx) ** 2, 0);
  return den > 0 ? (num / den) * 60 : null;
}

const t0 = Date.now();
const samples = [await sample(t0)];
let k = 0;
let nextSample = t0 + SAMPLE_S * 1_000;
while (Date.now() - t0 < MINUTES * 60_000) {
  await sleep(ACTION_S * 1_000);
  const step = k++;
  if (step % 11 === 10) await reset();
  else if (step % 13 === 12) {
    await playPause();
    await sleep(1_000);
    await playPause();
  } else await page.evaluate(`(${ACTIONS[step % ACTIONS.length]})(window.__ebmTest)`);
  if (!workerSession) await attachWorker();
  if (Date.now() >= nextSample) {
    samples.push(await sample(t0));
    nextSample += SAMPLE_S * 1_000;
  }
}
samples.push(await sample(t0));

const steady = samples.filter((s) => s.minute >= MINUTES * 0.2);
const growth = Object.fromEntries(
  ['pageMB', 'workerMB', 'tfMB'].map((key) => [key, slopePerHour(steady, key)]),
);
const fmt = (v) => (v == null ? 'n/a' : `${v >= 0 ? '+' : ''}${v.toFixed(2)} MB/h`);
console.log(
  `[soak] ${MINUTES} min on ${samples.at(-1).backend}, ${samples.at(-1).iteration} iterations in the last run; growth after warm-up: page ${fmt(growth.pageMB)}, worker ${fmt(growth.workerMB)}, tf.memory ${fmt(growth.tfMB)} (target ≤ ${TARGET_MB_PER_H} MB/h); ${errors.length} console errors`,
);
mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
writeFileSync(
  resolve(ROOT, 'test-results/soak.json'),
  JSON.stringify({ minutes: MINUTES, backend: BACKEND, growth, samples, errors }, null, 2),
);
await browser.close();
server.kill();
const over = Object.values(growth).some((g) => g != null && g > TARGET_MB_PER_H);
process.exit(over || errors.length > 0 ? 1 : 0);
