// Recovering missing coordinates, engine side (the maths is ebm/recovery.ts):
//  - clampedRun: with x_a = c held, sample mode runs MALA on the free coordinate alone, with
//    the running sampler's step ε (so the picker's step slider still acts);
//  - LineCache: the exact p(t | x_a = c) of the energy shown, on the G cell centres, computed
//    once per sampling run, clamp and model (sample mode freezes the model; a new weight,
//    mixing or clamp clears it) and copied into each frame (frames transfer their buffers);
//  - restorePath: drop & restore, low-temperature Langevin from a dropped point (RESTORE in
//    the contract), respecting the clamp when there is one; one readback for the whole path.
import type { Box } from '../contract/box';
import { RESTORE, type Clamp, type ConditionalLine } from '../contract/experts';
import type { Settings } from '../contract/settings';
import { clampedSampler, conditionalOnLine, denoise } from '../ebm/recovery';
import type { Rng } from '../ebm/rng';
import type { Sampler, TraceRequest } from '../ebm/samplers/types';
import { tf } from '../ebm/tf';
import { epsilonOf, samplerParams, type RunParams } from './samplerSetup';
import type { Session } from './session';

/** MALA on the free coordinate, with the running sampler's ε (0.01 for samplers without one). */
export function clampedRun(
  clamp: Clamp,
  settings: Settings,
  box: Box,
  trace?: TraceRequest,
): { sampler: Sampler; p: RunParams } {
  const base = samplerParams(settings, box, trace);
  const p = { ...base, malaStep: epsilonOf(settings) ?? 0.01 } as unknown as RunParams;
  return { sampler: clampedSampler(clamp) as unknown as Sampler, p };
}

export class LineCache {
  private kept: { key: string; line: ConditionalLine } | null = null;

  clear(): void {
    this.kept = null;
  }

  /** The conditional for this run and clamp (a fresh copy), or null without a clamp. */
  get(s: Session, run: number, beta: number): ConditionalLine | null {
    const c = s.clamp;
    if (!c) return null;
    const key = `${run}|${c.axis}|${c.value}|${beta}`;
    if (this.kept?.key !== key) {
      const d = conditionalOnLine(s.energy, c, s.grid.size, s.box, beta);
      const line = { ...c, density: Float32Array.from(d.density), logZ: d.logZ };
      this.kept = { key, line };
    }
    const { line } = this.kept;
    return { ...line, density: line.density.slice() };
  }
}

/** The restore path [x0, y0, …], the dropped point first (clamped coordinate held). */
export function restorePath(s: Session, settings: Settings, x: number, y: number, rng: Rng) {
  const clip = (v: number) => Math.min(s.box.max, Math.max(s.box.min, v));
  const params = { beta: RESTORE.beta * settings.beta, stepSize: RESTORE.stepSize, box: s.box };
  const start: [number, number] = [clip(x), clip(y)];
  const path = tf.tidy(() =>
    denoise(s.energy, start, RESTORE.steps, params, rng, s.clamp ?? undefined),
  );
  const v = path.dataSync() as Float32Array;
  path.dispose();
  return v.slice();
}
