// Composing and recovering, page side: the edits of the document's `composition` (frozen
// experts and their mixing; saved with the document, so it is declared in DocState too and
// replaced whole by loadDocument), plus what is not saved: the experts' thumbnails (energy on
// a THUMB_SIZE² grid, sent back by the worker), the clamp, the last drop & restore path and
// the run whose conditional histogram is being gathered. Pure edits are in ../composition.ts.
import type { Clamp } from '../../contract/experts';
import type { ComposeMode, ExpertDef } from '../../contract/experts';
import type { Composition } from '../composeSchema';
import * as C from '../composition';
import type { SliceCreator } from './slice';

export interface ComposeSlice {
  composition: Composition | null;
  /** Each expert's energy thumbnail, by id (from the worker; not saved). */
  expertThumbs: Record<string, Float32Array>;
  clamp: Clamp | null;
  /** The last drop & restore path [x0, y0, …], the dropped point first. */
  restorePath: Float32Array | null;

  addExpert(e: ExpertDef): void;
  removeExpert(id: string): void;
  setMixWeight(i: number, w: number): void;
  setComposeMode(m: ComposeMode): void;
  setComposing(on: boolean): void;
  loadHalfRing(): void;
  setThumbs(ids: string[], thumbs: Float32Array[]): void;
  setClamp(c: Clamp | null): void;
  setRestorePath(p: Float32Array | null): void;
}

export const createComposeSlice: SliceCreator<ComposeSlice> = (set) => {
  const edit = (f: (c: Composition) => Composition) =>
    set((s) => ({ composition: f(s.composition ?? C.EMPTY_COMPOSITION) }));
  return {
    composition: null,
    expertThumbs: {},
    clamp: null,
    restorePath: null,
    addExpert: (e) => edit((c) => C.addExpert(c, e)),
    removeExpert: (id) => edit((c) => C.removeExpert(c, id)),
    setMixWeight: (i, w) => edit((c) => C.setWeight(c, i, w)),
    setComposeMode: (m) => edit((c) => C.setMode(c, m)),
    setComposing: (on) => edit((c) => C.setOn(c, on)),
    loadHalfRing: () => set({ composition: C.halfRingExample() }),
    setThumbs: (ids, thumbs) =>
      set(() => ({ expertThumbs: Object.fromEntries(ids.map((id, i) => [id, thumbs[i]])) })),
    setClamp: (clamp) => set({ clamp }),
    setRestorePath: (restorePath) => set({ restorePath }),
  };
};
