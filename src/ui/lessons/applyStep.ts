// Opening a step: the lesson's setup, then the step's own state, applied through the store's
// ordinary actions and the engine's commands — the same ones the controls use.
import { LESSONS, type StepRef } from '../../lessons';
import type { StepState } from '../../lessons/types';
import type { Settings } from '../../contract/settings';
import { engine } from '../../state/engine';
import { useApp } from '../../state/store';
import { useLessonView } from './lessonView';

/** The state a step opens with: its lesson's setup overlaid with its own. */
export function stepState(at: StepRef): StepState {
  const lesson = LESSONS[at.lesson - 1];
  const own = lesson.steps[at.step - 1].state ?? {};
  return { ...lesson.setup, ...own, settings: { ...lesson.setup.settings, ...own.settings } };
}

/** The settings in `patch` that differ from `now` (so an unchanged step adds no undo step). */
export function changedSettings(now: Settings, patch: Partial<Settings>): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const [k, v] of Object.entries(patch) as [keyof Settings, Settings[keyof Settings]][]) {
    if (now[k] !== v) Object.assign(out, { [k]: v });
  }
  return out;
}

export function openStep(at: StepRef): void {
  useLessonView.setState({ at, open: true });
  const st = stepState(at);
  const app = useApp.getState();
  if (st.preset && app.preset !== st.preset) app.loadPreset(st.preset);
  const patch = changedSettings(app.settings, st.settings ?? {});
  if (Object.keys(patch).length > 0) app.setSettings(patch);
  if (st.density) app.setView({ density: st.density });
  if (st.trails !== undefined) app.setTrails(st.trails);
  if (st.reset) engine.reset();
  if (st.paused) engine.pause();
  else engine.play();
}

/** A break-it step's repair. */
export function applyFix(patch: Partial<Settings>): void {
  useApp.getState().setSettings(patch);
  engine.play();
}
