// The course, in order. A new lesson: its file here and one line below.
import { beyond } from './beyond';
import { breakIt } from './breakIt';
import { energy } from './energy';
import { hmcLesson } from './hmc';
import { langevinLesson } from './langevin';
import { learning } from './learning';
import { metropolis } from './metropolis';
import { normaliser } from './normaliser';
import { persistent } from './persistent';
import { rbmLesson } from './rbm';
import { PANEL_CONTROLS, PANEL_NAMES, type PanelName } from '../contract/view';
import type { Lesson, LessonStep } from './types';

export const LESSONS: readonly Lesson[] = [
  energy,
  normaliser,
  langevinLesson,
  metropolis,
  hmcLesson,
  learning,
  persistent,
  breakIt,
  rbmLesson,
  beyond,
];

/** A step's identity in links and saved progress: 1-based lesson and step numbers. */
export interface StepRef {
  lesson: number;
  step: number;
}

export const stepCount = (): number => LESSONS.reduce((n, l) => n + l.steps.length, 0);

/** The step after (dir = 1) or before (dir = −1) `at`, across lessons; null at either end. */
export function neighbour(at: StepRef, dir: 1 | -1): StepRef | null {
  const steps = LESSONS[at.lesson - 1].steps.length;
  const step = at.step + dir;
  if (step >= 1 && step <= steps) return { lesson: at.lesson, step };
  const lesson = at.lesson + dir;
  if (lesson < 1 || lesson > LESSONS.length) return null;
  return { lesson, step: dir === 1 ? 1 : LESSONS[lesson - 1].steps.length };
}

/** `?lesson=N&step=K` read from a query string; null when absent or out of range. */
export function readStepParam(search: string): StepRef | null {
  const q = new URLSearchParams(search);
  if (!q.has('lesson')) return null;
  const lesson = Math.trunc(Number(q.get('lesson')));
  const step = q.has('step') ? Math.trunc(Number(q.get('step'))) : 1;
  if (!(lesson >= 1 && lesson <= LESSONS.length)) return null;
  if (!(step >= 1 && step <= LESSONS[lesson - 1].steps.length)) return null;
  return { lesson, step };
}

/** A progress key for a step's challenge. */
export const stepKey = (at: StepRef): string => `${at.lesson}.${at.step}`;

/** The panels a step shows in presentation mode: those it names, and those holding its controls. */
export function stepPanels(step: LessonStep): PanelName[] {
  return PANEL_NAMES.filter(
    (p) => step.panels?.includes(p) || PANEL_CONTROLS[p]?.some((c) => step.controls?.includes(c)),
  );
}
