import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { factorySource, wasmThreadsSource } from './wasmThreadsSource';

const require = createRequire(import.meta.url);
const FILE =
  require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
const code = readFileSync(FILE, 'utf8');

describe('threaded wasm factory source (vite plugin)', () => {
  it('finds the factory in the installed tfjs build, and it parses on its own', () => {
    const src = factorySource(code);
    expect(src).not.toBeNull();
    expect(src!.startsWith('function(WasmBackendModuleThreadedSimd)')).toBe(true);
    // What a pthread worker evaluates: the declaration alone, with no bundle around it.
    const kind = new Function(
      `var WasmBackendModuleThreadedSimd = ${src}; return typeof WasmBackendModuleThreadedSimd;`,
    );
    expect(kind()).toBe('function');
  });

  it('gives the factory a toString that returns that source, whatever a minifier renames', () => {
    const plugin = wasmThreadsSource();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    expect(
      transform.call(
        {
          error: (m: string) => {
            throw new Error(m);
          },
        },
        code,
        '/x/other.js',
      ),
    ).toBeNull();
    const out = transform.call({}, code, FILE)!.code;
    const module = { exports: {} as { toString(): string } };
    new Function('module', 'exports', out)(module, module.exports);
    expect(module.exports.toString()).toBe(factorySource(code));
  });

  it('says so when the wrapper changes', () => {
    expect(factorySource('var X = function () {};')).toBeNull();
    const plugin = wasmThreadsSource();
    const transform = plugin.transform as (code: string, id: string) => unknown;
    const ctx = {
      error: (m: string) => {
        throw new Error(m);
      },
    };
    expect(() => transform.call(ctx, 'var X = 1;', FILE)).toThrow(/wrapper changed/);
  });
});
