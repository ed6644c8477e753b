// Page-only view state of the landscape's extra layers (not part of the document): the
// gradient-field overlay, and which formula term is hovered (its things light up on the
// landscape: the data points, the samples, the ∇E arrows…).
import { create } from 'zustand';

/** The colour macros of lesson formulas (src/ui/lessons/formula.ts), by what they stand for. */
export type TermKind = 'data' | 'samp' | 'grad' | 'rej' | 'lf';

export interface OverlayState {
  gradient: boolean;
  highlight: TermKind | null;
  setGradient(on: boolean): void;
  setHighlight(t: TermKind | null): void;
}

export const useOverlays = create<OverlayState>()((set) => ({
  gradient: false,
  highlight: null,
  setGradient: (gradient) => set({ gradient }),
  setHighlight: (highlight) => set({ highlight }),
}));
