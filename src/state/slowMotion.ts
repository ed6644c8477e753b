// The page's side of "one iteration in slow motion": the phase the engine last answered
// ('slowPhase', src/contract/slowMotion.ts) with its points, pushes and before/after grids,
// and which landscape phase 3 shows. Not part of the document. A new run (reset) or Play
// ends it: the phase goes back to 0 and the overlay disappears.
import { create } from 'zustand';
import type { SlowPhase } from '../contract/slowMotion';

export type SlowView = 'before' | 'after' | 'change';

export interface SlowMotionState {
  /** 0: none shown; else the phase the engine last ran. */
  phase: 0 | 1 | 2 | 3;
  last: SlowPhase | null;
  /** Phase 3: which landscape the small panel shows. */
  view: SlowView;
  refused: string | null;
  /** How many phases have been answered (tests wait on it). */
  answered: number;
  setView(v: SlowView): void;
  clear(): void;
}

export const useSlowMotion = create<SlowMotionState>()((set) => ({
  phase: 0,
  last: null,
  view: 'change',
  refused: null,
  answered: 0,
  setView: (view) => set({ view }),
  clear: () => set({ phase: 0, last: null, refused: null }),
}));

export function receiveSlowPhase(msg: SlowPhase): void {
  useSlowMotion.setState((s) =>
    msg.refused
      ? { refused: msg.refused, phase: 0, last: null, answered: s.answered + 1 }
      : { refused: null, phase: msg.phase, last: msg, answered: s.answered + 1 },
  );
}
