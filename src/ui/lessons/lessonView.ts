// The lesson panel's own state (not part of the document: links and files never carry it):
// whether it is open, which step shows, presentation and embed modes, challenges met.
import { create } from 'zustand';
import type { ControlName, PanelName } from '../../contract/view';
import { LESSONS, stepKey, stepPanels, type StepRef } from '../../lessons';
import { loadProgress, pageStorage, saveProgress } from './progress';

export interface LessonView {
  open: boolean;
  at: StepRef;
  /** Projector mode: large type, only the step's controls. */
  present: boolean;
  /** Opened inside an iframe of a course page: no app chrome. */
  embed: boolean;
  /** Challenge keys met ("lesson.step"). */
  done: string[];
  setOpen(open: boolean): void;
  setPresent(present: boolean): void;
  markDone(at: StepRef): void;
}

export const useLessonView = create<LessonView>()((set, get) => ({
  open: false,
  at: { lesson: 1, step: 1 },
  present: false,
  embed: false,
  done: loadProgress(pageStorage()),
  setOpen: (open) => set({ open, present: open && get().present }),
  setPresent: (present) => set({ present }),
  markDone: (at) => {
    const key = stepKey(at);
    if (get().done.includes(key)) return;
    const done = [...get().done, key];
    saveProgress(pageStorage(), done);
    set({ done });
  },
}));

/** The controls the current step uses, or null when every control shows. */
export function shownControls(
  v: Pick<LessonView, 'open' | 'present' | 'at'>,
): readonly ControlName[] | null {
  if (!v.open || !v.present) return null;
  return LESSONS[v.at.lesson - 1].steps[v.at.step - 1].controls ?? [];
}

/** The panels the current step uses, or null when every panel shows. */
export function shownPanels(
  v: Pick<LessonView, 'open' | 'present' | 'at'>,
): readonly PanelName[] | null {
  if (!v.open || !v.present) return null;
  return stepPanels(LESSONS[v.at.lesson - 1].steps[v.at.step - 1]);
}
