// "Predict, then reveal" state (page only): whether the landscape is taking the student's
// sketch instead of editing points, the sketch mask itself (mutated in place; `version` rises
// with each change), and the score once revealed.
import { create } from 'zustand';
import { emptySketch, type SketchScore } from '../../viz/sketch';

export interface PredictState {
  /** The landscape paints the sketch (point editing is off meanwhile). */
  sketching: boolean;
  mask: Uint8Array;
  version: number;
  /** The score at reveal, with the iteration it was measured at; null before. */
  revealed: (SketchScore & { iteration: number }) | null;
  start(): void;
  stop(): void;
  clear(): void;
  touched(): void;
  reveal(score: SketchScore, iteration: number): void;
}

export const usePredict = create<PredictState>()((set, get) => ({
  sketching: false,
  mask: emptySketch(),
  version: 0,
  revealed: null,
  start: () => set({ sketching: true, revealed: null }),
  stop: () => set({ sketching: false }),
  clear: () => set({ mask: emptySketch(), version: get().version + 1, revealed: null }),
  touched: () => set({ version: get().version + 1 }),
  reveal: (score, iteration) => set({ revealed: { ...score, iteration }, sketching: false }),
}));

/** Drop the sketch and stop sketching (a step without a prediction opened). */
export function resetPredict(): void {
  usePredict.setState({ sketching: false, mask: emptySketch(), revealed: null });
  usePredict.getState().touched();
}
