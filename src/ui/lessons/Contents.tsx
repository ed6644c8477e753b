// The table of contents: every lesson and its steps, with ticks for challenges met.
import { LESSONS, stepKey, type StepRef } from '../../lessons';
import { openStep } from './applyStep';
import { useLessonView } from './lessonView';

export function Contents({ at, onPick }: { at: StepRef; onPick: () => void }) {
  const done = useLessonView((v) => v.done);
  return (
    <nav className="lesson-toc" aria-label="Lessons">
      <ol>
        {LESSONS.map((lesson, i) => (
          <li key={lesson.title}>
            <b>{lesson.title}</b> <span className="lesson-summary">{lesson.summary}</span>
            <ol>
              {lesson.steps.map((s, k) => {
                const ref = { lesson: i + 1, step: k + 1 };
                const current = at.lesson === ref.lesson && at.step === ref.step;
                return (
                  <li key={s.title}>
                    <button
                      className="linkish"
                      aria-current={current ? 'step' : undefined}
                      onClick={() => {
                        openStep(ref);
                        onPick();
                      }}
                    >
                      {s.title}
                    </button>
                    {s.challenge && (
                      <span
                        className="lesson-tick"
                        role="img"
                        aria-label={done.includes(stepKey(ref)) ? 'challenge met' : 'challenge'}
                      >
                        {done.includes(stepKey(ref)) ? ' ✓' : ' ☆'}
                      </span>
                    )}
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
