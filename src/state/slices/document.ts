// The document part of the store: points, settings, preset, view options and hidden controls
// (what autosave, links and files carry; see ../document.ts), the undo history over the
// points, settings and preset, and the selection. Every edit of points, settings or preset
// goes through `apply`, which records it in the undo history: one step per click, per slider
// run (changes of the same setting in a row coalesce) and per drag (beginGesture … endGesture).
import { generateDataset } from '../../ebm/datasets';
import type { PresetName } from '../../contract/presets';
import type { Settings } from '../../contract/settings';
import type { ControlName, ViewOptions } from '../../contract/view';
import {
  defaultDocument,
  sameEdit,
  stateFromDocument,
  type DocState,
  type Edit,
} from '../document';
import * as H from '../history';
import type { EbmDocument, Point } from '../schema';
import type { SetSlice, SliceCreator } from './slice';

export interface DocumentSlice extends DocState {
  /** Undo/redo over the points, settings and preset (src/state/history.ts). */
  undoHistory: H.History<Edit>;
  selected: number | null;

  setSettings(patch: Partial<Settings>): void;
  loadPreset(p: PresetName): void;
  setPoints(points: Point[]): void;
  addPoints(points: Point[]): void;
  movePoint(i: number, p: Point): void;
  removePoint(i: number): void;
  select(i: number | null): void;
  clearPoints(): void;
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

/** A pause longer than this between two changes of the same setting starts a new step. */
export const COALESCE_MS = 1000;

const editOf = (s: DocState): Edit => ({
  points: s.points,
  settings: s.settings,
  preset: s.preset,
});

/**
 * The slider run being coalesced: changes of the same settings, one right after the other,
 * make one step; any other edit, undo or redo ends the run. Nothing renders it, so it is kept
 * beside the slice's state (one per store), not in it.
 */
class SettingsRun {
  private key: string | null = null;
  private at = 0;

  /** Whether a change with `key` now continues the run (and so replaces its step). */
  continues(key: string | undefined): boolean {
    return key !== undefined && key === this.key && Date.now() - this.at < COALESCE_MS;
  }

  /** A change was recorded: it starts (or continues) the run of `key`, or ends any run. */
  record(key: string | null): void {
    this.key = key;
    this.at = Date.now();
  }

  /** Something else happened (undo, redo, a gesture, a load): the next change is a new step. */
  end(): void {
    this.key = null;
  }
}

/** One edit of the points, settings or preset: a gesture's preview, a run's step, or a new step. */
function recordEdit(
  set: SetSlice<DocumentSlice>,
  run: SettingsRun,
  change: (s: DocumentSlice) => Partial<Edit>,
  coalesceKey?: string,
): void {
  set((s) => {
    const next: Edit = { ...editOf(s), ...change(s) };
    let h = s.undoHistory;
    if (h.pending) {
      h = H.preview(h, next);
      run.record(null);
    } else if (run.continues(coalesceKey) && H.canUndo(h)) {
      h = H.replacePresent(h, next);
      run.record(coalesceKey ?? null);
    } else {
      const before = h;
      h = H.push(h, next, sameEdit);
      run.record(h !== before && coalesceKey !== undefined ? coalesceKey : null);
    }
    return { ...next, undoHistory: h };
  });
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set) => {
  const run = new SettingsRun();
  const apply = (change: (s: DocumentSlice) => Partial<Edit>, coalesceKey?: string) =>
    recordEdit(set, run, change, coalesceKey);
  /** An edit that also drops the selection (the selected point may be gone). */
  const applyAndDeselect = (change: (s: DocumentSlice) => Partial<Edit>) => {
    apply(change);
    set({ selected: null });
  };
  const restore = (move: (h: H.History<Edit>) => H.History<Edit>) => {
    run.end();
    set((s) => {
      const h = move(s.undoHistory);
      if (h === s.undoHistory) return {};
      return { ...h.present, undoHistory: h, selected: null };
    });
  };
  const initial = stateFromDocument(defaultDocument());

  return {
    ...initial,
    undoHistory: H.createHistory(editOf(initial)),
    selected: null,

    setSettings: (patch) =>
      apply(
        (s) => ({ settings: { ...s.settings, ...patch } }),
        Object.keys(patch).sort().join(','),
      ),
    loadPreset: (preset) =>
      applyAndDeselect((s) => ({ preset, points: generateDataset(preset, s.settings.seed) })),
    setPoints: (points) => applyAndDeselect(() => ({ points })),
    addPoints: (ps) => apply((s) => ({ points: [...s.points, ...ps] })),
    movePoint: (i, p) => apply((s) => ({ points: s.points.map((q, k) => (k === i ? p : q)) })),
    removePoint: (i) => applyAndDeselect((s) => ({ points: s.points.filter((_, k) => k !== i) })),
    select: (selected) => set({ selected }),
    clearPoints: () => applyAndDeselect(() => ({ points: [], preset: 'empty' })),
    setView: (patch) => set((s) => ({ view: { ...s.view, ...patch } })),
    setHidden: (hidden) => set({ hidden }),

    beginGesture: () => {
      run.end();
      set((s) => ({ undoHistory: H.begin(H.commit(s.undoHistory, sameEdit)) }));
    },
    endGesture: () => set((s) => ({ undoHistory: H.commit(s.undoHistory, sameEdit) })),
    cancelGesture: () =>
      set((s) => {
        if (!s.undoHistory.pending) return {};
        const h = H.cancel(s.undoHistory);
        return { ...h.present, undoHistory: h, selected: null };
      }),
    undo: () => restore((h) => H.undo(h, sameEdit)),
    redo: () => restore(H.redo),

    loadDocument: (doc, options = {}) => {
      run.end();
      set((s) => {
        const next = stateFromDocument(doc);
        const edit = editOf(next);
        const h = options.undoable
          ? H.push(s.undoHistory, edit, sameEdit)
          : H.createHistory(edit, s.undoHistory.capacity);
        return { ...next, undoHistory: h, selected: null };
      });
    },
  };
};
