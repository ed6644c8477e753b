#!/usr/bin/env node
// `npm test`: every check, in order, continuing after failures so all results print.
//   1. typecheck   tsc per environment: tsconfig.page.json (DOM), tsconfig.worker.json
//                  (WebWorker), tsconfig.json (tests and tools)  (one check each)
//   2. lint        eslint .  and  prettier --check .             (one check each)
//   3. unit        vitest run -c vitest.config.ts                (every test case counts)
//   4. browser     scripts/ensure-chromium.mjs, then
//                  vitest run -c vitest.browser.config.ts        (every test case counts)
// Vitest results are read from JSON reports written to a temp dir (the default reporter still
// prints to the console). A Vitest run that crashes, has a file that fails to load, or runs no
// tests counts as one failure. The last line printed is exactly `N passed, N failed`; the exit
// code is non-zero when anything failed or no tests ran.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = (name) => join(ROOT, 'node_modules', '.bin', name);
const tmp = mkdtempSync(join(tmpdir(), 'ebm-test-'));

let passed = 0;
let failed = 0;
let skipped = 0;
let vitestCases = 0;
const failures = [];
const stageLines = [];

function banner(title) {
  console.log(`\n======== ${title} ========`);
}

/** Runs a command with inherited stdout/stderr (no stdin); resolves its exit code. */
function run(cmd, args, { env, captureStdout = false } = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', captureStdout ? 'pipe' : 'inherit', 'inherit'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', (err) => {
      console.error(`[test-all] could not start ${cmd}: ${err.message}`);
      done({ code: 127, stdout });
    });
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 128 : 1), stdout }));
  });
}

function fail(name) {
  failed += 1;
  failures.push(name);
}

async function check(name, cmd, args) {
  banner(name);
  const { code } = await run(cmd, args);
  if (code === 0) {
    passed += 1;
    stageLines.push(`  ${name}: passed`);
  } else {
    fail(`${name} (exit ${code})`);
    stageLines.push(`  ${name}: FAILED (exit ${code})`);
  }
}

async function vitestStage(name, config, env = {}) {
  banner(name);
  const report = join(tmp, `${name.replace(/\W+/g, '-')}.json`);
  const { code } = await run(
    BIN('vitest'),
    ['run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { env },
  );
  const before = { passed, failed, skipped };
  let cases = 0;
  if (!existsSync(report)) {
    fail(`${name}: vitest exited ${code} without a report (crash or setup failure; see above)`);
  } else {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    for (const file of json.testResults ?? []) {
      const rel = file.name ? file.name.replace(ROOT + '/', '') : '?';
      let fileFailures = 0;
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'passed') {
          passed += 1;
          cases += 1;
        } else if (test.status === 'failed') {
          fileFailures += 1;
          cases += 1;
          fail(`${name}: ${rel} > ${test.fullName ?? test.title}`);
        } else {
          skipped += 1;
        }
      }
      if (file.status === 'failed' && fileFailures === 0) {
        fail(`${name}: ${rel} failed outside any test (${(file.message ?? '').split('\n')[0]})`);
      }
    }
    if (failed === before.failed && code !== 0) {
      fail(
        `${name}: vitest exited ${code} (see above: a globalSetup or unhandled error, or no test files)`,
      );
    }
    if (cases === 0 && failed === before.failed) {
      fail(`${name}: no tests ran`);
    }
  }
  vitestCases += cases;
  stageLines.push(
    `  ${name}: ${passed - before.passed} passed, ${failed - before.failed} failed` +
      (skipped > before.skipped ? `, ${skipped - before.skipped} skipped` : ''),
  );
}

async function main() {
  for (const env of ['page', 'worker', 'tools']) {
    const config = env === 'tools' ? 'tsconfig.json' : `tsconfig.${env}.json`;
    await check(`typecheck (${env})`, BIN('tsc'), ['--noEmit', '-p', config]);
  }
  await check('eslint', BIN('eslint'), ['.']);
  await check('prettier', BIN('prettier'), ['--check', '.']);
  await vitestStage('unit tests', 'vitest.config.ts');

  banner('chromium');
  const chromium = await run(process.execPath, [join(ROOT, 'scripts/ensure-chromium.mjs')], {
    captureStdout: true,
  });
  const chromiumPath = chromium.stdout.trim().split('\n').pop();
  if (chromium.code !== 0 || !chromiumPath) {
    fail('browser tests: no Chromium (see ensure-chromium output above); browser tests not run');
    stageLines.push('  browser tests: NOT RUN (no Chromium)');
  } else {
    console.log(`Chromium: ${chromiumPath}`);
    await vitestStage('browser tests', 'vitest.browser.config.ts', { CHROMIUM_PATH: chromiumPath });
  }

  rmSync(tmp, { recursive: true, force: true });

  banner('summary');
  for (const line of stageLines) console.log(line);
  if (skipped > 0) console.log(`  (${skipped} test(s) skipped or todo)`);
  if (vitestCases === 0) console.log('  No Vitest test cases ran at all.');
  if (failures.length > 0) {
    console.log('Failures:');
    for (const f of failures) console.log(`  - ${f}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || vitestCases === 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exitCode = 1;
});
