// Vitest globalSetup for the browser tests (vitest.browser.config.ts): builds the app with
// `vite build` and EBM_TEST_HOOKS=1 (a production build plus the test hooks, window.__ebmTest;
// skipped with SKIP_BUILD=1), serves dist/ with `vite preview` on a free
// 127.0.0.1 port, and provides its URL to the tests as inject('baseUrl') (no trailing slash).
// The server is killed on teardown.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VITE_BIN = resolve(REPO_ROOT, 'node_modules/.bin/vite');
const READY_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

function viteBuild(): Promise<void> {
  if (!existsSync(resolve(REPO_ROOT, 'index.html'))) {
    return Promise.reject(
      new Error(
        'vite build: index.html is missing at the repository root, so there is no app to ' +
          'build yet. Browser tests need the production build (set SKIP_BUILD=1 to serve an ' +
          'existing dist/ instead).',
      ),
    );
  }
  return new Promise((resolveBuild, reject) => {
    console.log('[browser global-setup] vite build ...');
    const child = spawn(VITE_BIN, ['build'], {
      cwd: REPO_ROOT,
      // NODE_ENV=production: Vitest sets 'test', which would give React's development build.
      env: { ...process.env, EBM_TEST_HOOKS: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (err) => reject(new Error(`vite build could not start: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolveBuild();
      else
        reject(
          new Error(
            `vite build failed (${signal ?? `exit ${code}`}); see its output above. ` +
              'The browser tests run against the production build.',
          ),
        );
    });
  });
}

async function waitUntilAnswering(url: string, server: ChildProcess, log: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `vite preview exited early (${server.exitCode ?? server.signalCode}):\n${log()}`,
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return; // any HTTP answer means it is listening
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`vite preview did not answer at ${url} within ${READY_TIMEOUT_MS} ms:\n${log()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 5_000);
    server.once('exit', () => {
      clearTimeout(force);
      done();
    });
    server.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.SKIP_BUILD === '1') {
    if (!existsSync(resolve(REPO_ROOT, 'dist/index.html'))) {
      console.warn(
        '[browser global-setup] SKIP_BUILD=1 and dist/index.html is missing: ' +
          'the preview server will answer 404 for the app.',
      );
    }
  } else {
    await viteBuild();
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const server = spawn(
    VITE_BIN,
    ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    await waitUntilAnswering(url + '/', server, () => output.join(''));
  } catch (err) {
    await stop(server);
    throw err;
  }
  console.log(`[browser global-setup] vite preview at ${url}`);
  project.provide('baseUrl', url);

  return async () => {
    process.removeListener('exit', killOnExit);
    await stop(server);
  };
}
