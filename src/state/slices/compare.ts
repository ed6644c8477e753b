// The compare view's numbers (issue 12): whether an exact-ML reference trains beside the run,
// and the latest KL(data ‖ ·) of the run's model and of the reference, measured the same way
// (worker/compare.ts). The reference's energy grid is per-frame data: frameHolder's
// `compareGrids`, not here.
import type { CompareFrame } from '../../contract/protocol';
import type { SliceCreator } from './slice';

export interface CompareState {
  on: boolean;
  iteration: number;
  klRun: number;
  klReference: number;
}

export interface CompareSlice {
  compare: CompareState;
  setCompare(on: boolean): void;
  /** Take one 'compareFrame' message's numbers (called by the engine bridge). */
  recordCompare(msg: CompareFrame): void;
}

const NONE = { iteration: 0, klRun: NaN, klReference: NaN };

export const createCompareSlice: SliceCreator<CompareSlice> = (set) => ({
  compare: { on: false, ...NONE },
  setCompare: (on) => set((s) => ({ compare: { ...s.compare, on, ...NONE } })),
  recordCompare: (msg) =>
    set((s) =>
      s.compare.on
        ? {
            compare: {
              on: true,
              iteration: msg.iteration,
              klRun: msg.klRun,
              klReference: msg.klReference,
            },
          }
        : {},
    ),
});
