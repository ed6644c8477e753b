// The page's one store: names and numbers that React renders, changing at human or status
// rate (a few Hz), as the sum of slices that each own their part (the zustand slices pattern):
//   document      points, settings, preset, view, hidden controls; undo history; selection
//   engineStatus  backend, playing, iteration, speed, training statistics and their series
//   notice        the message shown to the user
//   metrics       density metrics and their series, under `metrics`
//   sampling      sample-mode progress and trails, under `sampling`
//   compare       the exact-ML reference's KL beside the run's, under `compare`
//   compose       edits of the composition (experts, mixing), thumbnails, clamp, restore path
// Per-frame arrays never come here (frameHolder.ts).
import { create } from 'zustand';
import { createCompareSlice, type CompareSlice } from './slices/compare';
import { createComposeSlice, type ComposeSlice } from './slices/compose';
import { createDocumentSlice, type DocumentSlice } from './slices/document';
import { createEngineStatusSlice, type EngineStatusSlice } from './slices/engineStatus';
import {
  createMetricsSlice,
  finiteMetrics,
  type MetricsSlice,
  type MetricsState,
} from './slices/metrics';
import { createNoticeSlice, type NoticeSlice } from './slices/notice';
import { createSamplingSlice, type SamplingSlice, type SamplingState } from './slices/sampling';

export type AppState = DocumentSlice &
  EngineStatusSlice &
  NoticeSlice &
  MetricsSlice &
  SamplingSlice &
  CompareSlice &
  ComposeSlice;

export const useApp = create<AppState>()((set, get) => ({
  // First: its `composition` is the document's, whose initial value the document slice sets.
  ...createComposeSlice(set, get),
  ...createDocumentSlice(set, get),
  ...createEngineStatusSlice(set, get),
  ...createNoticeSlice(set, get),
  ...createMetricsSlice(set, get),
  ...createSamplingSlice(set, get),
  ...createCompareSlice(set, get),
}));

/** The metrics part, for components that read nothing else. */
export const useMetrics = <T>(pick: (m: MetricsState) => T): T => useApp((s) => pick(s.metrics));

/** The sample-mode part, for components that read nothing else. */
export const useSampling = <T>(pick: (s: SamplingState) => T): T => useApp((s) => pick(s.sampling));

/** The latest metrics as plain finite numbers, for the JSON export (see finiteMetrics). */
export const latestMetrics = (): Record<string, number> => finiteMetrics(useApp.getState().metrics);
