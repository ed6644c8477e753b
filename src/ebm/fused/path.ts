// Which Langevin path runs: 'ops' (tfjs ops and tf.grad, every backend) or 'fused' (one
// hand-written program per step, langevinGl.ts, on the webgl backend). The engine sets it once
// at start-up (the autotuner's choice, or ?langevin=); samplers ask fusedStepFor() per run.
// The fused step applies only where it is exact: the plain MLP energy (energy.mlp present; a
// composed or tempered energy has none) on the webgl backend; anything else runs the ops.
import type { Box } from '../box';
import type { EnergyFn } from '../energy';
import type { Tensor2D } from '../tf';
import { fusedGlAvailable, fusedLangevinStepGl } from './langevinGl';

export type LangevinPath = 'ops' | 'fused';

let path: LangevinPath = 'ops';
/** Set when a fused program failed to compile or run here: the ops path takes over for good. */
let broken: string | null = null;

export function setLangevinPath(p: LangevinPath): void {
  path = p;
}

export function langevinPath(): LangevinPath {
  return path;
}

/** Why the fused path stopped (its compile or run threw), or null. */
export function fusedFailure(): string | null {
  return broken;
}

export type FusedStep = (x: Tensor2D, noise: Tensor2D) => Tensor2D;

/**
 * The fused step R_B(x − (ε/2)β∇ₓE + noise) for this energy, or null when the ops path must
 * run (path 'ops', not webgl, not a plain MLP, or the fused program failed before).
 */
export function fusedStepFor(
  energy: EnergyFn,
  p: { langevinStep: number; beta: number; box: Box },
  force = false,
): FusedStep | null {
  const spec = energy.mlp;
  if ((!force && path !== 'fused') || broken || !spec || !fusedGlAvailable()) return null;
  const coef = 0.5 * p.langevinStep * p.beta;
  return (x, noise) => {
    try {
      return fusedLangevinStepGl(spec, x, noise, coef, p.box);
    } catch (err) {
      broken = err instanceof Error ? err.message : String(err);
      throw err;
    }
  };
}
