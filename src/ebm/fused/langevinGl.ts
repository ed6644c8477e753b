// The fused Langevin step on tfjs's own WebGL backend: ONE fragment program per step does the
// MLP's forward pass, its input gradient by hand (mlpSpec.ts gives the maths), the update
// x − (ε/2)β∇ₓE + ξ and the reflection at the box, where op-by-op tfjs dispatches ~54 kernels.
//
// Layout: packed textures (tfjs's 2×2 texels), so one fragment owns one texel of x [N, 2], i.e.
// two chains (rows r, r+1) × both coordinates, and every weight fetch brings four weights.
// The two chains ride together in vec2 lanes. The weight tensors are read in place (the
// model's variables; tfjs packs them once if they are not already packed), the noise ξ is an
// input tensor so the ops path can be fed the very same numbers. Pre-activations are kept in
// per-layer local arrays and overwritten by the backward deltas.
// Arithmetic is written in the same order as the ops path (σ = 1/(1 + exp(−a)), x − g·c + ξ,
// the same fold), so the two agree to float rounding (tests/browser/fused.test.ts: < 1e-4
// after 100 steps on SwiftShader).
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { Box } from '../box';
import { tf, type Tensor2D } from '../tf';
import type { MlpSpec } from './mlpSpec';

function glsl(width: number, depth: number): string {
  const W = width;
  const decl = Array.from({ length: depth }, (_, l) => `vec2 a${l + 1}[${W}];`)
    .concat(depth > 1 ? [`vec2 h[${W}];`] : [])
    .join('\n  ');
  // Hidden layers 2…D: a_l = h_{l−1}·W_{l−1} + b_{l−1}, two outputs j, j+1 per texel column.
  const hidden = Array.from({ length: depth - 1 }, (_, i) => {
    const l = i + 2;
    const wn = `getW${l - 1}`;
    const bn = `getB${l - 1}`;
    return `
  for (int k = 0; k < ${W}; k++) h[k] = silu(a${l - 1}[k]);
  for (int j = 0; j < ${W}; j += 2) {
    vec4 bb = ${bn}(j);
    vec2 s0 = vec2(bb.x), s1 = vec2(bb.y);
    for (int k = 0; k < ${W}; k += 2) {
      vec4 t = ${wn}(k, j);
      s0 += h[k] * t.x + h[k + 1] * t.z;
      s1 += h[k] * t.y + h[k + 1] * t.w;
    }
    a${l}[j] = s0; a${l}[j + 1] = s1;
  }`;
  }).join('');
  // Backward through hidden layers D…2: δ_{l−1}[k] = Σ_j W_{l−1}[k][j] δ_l[j] · SiLU′(a_{l−1}[k]).
  const back = Array.from({ length: depth - 1 }, (_, i) => {
    const l = depth - i;
    return `
  for (int k = 0; k < ${W}; k += 2) {
    vec2 g0 = vec2(0.0), g1 = vec2(0.0);
    for (int j = 0; j < ${W}; j += 2) {
      vec4 t = getW${l - 1}(k, j);
      g0 += t.x * a${l}[j] + t.y * a${l}[j + 1];
      g1 += t.z * a${l}[j] + t.w * a${l}[j + 1];
    }
    a${l - 1}[k] = g0 * dsilu(a${l - 1}[k]);
    a${l - 1}[k + 1] = g1 * dsilu(a${l - 1}[k + 1]);
  }`;
  }).join('');
  return `
vec2 sig(vec2 a) { return 1.0 / (1.0 + exp(-1.0 * a)); }
vec2 silu(vec2 a) { return a * sig(a); }
vec2 dsilu(vec2 a) { vec2 s = sig(a); return s * (1.0 + a * (1.0 - s)); }
vec2 reflect1(vec2 x) {
  vec2 y = x - boxLo;
  vec2 m = y - floor(y / (2.0 * boxW)) * (2.0 * boxW);
  return boxW - abs(m - boxW) + boxLo;
}
void main() {
  ivec2 rc = getOutputCoords();
  int r = rc.x;
  vec4 xv = getX(r, 0);
  vec4 nv = getNoise(r, 0);
  // lanes: chain r in .x, chain r+1 in .y
  vec2 u0 = vec2(xv.x, xv.z) * scale;
  vec2 u1 = vec2(xv.y, xv.w) * scale;
  ${decl}
  for (int j = 0; j < ${W}; j += 2) {
    vec4 t = getW0(0, j);
    vec4 bb = getB0(j);
    a1[j] = u0 * t.x + u1 * t.z + bb.x;
    a1[j + 1] = u0 * t.y + u1 * t.w + bb.y;
  }${hidden}
  for (int k = 0; k < ${W}; k += 2) {
    vec4 t = getW${depth}(k, 0);
    a${depth}[k] = t.x * dsilu(a${depth}[k]);
    a${depth}[k + 1] = t.z * dsilu(a${depth}[k + 1]);
  }${back}
  vec2 g0 = vec2(0.0), g1 = vec2(0.0);
  for (int j = 0; j < ${W}; j += 2) {
    vec4 t = getW0(0, j);
    g0 += t.x * a1[j] + t.y * a1[j + 1];
    g1 += t.z * a1[j] + t.w * a1[j + 1];
  }
  g0 *= scale; g1 *= scale;
  vec2 m0 = vec2(xv.x, xv.z) - g0 * coef + vec2(nv.x, nv.z);
  vec2 m1 = vec2(xv.y, xv.w) - g1 * coef + vec2(nv.y, nv.w);
  m0 = reflect1(m0);
  m1 = reflect1(m1);
  setOutput(vec4(m0.x, m1.x, m0.y, m1.y));
}`;
}

class FusedLangevinProgram implements GPGPUProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  packedInputs = true;
  packedOutput = true;
  customUniforms = [
    { name: 'coef', type: 'float' as const },
    { name: 'scale', type: 'float' as const },
    { name: 'boxLo', type: 'float' as const },
    { name: 'boxW', type: 'float' as const },
  ];
  constructor(n: number, width: number, depth: number) {
    this.outputShape = [n, 2];
    const names = ['x', 'noise'];
    for (let l = 0; l <= depth; l++) names.push(`w${l}`, ...(l < depth ? [`b${l}`] : []));
    this.variableNames = names;
    this.userCode = glsl(width, depth);
  }
}

/** True when the fused WebGL step can run here (the webgl backend is the active one). */
export function fusedGlAvailable(): boolean {
  return tf.getBackend() === 'webgl';
}

/**
 * One fused step: R_B(x − coef·∇ₓE(x) + noise), coef = (ε/2)·β. x and noise are [N, 2]; the
 * result is a new tensor (tracked by the caller's tidy). The program is compiled once per
 * (N, width, depth) and cached by tfjs.
 */
export function fusedLangevinStepGl(
  spec: MlpSpec,
  x: Tensor2D,
  noise: Tensor2D,
  coef: number,
  box: Box,
): Tensor2D {
  const backend = tf.backend() as unknown as MathBackendWebGL;
  const n = x.shape[0];
  const program = new FusedLangevinProgram(n, spec.width, spec.depth);
  const inputs: tf.TensorInfo[] = [x, noise];
  spec.layers.forEach(({ w, b }, l) => {
    inputs.push(w);
    if (l < spec.depth) inputs.push(b);
  });
  const uniforms = [[coef], [spec.inputScale], [box.min], [box.max - box.min]];
  const info = backend.compileAndRun(program, inputs, 'float32', uniforms);
  return tf.engine().makeTensorFromTensorInfo(info) as Tensor2D;
}
