// The WebGL2 context the webgl backend computes on, created and owned here (not by tfjs), so
// that its loss is heard: 'webglcontextlost' fires on a canvas, and only the canvas's owner can
// listen. tfjs is handed the context through its own seams: setWebGLContext (what its env
// flags probe) and a GPGPUContext passed to MathBackendWebGL (which then keeps its compiled
// programs per backend, not in tfjs's global cache that would outlive the context).
// On a loss, every texture and program of that context is gone and reads return zeros (the
// samples "collapse" to one point): nothing read after a loss may be shown, so readers check
// lost() after their readback. Recovery makes a new canvas and a new backend (backend.ts).
// The module is loaded only when the webgl rung is tried (a dynamic import).
import { GPGPUContext, MathBackendWebGL, setWebGLContext } from '@tensorflow/tfjs-backend-webgl';
import { tf } from '../ebm/tf';

/** tfjs's own context attributes (canvas_util.ts); a software renderer needs the caveat off. */
function attributes(): WebGLContextAttributes {
  return {
    alpha: false,
    antialias: false,
    premultipliedAlpha: false,
    preserveDrawingBuffer: false,
    depth: false,
    stencil: false,
    failIfMajorPerformanceCaveat: !tf.env().getBool('SOFTWARE_WEBGL_ENABLED'),
  };
}

let gl: WebGL2RenderingContext | null = null;
let gpgpu: GPGPUContext | null = null;
let backend: MathBackendWebGL | null = null;

/**
 * Registers 'webgl' as a backend on a context made here; `onLost` runs once when it is lost.
 * False when no WebGL2 context can be had. Replaces (and frees) a previous, lost one.
 */
export function installWebgl(onLost: () => void): boolean {
  const canvas = new OffscreenCanvas(300, 150);
  const next = canvas.getContext('webgl2', attributes());
  if (!next || next.isContextLost()) return false;
  canvas.addEventListener('webglcontextlost', (ev) => {
    ev.preventDefault(); // allows a 'webglcontextrestored' (we build anew anyway)
    if (next === gl) onLost();
  });
  dropWebgl();
  gl = next;
  setWebGLContext(2, gl);
  tf.env().set('WEBGL_VERSION', 2); // else the flag's probe makes a context of its own
  const ctx = new GPGPUContext(gl);
  gpgpu = ctx;
  tf.registerBackend('webgl', () => (backend = new MathBackendWebGL(ctx)), 2);
  return true;
}

/** Forget the current context and backend (the backend's textures and programs are freed). */
export function dropWebgl(): void {
  if (tf.findBackendFactory('webgl')) tf.removeBackend('webgl');
  backend = null;
  if (gpgpu) {
    gpgpu.program = null;
    gpgpu.dispose();
  }
  gpgpu = null;
  gl = null;
}

/** True when the webgl backend is in use and its context is lost (reads are garbage). */
export function webglLost(): boolean {
  return gl !== null && tf.getBackend() === 'webgl' && gl.isContextLost();
}

/**
 * Precision the GPU really computes in. tfjs's floatPrecision() answers 16 whenever float32
 * rendering is enabled (tfjs issue #6980), so that flag is read first; without it tfjs's own
 * probe (does 1e-8 survive?) decides.
 */
export function webglPrecision(): 16 | 32 {
  if (tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) return 32;
  return backend ? (backend.floatPrecision() as 16 | 32) : 16;
}

/** Compiled shader programs of the current backend (a leak check counts them). */
export function compiledPrograms(): number {
  const b = backend as unknown as { binaryCache?: Record<string, unknown> } | null;
  return b?.binaryCache ? Object.keys(b.binaryCache).length : 0;
}

/** Test builds: lose the context now, as a GPU reset would. */
export function loseWebglForTest(): boolean {
  const ext = gl?.getExtension('WEBGL_lose_context');
  ext?.loseContext();
  return Boolean(ext);
}
