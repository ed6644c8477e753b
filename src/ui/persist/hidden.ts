// Controls a classroom link can hide (schema.ts CONTROL_NAMES): their names for people, and
// the hook the UI asks before showing one.
import { useApp } from '../../state/store';
import { RANGES, type ControlName, type Range } from '../../state/schema';

export const CONTROL_LABELS: Record<ControlName, string> = {
  learningRate: 'Learning rate',
  stepSize: 'Step size',
  langevinSteps: 'Steps per iteration',
  chains: 'Chains',
  reinitFraction: 'Re-init fraction',
  alpha: 'Regulariser α',
  beta: 'Temperature β',
  width: 'Width',
  depth: 'Depth',
  sampler: 'Sampler',
  model: 'Model',
  mode: 'Train / sample mode',
  mhScale: 'MH proposal scale',
  leapfrogSteps: 'Leapfrog steps',
  rbmHidden: 'RBM hidden units',
  stepsPerFrame: 'Steps per frame',
  seed: 'Seed',
  preset: 'Preset data',
  points: 'Point editing',
  view: 'Layer toggles',
  import: 'Import',
  export: 'Export',
  share: 'Copy link',
  reset: 'Reset',
};

/** True when the current page (opened from a classroom link) hides this control. */
export function useHidden(name: ControlName | undefined): boolean {
  return useApp((a) => name !== undefined && a.hidden.includes(name));
}

/** The setting a slider's range belongs to (sliders take their range from RANGES). */
export function controlForRange(range: Range): ControlName | undefined {
  const entry = Object.entries(RANGES).find(([, r]) => r === range);
  return entry?.[0] as ControlName | undefined;
}
