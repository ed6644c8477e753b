// Vite plugin: keeps tfjs's threaded-SIMD wasm working in a minified build.
// tfjs starts each pthread worker from a Blob holding `factory.toString()` (backend_wasm.js:
// `mainScriptUrlOrBlob = new Blob(['var WasmBackendModuleThreadedSimd = ' + factory.toString()])`).
// A minified bundle renames the names that function shares with its module and turns its
// `require` into a bundler helper, so the worker's copy refers to names that exist only in the
// bundle: "e is not defined" in every pthread worker (shared/notes/platform.md), and the engine
// waits for threads that never start. This plugin gives the factory a `toString` that returns
// the function's own source text, as Emscripten emitted it, kept as a string literal the
// minifier does not touch (about 54 kB once more in the worker bundle, only on the wasm chunk).
import type { Plugin } from 'vite';

const FILE = /tfjs-backend-wasm-threaded-simd\.js$/;
/** Emscripten's MODULARIZE wrapper: `(() => { var _scriptDir = …; return (\nfunction(…) {…}\n);\n})();` */
const OPEN = 'return (\nfunction(';
const CLOSE = '\n);\n})();';

/** The factory's source text in Emscripten's output, or null when the layout is not the known one. */
export function factorySource(code: string): string | null {
  const start = code.indexOf(OPEN);
  const end = code.indexOf(CLOSE, start);
  if (start < 0 || end < 0) return null;
  return code.slice(start + 'return ('.length, end).trim();
}

export function wasmThreadsSource(): Plugin {
  return {
    name: 'ebm:wasm-threads-source',
    enforce: 'pre',
    transform(code, id) {
      if (!FILE.test(id.split('?')[0])) return null;
      const source = factorySource(code);
      if (source === null) {
        this.error(
          'tfjs threaded wasm: the factory wrapper changed; update scripts/wasmThreadsSource.ts',
        );
      }
      const text = JSON.stringify(source);
      return {
        code: `${code}\nWasmBackendModuleThreadedSimd.toString = function () { return ${text}; };\n`,
        map: null,
      };
    },
  };
}
