// What the engine reports at status rate (a few Hz): the backend it runs on, whether it plays,
// the iteration and speed, and the training statistics with their series for the charts.
import type { AutotuneReport } from '../../contract/autotune';
import type { BackendName, FrameStats } from '../../contract/protocol';
import { emptySeries, pushSeries, type Series } from '../series';
import type { SliceCreator } from './slice';

export interface BackendInfo {
  name: BackendName;
  reason: string;
  renderer: string | null;
  /** Threads the wasm backend computes on (null on the others). */
  threads: number | null;
  /** The Langevin path the engine runs and the autotuner's timings. */
  autotune?: AutotuneReport;
}

/** The statistics charted over iterations (Charts.tsx). */
export const STAT_KEYS = ['loss', 'eData', 'eNeg'] as const satisfies readonly (keyof FrameStats)[];
export type StatHistory = Series<(typeof STAT_KEYS)[number]>;

export interface EngineStatusSlice {
  backend: BackendInfo | null;
  playing: boolean;
  iteration: number;
  itersPerSec: number;
  stats: FrameStats | null;
  /** Training statistics over iterations, for the charts. */
  statHistory: StatHistory;
  /** When (performance.now(), ms) a status last showed the iteration move. */
  advancedAt: number;
  /** Keep training while the tab is hidden (hiddenTab.ts; else a hidden tab pauses). */
  keepTrainingHidden: boolean;

  /** Record one status update (called at a few Hz by the engine bridge). */
  recordStatus(iteration: number, itersPerSec: number, playing: boolean, stats: FrameStats): void;
}

export const createEngineStatusSlice: SliceCreator<EngineStatusSlice> = (set) => ({
  backend: null,
  playing: true,
  iteration: 0,
  itersPerSec: 0,
  stats: null,
  statHistory: emptySeries(STAT_KEYS),
  advancedAt: 0,
  keepTrainingHidden: false,

  recordStatus: (iteration, itersPerSec, playing, stats) =>
    set((s) => ({
      advancedAt: iteration !== s.iteration ? performance.now() : s.advancedAt,
      iteration,
      itersPerSec,
      playing,
      stats,
      statHistory: pushSeries(s.statHistory, STAT_KEYS, iteration, stats),
    })),
});
