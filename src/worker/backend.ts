// Backend ladder: webgl (hardware) → wasm (SIMD, single-threaded) → cpu.
// On a software WebGL renderer (SwiftShader, llvmpipe) wasm measured 2–6× faster than
// webgl, so auto prefers wasm there. `?backend=` forces one; forcing webgl also enables
// tfjs's software-WebGL flag so tests can exercise webgl on SwiftShader.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { tf } from '../ebm/tf';
import type { BackendName, BackendRequest } from '../contract/protocol';

export interface BackendChoice {
  backend: BackendName;
  reason: string;
  renderer: string | null;
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

export async function tryBackend(name: BackendName): Promise<boolean> {
  if (name === 'wasm') {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': simdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedUrl,
    });
    await import('@tensorflow/tfjs-backend-wasm');
  }
  // setBackend resolves false (it does not throw) when the backend cannot start.
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

export async function chooseBackend(request: BackendRequest): Promise<BackendChoice> {
  const renderer = webglRenderer();
  const software = renderer !== null && isSoftwareRenderer(renderer);
  let order: BackendName[];
  let why: string;
  if (request !== 'auto') {
    order = [request, ...(['webgl', 'wasm', 'cpu'] as const).filter((b) => b !== request)];
    why = `requested by ?backend=${request}`;
    if (request === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  } else if (renderer === null) {
    order = ['wasm', 'cpu'];
    why = 'no WebGL2 in this worker';
  } else if (software) {
    order = ['wasm', 'webgl', 'cpu'];
    why = `software WebGL (${renderer.slice(0, 40)}): wasm is faster there`;
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  } else {
    order = ['webgl', 'wasm', 'cpu'];
    why = 'hardware WebGL';
  }
  for (const [i, name] of order.entries()) {
    if (await tryBackend(name)) {
      const reason = i === 0 ? why : `${order[0]} failed to start; fell back to ${name}`;
      return { backend: name, reason, renderer };
    }
  }
  throw new Error('No TensorFlow.js backend could start (webgl, wasm and cpu all failed).');
}
