#!/usr/bin/env node
// Finds a Chromium for the browser tests and the benchmark, installing Debian's package when
// it can (root + apt-get). Browser tests never skip silently: without a browser this exits
// non-zero and says how to get one.
//
//   node scripts/ensure-chromium.mjs      prints the path on stdout (last line), exit 0
//   import { ensureChromium, findChromium } from './ensure-chromium.mjs'
//
// Search order: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser,
// /usr/bin/google-chrome. Never `npx playwright install` (it downloads from outside).
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable Chromium found, or null. An explicit $CHROMIUM_PATH must exist. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file.`);
  }
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

const HOW_TO_INSTALL = [
  'No Chromium found (looked at $CHROMIUM_PATH, ' + CHROMIUM_CANDIDATES.join(', ') + ').',
  'Install one, then re-run:',
  '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
  '  or point CHROMIUM_PATH at an existing Chrome/Chromium binary.',
  '(Do not use `npx playwright install`: it downloads browsers from outside.)',
].join('\n');

/** Returns a Chromium path, installing Debian's `chromium` when root with apt-get; else throws. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) throw new Error(HOW_TO_INSTALL);
  console.error('[ensure-chromium] No Chromium found; installing Debian package "chromium"...');
  const result = spawnSync(
    'sh',
    ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    },
  );
  if (result.status !== 0) {
    throw new Error(`apt-get install chromium failed (exit ${result.status}).\n${HOW_TO_INSTALL}`);
  }
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get reported success but ${HOW_TO_INSTALL}`);
  return installed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const path = ensureChromium();
    console.error(`[ensure-chromium] using ${path}`);
    console.log(path);
  } catch (err) {
    console.error(`[ensure-chromium] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
