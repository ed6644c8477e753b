// Previous / Next between steps (also ← / → on the keyboard), across lesson boundaries.
import { useEffect } from 'react';
import { neighbour, type StepRef } from '../../lessons';
import { isTextEntry } from '../useKeyboardShortcuts';
import { openStep } from './applyStep';

export function StepNav({ at }: { at: StepRef }) {
  const prev = neighbour(at, -1);
  const next = neighbour(at, 1);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
      if (e.target instanceof HTMLInputElement) return; // a focused slider keeps its arrows
      const to = e.key === 'ArrowRight' ? next : e.key === 'ArrowLeft' ? prev : null;
      if (!to) return;
      e.preventDefault();
      openStep(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prev, next]);
  return (
    <div className="lesson-nav">
      <button
        disabled={!prev}
        onClick={() => prev && openStep(prev)}
        aria-label="Previous step (←)"
      >
        ← Back
      </button>
      <button
        className="primary"
        disabled={!next}
        onClick={() => next && openStep(next)}
        aria-label="Next step (→)"
      >
        Next →
      </button>
    </div>
  );
}
