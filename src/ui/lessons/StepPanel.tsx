// A panel that is not a control (the timeline, JEM, compose…): in presentation mode it shows
// only when the current step names it (LessonStep.panels). Hidden, not unmounted, so the panel
// keeps its state and work (the timeline keeps recording) while the projector does not show it.
// The wrapper is `display: contents` when shown, so the layout is the panel's own.
import type { ReactNode } from 'react';
import type { PanelName } from '../../contract/view';
import { shownPanels, useLessonView } from './lessonView';

export function StepPanel({ name, children }: { name: PanelName; children: ReactNode }) {
  const hidden = useLessonView((v) => {
    const shown = shownPanels(v);
    return shown !== null && !shown.includes(name);
  });
  return (
    <div className="step-panel" data-panel={name} hidden={hidden}>
      {children}
    </div>
  );
}
