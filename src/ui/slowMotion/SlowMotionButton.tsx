// "One iteration in slow motion": each press runs the next phase of one training iteration
// (draw the negatives → push the energy → apply the update); the panel under the plot explains
// the phase (SlowMotionPanel.tsx). Pausing first is the engine's: a slow step pauses it.
import { engine } from '../../state/engine';
import { useSlowMotion } from '../../state/slowMotion';

export const PHASE_BUTTON = [
  'Slow-motion step',
  'Phase 2: push →',
  'Phase 3: update →',
  'Again: phase 1',
];

export function SlowMotionButton() {
  const phase = useSlowMotion((s) => s.phase);
  return (
    <button
      onClick={() => engine.slowStep()}
      data-testid="slow-step"
      title="One training iteration in slow motion, one phase per press"
      aria-label={`One iteration in slow motion: ${PHASE_BUTTON[phase]}`}
    >
      {PHASE_BUTTON[phase]}
    </button>
  );
}
