// Sample mode read-outs, at status rate: the progress of the current sampling run (steps,
// steps/s, sample-to-data distance per step count: the "more steps, sharper samples" curve)
// and whether trails are drawn. Per-frame trail arrays travel in the frame, not here. Kept
// under `sampling` in the store: its run, steps and curve are not the training's.
import type { SamplingProgress } from '../../contract/protocol';
import type { SliceCreator } from './slice';

/** Points kept on the distance curve (older ones are thinned, never the first). */
export const CURVE_CAP = 240;

export interface SamplingState {
  run: number;
  sampler: string;
  steps: number;
  stepsPerSec: number;
  /** The curve of the current run: steps since it started → sliced W₁ to the data. */
  curve: { steps: number[]; distance: number[] };
  trails: boolean;
}

export interface SamplingSlice {
  sampling: SamplingState;
  setTrails(on: boolean): void;
  /** Take one 'sampling' message (called by the engine bridge). */
  recordSampling(msg: SamplingProgress): void;
}

/** Drop every other point but the first and the last: the whole span at half density. */
function thin(a: number[]): number[] {
  return a.filter((_, i) => i === 0 || i % 2 === 1 || i === a.length - 1);
}

function progress(s: SamplingState, msg: SamplingProgress): SamplingState {
  if (msg.run < s.run) return s; // a late message of an older run: run ids only grow
  const fresh = msg.run !== s.run || msg.steps < s.steps;
  let steps = fresh ? [] : s.curve.steps;
  let distance = fresh ? [] : s.curve.distance;
  if (msg.distance !== null && (steps.length === 0 || msg.steps > steps[steps.length - 1])) {
    steps = [...steps, msg.steps];
    distance = [...distance, msg.distance];
    if (steps.length > CURVE_CAP) {
      steps = thin(steps);
      distance = thin(distance);
    }
  }
  return {
    ...s,
    run: msg.run,
    sampler: msg.sampler,
    steps: msg.steps,
    stepsPerSec: msg.stepsPerSec,
    curve: { steps, distance },
  };
}

export const createSamplingSlice: SliceCreator<SamplingSlice> = (set) => ({
  sampling: {
    run: 0,
    sampler: '',
    steps: 0,
    stepsPerSec: 0,
    curve: { steps: [], distance: [] },
    trails: true,
  },
  setTrails: (trails) => set((s) => ({ sampling: { ...s.sampling, trails } })),
  recordSampling: (msg) =>
    set((s) => {
      const next = progress(s.sampling, msg);
      return next === s.sampling ? s : { sampling: next }; // the same state: nobody is told
    }),
});
