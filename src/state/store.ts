// App state that React renders: names and numbers only, changing at human or status rate
// (a few Hz). Per-frame arrays never come here (see frameHolder.ts).
import { create } from 'zustand';
import { generateDataset } from '../ebm/datasets';
import type { BackendName, FrameStats } from '../worker/protocol';
import { DEFAULT_SETTINGS, type Point, type PresetName, type Settings } from './schema';
import { pushHistory, emptyHistory, type StatHistory } from './statHistory';

export interface BackendInfo {
  name: BackendName;
  reason: string;
  renderer: string | null;
}

export interface AppState {
  settings: Settings;
  preset: PresetName;
  points: Point[];
  selected: number | null;
  backend: BackendInfo | null;
  playing: boolean;
  iteration: number;
  itersPerSec: number;
  stats: FrameStats | null;
  history: StatHistory;
  /** A message for the user (rollback, bad input…), with a severity. */
  notice: { level: 'info' | 'warn' | 'error'; text: string } | null;

  setSettings(patch: Partial<Settings>): void;
  loadPreset(p: PresetName): void;
  setPoints(points: Point[]): void;
  addPoints(points: Point[]): void;
  movePoint(i: number, p: Point): void;
  removePoint(i: number): void;
  select(i: number | null): void;
  clearPoints(): void;
  setNotice(n: AppState['notice']): void;
}

export const DEFAULT_PRESET: PresetName = '8gaussians';

export const useApp = create<AppState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  preset: DEFAULT_PRESET,
  points: generateDataset(DEFAULT_PRESET, DEFAULT_SETTINGS.seed),
  selected: null,
  backend: null,
  playing: true,
  iteration: 0,
  itersPerSec: 0,
  stats: null,
  history: emptyHistory(),
  notice: null,

  setSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
  loadPreset: (preset) =>
    set((s) => ({ preset, points: generateDataset(preset, s.settings.seed), selected: null })),
  setPoints: (points) => set({ points, selected: null }),
  addPoints: (ps) => set((s) => ({ points: [...s.points, ...ps] })),
  movePoint: (i, p) => set((s) => ({ points: s.points.map((q, k) => (k === i ? p : q)) })),
  removePoint: (i) => set((s) => ({ points: s.points.filter((_, k) => k !== i), selected: null })),
  select: (selected) => set({ selected }),
  clearPoints: () => set({ points: [], selected: null, preset: 'empty' }),
  setNotice: (notice) => set({ notice }),
}));

/** Record one status update (called at a few Hz by the engine bridge). */
export function recordStatus(
  iteration: number,
  itersPerSec: number,
  playing: boolean,
  stats: FrameStats,
): void {
  useApp.setState((s) => ({
    iteration,
    itersPerSec,
    playing,
    stats,
    history: pushHistory(s.history, iteration, stats),
  }));
}
