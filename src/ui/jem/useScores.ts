// The latest frame's point scores (accuracy, ECE, AUROC…) for React, at most 4 times a second
// (frames arrive far more often; the numbers are for reading, not for animation).
import { useEffect, useState } from 'react';
import type { PointScores } from '../../contract/jem';
import { frames } from '../../state/frameHolder';

const EVERY_MS = 250;

export function useScores(): { scores: PointScores | null; classifier: boolean } {
  const read = () => ({
    scores: frames.latest?.scores ?? null,
    classifier: !!frames.latest?.classes,
  });
  const [value, setValue] = useState(read);
  useEffect(() => {
    let last = 0;
    let timer = 0;
    const update = () => {
      last = performance.now();
      timer = 0;
      setValue(read());
    };
    const unsub = frames.subscribe(() => {
      if (timer) return;
      const wait = EVERY_MS - (performance.now() - last);
      if (wait <= 0) update();
      else timer = window.setTimeout(update, wait);
    });
    return () => {
      unsub();
      window.clearTimeout(timer);
    };
  }, []);
  return value;
}

/** The export's `metrics` entries for classes and OOD, where they apply (finite). */
export function scoreMetrics(s: PointScores | null | undefined): Record<string, number> {
  if (!s) return {};
  const all: Record<string, number> = {
    accuracy: s.accuracy,
    meanConfidence: s.confidence,
    ece: s.ece,
    oodAuroc: s.aurocEnergy,
    oodAurocConfidence: s.aurocConfidence,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => Number.isFinite(v)));
}
