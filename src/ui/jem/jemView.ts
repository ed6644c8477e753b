// Page-local choices for classes and OOD (issue #11), not saved with the document: the class
// the editor gives new points (keys 1–5), which classifier view the landscape shows, and the
// OOD threshold contour's percentile. What is saved (each point's class and role, λ, the
// class to sample) lives in the document.
import { create } from 'zustand';
import type { ClassViewMode } from '../../viz/classLayer';

export interface JemViewState {
  /** The class new points get (0-based; shown as 1–5). */
  editClass: number;
  view: ClassViewMode;
  /** The class y of the E(x, y) view. */
  viewClass: number;
  oodContour: boolean;
  /** The contour sits at this percentile of the data's energies (%). */
  oodPercentile: number;
  set(patch: Partial<Omit<JemViewState, 'set'>>): void;
}

export const useJemView = create<JemViewState>((set) => ({
  editClass: 0,
  view: 'regions',
  viewClass: 0,
  oodContour: true,
  oodPercentile: 95,
  set: (patch) => set(patch),
}));
