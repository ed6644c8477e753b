// Backend ladder: webgl (hardware) → wasm (SIMD; threaded when cross-origin isolated) → cpu.
// - On a software WebGL renderer (SwiftShader, llvmpipe) wasm measured 2–6× faster than webgl,
//   so auto prefers wasm there. `?backend=` forces one; forcing webgl also enables tfjs's
//   software-WebGL flag so tests can exercise webgl on SwiftShader.
// - Each rung is loaded only when tried (a dynamic import per backend), so the worker bundle
//   does not carry all three, and each has RUNG_TIMEOUT_MS to start (a wasm fetch that never
//   answers must not leave the page "starting" for ever).
// - A GPU that computes in 16-bit floats (about 3 significant digits) is refused in auto mode:
//   energies, their gradients and Adam's second moments need float32; wasm is used and the
//   reason says so.
// - Landing on cpu says it is slower (5–10× than wasm, measured), in the reason and a notice.
// - wasm runs tfjs's threaded-SIMD build when the page is cross-origin isolated
//   (SharedArrayBuffer; COOP/COEP headers) and there are threads to use (half the logical
//   cores, at most 4), else the single-threaded SIMD build. `?threads=N` asks for N
//   (1 = the single-threaded build); the bench compares 1 and 2. On 2 logical cores (1 by
//   default) npm run bench measured 2 threads against 1: matmul [8192×64]×[64×64] 3.2×,
//   grid 0.64× the time, but training iterations/s 0.77× and samplers 0.7–0.8× (small ops
//   pay the threads' hand-offs): tfjs's default is kept.
// - webgl runs on a context owned by webglContext.ts; when it is lost, recoverBackend() builds
//   the next one (a new context, else the next rung).
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { tf } from '../ebm/tf';
import type { BackendName, BackendRequest } from '../contract/protocol';

export interface BackendChoice {
  backend: BackendName;
  reason: string;
  renderer: string | null;
  /** Threads the wasm backend computes on (null on the other backends). */
  threads: number | null;
}

/** Longest a rung may take to start before the next one is tried (ms). */
export const RUNG_TIMEOUT_MS = 10_000;
export const CPU_SLOWER = 'the cpu backend is 5–10× slower: training will be slow';

type WebglModule = typeof import('./webglContext');
let webgl: WebglModule | null = null;
/** Accept a software WebGL renderer (set before the webgl rung; tfjs's flag exists only once
 * its webgl module is loaded). */
let allowSoftware = false;
/** `?threads=`: wasm threads asked for (null: half the logical cores, up to MAX_THREADS). */
let threadsAsked: number | null = null;
const MAX_THREADS = 4;
type WasmModule = typeof import('@tensorflow/tfjs-backend-wasm');
let wasmModule: WasmModule | null = null;
/** Called when the owned WebGL context is lost (set by the worker). */
let onContextLost: () => void = () => {};

/** Let the webgl rung run on a software renderer (the autotuner and forced paths ask). */
export function allowSoftwareWebgl(): void {
  allowSoftware = true;
}

/** Set before the wasm rung starts (the worker's init message carries the page's `?threads=`). */
export function askWasmThreads(n: number | null | undefined): void {
  threadsAsked = n ?? null;
}

/**
 * Threads for the wasm rung: 1 unless cross-origin isolated (no SharedArrayBuffer without);
 * else as asked, or by default tfjs's own choice (half the logical cores, at most MAX_THREADS).
 */
export function wasmThreadsFor(asked: number | null, isolated: boolean, cores: number): number {
  if (!isolated) return 1;
  const n = asked ?? Math.min(Math.floor(cores / 2), MAX_THREADS);
  return Math.max(1, Math.min(n, 2 * MAX_THREADS));
}

export function setContextLostHandler(fn: () => void): void {
  onContextLost = fn;
}

/** The WebGL2 renderer string seen from this worker, or null when there is no WebGL2. */
export function webglRenderer(): string | null {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const name = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return String(name);
  } catch {
    return null;
  }
}

export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
}

/** In auto mode a 16-bit float GPU gives way to wasm; a forced webgl is kept (and told). */
export function refuseHalfFloat(precision: 16 | 32, request: BackendRequest): boolean {
  return precision === 16 && request === 'auto';
}

async function startWebgl(): Promise<boolean> {
  webgl ??= await import('./webglContext');
  if (allowSoftware) tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  return webgl.installWebgl(() => onContextLost());
}

async function startWasm(): Promise<boolean> {
  const wasm = (wasmModule ??= await import('@tensorflow/tfjs-backend-wasm'));
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedUrl,
  });
  const cores = navigator.hardwareConcurrency;
  const n = wasmThreadsFor(threadsAsked, self.crossOriginIsolated, cores);
  // tfjs picks the threaded build when its flag says threads work; 1 thread keeps the plain one.
  if (n > 1) {
    // tfjs caps its pool at hardwareConcurrency / 2 (its backend.cc assumes two hyperthreads
    // per core); an explicit ?threads=N above that cap is honoured by showing this worker's
    // wasm 2N logical cores (read once, when the module starts).
    if (2 * n > cores) {
      Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * n, configurable: true });
    }
    wasm.setThreadsCount(n);
  } else {
    // One thread: the plain SIMD build (the threaded one would start 8 idle pthread workers).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  return true;
}

/** The threads the running wasm backend uses (null when wasm is not running). */
export function wasmThreads(): number | null {
  try {
    return tf.getBackend() === 'wasm' && wasmModule ? wasmModule.getThreadsCount() : null;
  } catch {
    return null;
  }
}

async function startCpu(): Promise<boolean> {
  await import('@tensorflow/tfjs-backend-cpu');
  return true;
}

const RUNGS: Record<BackendName, () => Promise<boolean>> = {
  webgl: startWebgl,
  wasm: startWasm,
  cpu: startCpu,
};

function timeout(ms: number): Promise<false> {
  return new Promise((r) => setTimeout(() => r(false), ms));
}

/** Load and start one rung within RUNG_TIMEOUT_MS; false (never a throw) when it cannot. */
export async function tryBackend(name: BackendName, timeoutMs = RUNG_TIMEOUT_MS): Promise<boolean> {
  const attempt = (async () => {
    if (!(await RUNGS[name]())) return false;
    // setBackend resolves false (it does not throw) when the backend cannot start.
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  })().catch(() => false);
  const ok = await Promise.race([attempt, timeout(timeoutMs)]);
  if (!ok) forget(name);
  return ok;
}

/** A rung that failed or ran out of time: unregistered, so a late start cannot switch to it. */
function forget(name: BackendName): void {
  if (name === 'webgl' && webgl) return webgl.dropWebgl();
  try {
    if (tf.findBackendFactory(name)) tf.removeBackend(name);
  } catch {
    // nothing was registered
  }
}

/** Why each rung was left: "wasm did not start within 10 s", "webgl computes in 16-bit…". */
async function climb(
  order: BackendName[],
  request: BackendRequest,
  why: string,
  renderer: string | null,
): Promise<BackendChoice> {
  const skipped: string[] = [];
  for (const name of order) {
    if (!(await tryBackend(name))) {
      skipped.push(`${name} failed to start`);
      continue;
    }
    if (name === 'webgl' && webgl) {
      const precision = webgl.webglPrecision();
      if (refuseHalfFloat(precision, request) && order.includes('wasm')) {
        skipped.push('this GPU computes in 16-bit floats (too coarse for the gradients)');
        webgl.dropWebgl();
        continue;
      }
      if (precision === 16) skipped.push('warning: this GPU computes in 16-bit floats');
    }
    const reason = skipped.length === 0 ? why : `${skipped.join('; ')}: using ${name}`;
    return {
      backend: name,
      reason: name === 'cpu' ? `${reason}; ${CPU_SLOWER}` : reason,
      renderer,
      threads: name === 'wasm' ? wasmThreads() : null,
    };
  }
  throw new Error('No TensorFlow.js backend could start (webgl, wasm and cpu all failed).');
}

export async function chooseBackend(request: BackendRequest): Promise<BackendChoice> {
  // A forced wasm or cpu needs no probe: creating a WebGL context costs a restart ~0.1–0.5 s.
  const renderer = request === 'wasm' || request === 'cpu' ? null : webglRenderer();
  const software = renderer !== null && isSoftwareRenderer(renderer);
  let order: BackendName[];
  let why: string;
  if (request !== 'auto') {
    // Forced: the others follow in ladder order (a software webgl is not allowed unasked).
    order = [request, ...(['webgl', 'wasm', 'cpu'] as const).filter((b) => b !== request)];
    why = `requested by ?backend=${request}`;
    if (request === 'webgl') allowSoftware = true;
  } else if (renderer === null) {
    order = ['wasm', 'cpu'];
    why = 'no WebGL2 in this worker';
  } else if (software) {
    order = ['wasm', 'webgl', 'cpu'];
    why = `software WebGL (${renderer.slice(0, 40)}): wasm is faster there`;
    allowSoftware = true;
  } else {
    order = ['webgl', 'wasm', 'cpu'];
    why = 'hardware WebGL';
  }
  return climb(order, request, why, renderer);
}

/**
 * After a lost WebGL context: a fresh context if one can be had, else the rungs below. Every
 * tensor must have been disposed first (they lived on the lost context).
 */
export async function recoverBackend(): Promise<BackendChoice> {
  const renderer = webglRenderer();
  const choice = await climb(['webgl', 'wasm', 'cpu'], 'webgl', 'a new WebGL context', renderer);
  return { ...choice, reason: `WebGL context lost and rebuilt; ${choice.reason}` };
}

/** True when what was just read back came from a lost GPU context (never show it). */
export function deviceLost(): boolean {
  return webgl?.webglLost() ?? false;
}

/** Compiled webgl programs (0 on other backends), for the long-run leak check. */
export function compiledPrograms(): number {
  return tf.getBackend() === 'webgl' ? (webgl?.compiledPrograms() ?? 0) : 0;
}

/** Test builds: lose the webgl context as a GPU reset would; false when not on webgl. */
export function loseContextForTest(): boolean {
  return tf.getBackend() === 'webgl' && (webgl?.loseWebglForTest() ?? false);
}
