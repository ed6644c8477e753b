// App state that React renders: names and numbers only, changing at human or status rate
// (a few Hz). Per-frame arrays never come here (see frameHolder.ts).
//
// The document part (points, settings, preset, view, hidden controls) is what autosave, share
// links and files carry (document.ts). Every edit of points, settings or preset goes through
// `apply`, which records it in the undo history: one step per click, per slider run (changes
// of the same setting in a row coalesce) and per drag (beginGesture … endGesture).
import { create } from 'zustand';
import { generateDataset } from '../ebm/datasets';
import type { BackendName, FrameStats } from '../contract/protocol';
import {
  DEFAULT_PRESET,
  defaultDocument,
  sameEdit,
  stateFromDocument,
  type DocState,
  type Edit,
} from './document';
import * as H from './history';
import type { ControlName, ViewOptions } from '../contract/view';
import type { EbmDocument, Point } from './schema';
import type { PresetName } from '../contract/presets';
import type { Settings } from '../contract/settings';
import { pushHistory, emptyHistory, type StatHistory } from './statHistory';

export { DEFAULT_PRESET };

export interface BackendInfo {
  name: BackendName;
  reason: string;
  renderer: string | null;
}

export type NoticeLevel = 'info' | 'warn' | 'error';

export interface AppState extends DocState {
  /** Undo/redo over the points, settings and preset (src/state/history.ts). */
  undoHistory: H.History<Edit>;
  selected: number | null;
  backend: BackendInfo | null;
  playing: boolean;
  iteration: number;
  itersPerSec: number;
  stats: FrameStats | null;
  /** Training statistics over iterations, for the charts. */
  statHistory: StatHistory;
  /** A message for the user (rollback, bad input…), with a severity. */
  notice: { level: NoticeLevel; text: string } | null;

  setSettings(patch: Partial<Settings>): void;
  loadPreset(p: PresetName): void;
  setPoints(points: Point[]): void;
  addPoints(points: Point[]): void;
  movePoint(i: number, p: Point): void;
  removePoint(i: number): void;
  select(i: number | null): void;
  clearPoints(): void;
  setNotice(n: AppState['notice']): void;
  setView(patch: Partial<ViewOptions>): void;
  setHidden(hidden: ControlName[]): void;
  /** Opens a gesture (a drag, a brush stroke): its edits become one undo step. */
  beginGesture(): void;
  endGesture(): void;
  /** Abandons the open gesture: its edits are undone without a redo step. */
  cancelGesture(): void;
  undo(): void;
  redo(): void;
  /**
   * Replaces the whole document (a link, a restore, an import). `undoable`: one undo step
   * brings back what was there before (imports); otherwise the history starts afresh.
   */
  loadDocument(doc: EbmDocument, options?: { undoable?: boolean }): void;
}

type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;

const editOf = (s: DocState): Edit => ({
  points: s.points,
  settings: s.settings,
  preset: s.preset,
});

/**
 * Changes of the same settings, one right after the other (a slider being dragged), coalesce
 * into one step; any other edit, undo or redo ends the run.
 */
let settingsRun: string | null = null;
let settingsRunAt = 0;
/** A pause longer than this between two changes of the same setting starts a new step. */
export const COALESCE_MS = 1000;

function apply(set: Set, change: (s: AppState) => Partial<Edit>, coalesceKey?: string): void {
  set((s) => {
    const next: Edit = { ...editOf(s), ...change(s) };
    let h = s.undoHistory;
    if (h.pending) {
      h = H.preview(h, next);
      settingsRun = null;
    } else if (
      coalesceKey !== undefined &&
      coalesceKey === settingsRun &&
      Date.now() - settingsRunAt < COALESCE_MS &&
      H.canUndo(h)
    ) {
      h = H.replacePresent(h, next);
    } else {
      const before = h;
      h = H.push(h, next, sameEdit);
      settingsRun = h !== before && coalesceKey !== undefined ? coalesceKey : null;
    }
    settingsRunAt = Date.now();
    return { ...next, undoHistory: h };
  });
}

function restore(set: Set, move: (h: H.History<Edit>) => H.History<Edit>): void {
  settingsRun = null;
  set((s) => {
    const h = move(s.undoHistory);
    if (h === s.undoHistory) return {};
    return { ...h.present, undoHistory: h, selected: null };
  });
}

const initial = stateFromDocument(defaultDocument());

export const useApp = create<AppState>()((set) => ({
  ...initial,
  undoHistory: H.createHistory(editOf(initial)),
  selected: null,
  backend: null,
  playing: true,
  iteration: 0,
  itersPerSec: 0,
  stats: null,
  statHistory: emptyHistory(),
  notice: null,

  setSettings: (patch) =>
    apply(
      set,
      (s) => ({ settings: { ...s.settings, ...patch } }),
      Object.keys(patch).sort().join(','),
    ),
  loadPreset: (preset) => {
    apply(set, (s) => ({ preset, points: generateDataset(preset, s.settings.seed) }));
    set({ selected: null });
  },
  setPoints: (points) => {
    apply(set, () => ({ points }));
    set({ selected: null });
  },
  addPoints: (ps) => apply(set, (s) => ({ points: [...s.points, ...ps] })),
  movePoint: (i, p) => apply(set, (s) => ({ points: s.points.map((q, k) => (k === i ? p : q)) })),
  removePoint: (i) => {
    apply(set, (s) => ({ points: s.points.filter((_, k) => k !== i) }));
    set({ selected: null });
  },
  select: (selected) => set({ selected }),
  clearPoints: () => {
    apply(set, () => ({ points: [], preset: 'empty' }));
    set({ selected: null });
  },
  setNotice: (notice) => set({ notice }),
  setView: (patch) => set((s) => ({ view: { ...s.view, ...patch } })),
  setHidden: (hidden) => set({ hidden }),

  beginGesture: () => {
    settingsRun = null;
    set((s) => ({ undoHistory: H.begin(H.commit(s.undoHistory, sameEdit)) }));
  },
  endGesture: () => set((s) => ({ undoHistory: H.commit(s.undoHistory, sameEdit) })),
  cancelGesture: () =>
    set((s) => {
      if (!s.undoHistory.pending) return {};
      const h = H.cancel(s.undoHistory);
      return { ...h.present, undoHistory: h, selected: null };
    }),
  undo: () => restore(set, (h) => H.undo(h, sameEdit)),
  redo: () => restore(set, H.redo),

  loadDocument: (doc, options = {}) => {
    settingsRun = null;
    set((s) => {
      const next = stateFromDocument(doc);
      const edit = editOf(next);
      const h = options.undoable
        ? H.push(s.undoHistory, edit, sameEdit)
        : H.createHistory(edit, s.undoHistory.capacity);
      return { ...next, undoHistory: h, selected: null };
    });
  },
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
    statHistory: pushHistory(s.statHistory, iteration, stats),
  }));
}
