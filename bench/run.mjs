#!/usr/bin/env node
// `npm run bench`: runs the app's in-browser benchmark on each tfjs backend and prints a table.
//
// CONTRACT with the app (the app implements the page side):
//   - The runner opens `${base}/?backend=NAME&bench=1` for NAME in webgl, wasm, cpu, each in a
//     fresh browser context, in that order (one backend at a time: the machine is not shared).
//     `wasm` runs with `&threads=1` (the single-threaded SIMD build) and `wasm*2` with
//     `&threads=2` (the threaded build on 2 threads: the page is cross-origin isolated), so
//     the table compares 2 threads with 1 in the same run.
//   - When it has finished, the page sets
//       window.__ebmBenchResult = { backend: string, results: Record<string, number> }
//     `backend` is the backend that actually ran (tf.getBackend()), which may differ from the
//     one asked for if the fallback ladder kicked in: the runner flags that. `results` maps a
//     measurement name to a number, ideally a median time in ms (lower is better), e.g.
//     { 'langevin step N=1024 (ms)': 11.6 }. Keys should be the same for every backend.
//   - Alternatively the page may set window.__ebmBench to that object or to a Promise of it.
//   - On failure the page may set window.__ebmBenchError = 'message' to stop waiting at once.
//   - The runner polls until one of these appears, for at most 300 s per backend (override:
//     BENCH_TIMEOUT_S). Console errors and uncaught page errors are printed.
// Output: a table, per result key and backend, of the value and its ratio to cpu's value for
// the same key in the same run (value / cpu; for times < 1 means faster than cpu), and the
// raw results as JSON in test-results/bench.json.
//
// Usage: npm run bench [-- --backends=webgl,wasm,wasm*2]   env: SKIP_BUILD=1 serves the existing
// dist/; CHROMIUM_PATH picks the browser; BENCH_TIMEOUT_S changes the per-backend timeout.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureChromium } from '../scripts/ensure-chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VITE = join(ROOT, 'node_modules/.bin/vite');
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 300) * 1000;
// The same flags as the browser tests (tests/browser/harness.ts reads the same file).
const CHROMIUM_ARGS = JSON.parse(
  readFileSync(join(ROOT, 'tests/browser/chromium-args.json'), 'utf8'),
);

const backendsArg = process.argv.find((a) => a.startsWith('--backends='));
const BACKENDS = backendsArg
  ? backendsArg.slice('--backends='.length).split(',')
  : ['webgl', 'wasm', 'wasm*2', 'cpu'];

/** `wasm*2` → backend wasm on 2 threads; plain `wasm` → 1 thread (the two are compared). */
function parseRun(spec) {
  const [backend, n] = spec.split('*');
  const threads = backend === 'wasm' ? Number(n ?? 1) : null;
  return { backend, threads, query: threads ? `&threads=${threads}` : '' };
}

function freePort() {
  return new Promise((done, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function build() {
  if (process.env.SKIP_BUILD === '1') return;
  if (!existsSync(join(ROOT, 'index.html'))) {
    throw new Error('index.html is missing at the repository root: there is no app to build yet.');
  }
  console.log('[bench] vite build ...');
  const result = spawnSync(VITE, ['build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

async function startPreview() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(
    VITE,
    ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  process.once('exit', () => server.kill('SIGKILL'));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (${server.exitCode})`);
    try {
      await fetch(url + '/', { signal: AbortSignal.timeout(2_000) });
      return { url, server };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  server.kill('SIGKILL');
  throw new Error(`vite preview did not answer at ${url}`);
}

async function runBackend(browser, base, spec) {
  const { backend, query } = parseRun(spec);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/favicon\.ico/.test(msg.location().url)) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  const started = Date.now();
  try {
    await page.goto(`${base}/?backend=${encodeURIComponent(backend)}&bench=1${query}`);
    const handle = await page.waitForFunction(
      () => {
        const w = globalThis;
        const b = w.__ebmBench;
        if (b && typeof b.then === 'function' && !w.__ebmBenchHooked) {
          // A promise-valued __ebmBench: park its outcome where this poll looks.
          w.__ebmBenchHooked = true;
          b.then(
            (r) => (w.__ebmBenchResult = r),
            (e) => (w.__ebmBenchError = String(e)),
          );
        }
        if (w.__ebmBenchError) return { error: String(w.__ebmBenchError) };
        const r = w.__ebmBenchResult ?? (b && typeof b.then !== 'function' ? b : null);
        return r ? { result: r } : null;
      },
      undefined,
      { timeout: TIMEOUT_MS, polling: 500 },
    );
    const value = await handle.jsonValue();
    if (value.error) throw new Error(`the page reported: ${value.error}`);
    const result = value.result;
    if (!result || typeof result.results !== 'object') {
      throw new Error(`malformed result: ${JSON.stringify(result)}`);
    }
    const threads = await page
      .textContent('[data-testid=threads]', { timeout: 1000 })
      .catch(() => null);
    const isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
    return {
      requested: spec,
      ...result,
      label: result.backend === backend ? spec : `${spec}->${result.backend}`,
      threads: threads?.trim() ?? null,
      isolated,
      seconds: (Date.now() - started) / 1000,
      errors,
    };
  } catch (err) {
    const message =
      err.name === 'TimeoutError'
        ? `no window.__ebmBenchResult within ${TIMEOUT_MS / 1000} s (is ?bench=1 implemented?)`
        : err.message;
    return { requested: spec, error: message, errors };
  } finally {
    await context.close();
  }
}

function fmt(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

function printTable(runs) {
  const ok = runs.filter((r) => !r.error);
  const cpu = ok.find((r) => r.requested === 'cpu');
  const keys = [...new Set(ok.flatMap((r) => Object.keys(r.results)))];
  const header = ['measurement', ...ok.map((r) => r.label)];
  const rows = keys.map((key) => [
    key,
    ...ok.map((r) => {
      const v = r.results[key];
      if (v === undefined) return '-';
      const ref = cpu?.results[key];
      const ratio = typeof ref === 'number' && ref !== 0 ? ` (${(v / ref).toFixed(2)}x)` : '';
      return fmt(v) + (r.requested === 'cpu' ? '' : ratio);
    }),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  console.log('\n' + line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
  console.log(
    cpu
      ? '(x) = value / cpu value in this run; for times, below 1 means faster than cpu.'
      : '(no cpu run: no ratios)',
  );
}

// The roofline (issue 13): per backend and path, the achieved GFLOP/s of a Langevin step
// (N = 1024 and 8192) and of a training iteration, its ratio to that backend's sustained
// matmul rate for the MLP's shapes ([8192×64]×[64×64]) and to the best path of this run.
function printRoofline(runs) {
  const ok = runs.filter((r) => !r.error);
  const rows = [];
  for (const r of ok) {
    const peak = r.results['peak matmul GFLOP/s [8192x64]x[64x64]'];
    for (const [key, v] of Object.entries(r.results)) {
      const m = /^Langevin GFLOP\/s N=(\d+) \((\w+)\)$/.exec(key);
      const what = m
        ? `Langevin N=${m[1]}`
        : key === 'training iteration GFLOP/s'
          ? 'training'
          : null;
      if (what) rows.push({ what, path: `${r.label} ${m ? m[2] : 'ops'}`, v, peak });
    }
  }
  if (rows.length === 0) return;
  console.log('\nroofline: workload | path | GFLOP/s | / matmul peak (same backend) | / best path');
  for (const what of [...new Set(rows.map((r) => r.what))]) {
    const mine = rows.filter((r) => r.what === what);
    const best = Math.max(...mine.map((r) => r.v));
    for (const r of mine.sort((a, b) => b.v - a.v))
      console.log(
        `${what.padEnd(16)} | ${r.path.padEnd(11)} | ${fmt(r.v).padStart(7)} | ` +
          `${r.peak ? (r.v / r.peak).toFixed(2) : '-'} | ${(r.v / best).toFixed(2)}`,
      );
  }
  for (const r of ok)
    console.log(
      `${r.label}: peak matmul ${fmt(r.results['peak matmul GFLOP/s [8192x64]x[64x64]'])} GFLOP/s ` +
        `([1024x64]: ${fmt(r.results['peak matmul GFLOP/s [1024x64]x[64x64]'])}); first samples ` +
        `${fmt(r.results['time to first samples (ms from navigation)'])} ms vs load ` +
        `${fmt(r.results['time to load event (ms from navigation)'])} ms; default chains: ` +
        `${fmt(r.results['landscape frames/s while training'])} sample frames/s, ` +
        `${fmt(r.results['grid refreshes/s while training'])} grid refreshes/s; 8192 chains: ` +
        `${fmt(r.results['landscape frames/s, 8192 chains'])} sample frames/s, ` +
        `${fmt(r.results['grid refreshes/s, 8192 chains'])} grid refreshes/s, main thread ` +
        `${fmt(r.results['main-thread fps, 8192 chains'])} fps`,
    );
}

// #13: the threaded wasm build on 2 threads against the single-threaded one, key by key.
function printThreads(runs) {
  const one = runs.find((r) => !r.error && r.requested === 'wasm');
  const two = runs.find((r) => !r.error && r.requested === 'wasm*2');
  if (!one || !two) return;
  console.log(
    `\nwasm, 2 threads (shown: ${two.threads ?? 'none'}) against 1 (the plain build): value, ratio`,
  );
  for (const key of Object.keys(one.results).filter((k) => k in two.results)) {
    const [a, b] = [one.results[key], two.results[key]];
    console.log(`  ${key}: ${fmt(a)} -> ${fmt(b)} (${a ? (b / a).toFixed(2) : '-'}x)`);
  }
}

async function main() {
  build();
  const executablePath = ensureChromium();
  const { url, server } = await startPreview();
  console.log(`[bench] preview at ${url}; Chromium ${executablePath}`);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const runs = [];
  try {
    for (const backend of BACKENDS) {
      console.log(`[bench] ${backend} ...`);
      const r = await runBackend(browser, url, backend);
      runs.push(r);
      if (r.error) console.log(`[bench] ${backend}: FAILED: ${r.error}`);
      else {
        const want = parseRun(backend).backend;
        const note = r.backend !== want ? ` (asked for ${want}, ran on ${r.backend}!)` : '';
        const iso = r.isolated ? 'cross-origin isolated' : 'not isolated';
        const threads = r.threads ? `, ${r.threads.replace(/^× /, '')}` : '';
        console.log(
          `[bench] ${backend}: done in ${r.seconds.toFixed(1)} s (${iso}${threads})${note}`,
        );
      }
      for (const e of r.errors) console.log(`[bench] ${backend} page error: ${e}`);
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
  printTable(runs);
  printRoofline(runs);
  printThreads(runs);
  const out = join(ROOT, 'test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'bench.json'),
    JSON.stringify({ date: new Date().toISOString(), runs }, null, 2) + '\n',
  );
  console.log('[bench] raw results: test-results/bench.json');
  if (runs.some((r) => r.error)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`[bench] ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
