// Test builds (tests/browser/fused.test.ts): the fused Langevin step against the ops path.
// Both run 100 steps from the same starts on the same weights with the same noise (the same
// rng seeds; the noise tensor is drawn in JS, identical on every backend); the answer is the
// largest coordinate difference after the last step. The fused path runs on this worker's
// backend (webgl); the ops path (tf.grad) on the cpu backend, float32 too, on a copy of the
// weights: ops on SwiftShader WebGL would compile ~50 shaders, minutes on a loaded machine
// (the bench compares against webgl ops as well).
import { BOX } from '../contract/box';
import { uniformInBox } from '../ebm/box';
import type { EnergyModel } from '../ebm/energy';
import { fusedStepFor, langevinPath, setLangevinPath } from '../ebm/fused/path';
import { createMlp } from '../ebm/mlp';
import { makeRng } from '../ebm/rng';
import { langevin } from '../ebm/samplers/langevin';
import { tf } from '../ebm/tf';
import { tryBackend } from './backend';

export interface FusedCheck {
  backend: string;
  /** The backend the ops path ran on. */
  reference: string;
  /** Whether the fused program really ran (webgl backend, a plain MLP). */
  fusedRan: boolean;
  maxDiff: number;
  steps: number;
  chains: number;
  msOps: number;
  msFused: number;
}

const P = { beta: 1, box: BOX, langevinStep: 0.05 };

function run(model: EnergyModel, x0: tf.Tensor2D, steps: number): { x: Float32Array; ms: number } {
  const t0 = performance.now();
  const x = tf.tidy(() => langevin.run(model.energy, x0, steps, P, makeRng(7)).x);
  const values = x.dataSync() as Float32Array;
  x.dispose();
  return { x: values, ms: performance.now() - t0 };
}

/** A model like `m` on the current backend, with m's weights (copied through the CPU). */
function copyModel(m: EnergyModel, weights: Float32Array[]): EnergyModel {
  const spec = m.energy.mlp!;
  const c = createMlp({ ...spec, seed: 1 });
  c.variables.forEach((v, i) => v.assign(tf.tensor(weights[i], v.shape)));
  return c;
}

/** Runs the comparison on `model` (the session's, when it is an MLP) or a fresh 2-64-64-1. */
export async function fusedCheck(
  model: EnergyModel | null,
  steps = 100,
  chains = 256,
): Promise<FusedCheck> {
  const backend = tf.getBackend();
  const own = model?.energy.mlp
    ? null
    : createMlp({ width: 64, depth: 2, inputScale: 0.5, seed: 3 });
  const m = own ?? model!;
  const x0 = uniformInBox(chains, BOX, 11);
  const start = x0.dataSync() as Float32Array;
  const weights = m.variables.map((v) => v.dataSync() as Float32Array);
  const before = langevinPath();
  try {
    setLangevinPath('fused');
    const fusedRan = fusedStepFor(m.energy, P) !== null;
    const fused = run(m, x0, steps);
    setLangevinPath('ops');
    // The cpu rung is loaded lazily (backend.ts): start it as the ladder would.
    if (!(await tryBackend('cpu'))) throw new Error('the cpu backend did not start');
    const ref = copyModel(m, weights);
    const x0c = tf.tensor2d(start, [chains, 2]);
    const ops = run(ref, x0c, steps);
    ref.dispose();
    x0c.dispose();
    await tf.setBackend(backend);
    let maxDiff = 0;
    for (let i = 0; i < ops.x.length; i++)
      maxDiff = Math.max(maxDiff, Math.abs(ops.x[i] - fused.x[i]));
    const msOps = ops.ms;
    const msFused = fused.ms;
    return { backend, reference: 'cpu', fusedRan, maxDiff, steps, chains, msOps, msFused };
  } finally {
    setLangevinPath(before);
    x0.dispose();
    own?.dispose();
  }
}
