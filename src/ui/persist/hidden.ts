// The hook the UI asks before showing a control a classroom link may hide (the names and
// their labels are the contract's: src/contract/view.ts). Presentation mode of the lessons also
// hides every control the current step does not use.
import type { ControlName } from '../../contract/view';
import { useApp } from '../../state/store';
import { shownControls, useLessonView } from '../lessons/lessonView';

/** True when the current page hides this control (a classroom link, or presentation mode). */
export function useHidden(name: ControlName | undefined): boolean {
  const byLink = useApp((a) => name !== undefined && a.hidden.includes(name));
  const byStep = useLessonView((v) => {
    const shown = shownControls(v);
    return name !== undefined && shown !== null && !shown.includes(name);
  });
  return byLink || byStep;
}
