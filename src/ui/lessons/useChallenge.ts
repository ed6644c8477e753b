// Watches the current step's challenge against the live numbers the page already shows
// (acceptance, KL, modes covered) and ticks it off the moment it is met.
import { useEffect } from 'react';
import { LESSONS, stepKey } from '../../lessons';
import type { LiveNumbers } from '../../lessons/types';
import { useApp, type AppState } from '../../state/store';
import { useLessonView } from './lessonView';

export function liveNumbers(a: AppState): LiveNumbers {
  const m = a.metrics.latest;
  return {
    acceptRate: a.stats?.acceptRate ?? null,
    iteration: a.iteration,
    kl: m && Number.isFinite(m.kl) ? m.kl : null,
    modesCovered: m?.modesCovered ?? 0,
    modesTotal: m?.modesTotal ?? 0,
    modeMass: a.metrics.modeMass.map((r) => ({ model: r.modelMass, data: r.dataShare })),
    settings: a.settings,
  };
}

/** Returns whether the current step's challenge has been met (now or before). */
export function useChallenge(): boolean {
  const at = useLessonView((v) => v.at);
  const open = useLessonView((v) => v.open);
  const done = useLessonView((v) => v.done.includes(stepKey(v.at)));
  const challenge = LESSONS[at.lesson - 1].steps[at.step - 1].challenge;
  useEffect(() => {
    if (!open || !challenge || done) return;
    const check = (a: AppState) => {
      if (challenge.met(liveNumbers(a))) useLessonView.getState().markDone(at);
    };
    check(useApp.getState());
    return useApp.subscribe(check);
  }, [open, challenge, done, at]);
  return done;
}
