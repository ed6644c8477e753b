// One step: where it sits, its text, its formula, the one thing to do, its challenge or fix.
import { LESSONS, type StepRef } from '../../lessons';
import { applyFix } from './applyStep';
import { PredictBox } from '../predict/PredictBox';
import { SlowMotionButton } from '../slowMotion/SlowMotionButton';
import { Formula } from './Formula';
import { StepNav } from './StepNav';
import { useChallenge } from './useChallenge';

export function StepView({ at }: { at: StepRef }) {
  const lesson = LESSONS[at.lesson - 1];
  const step = lesson.steps[at.step - 1];
  const met = useChallenge();
  return (
    <article className="lesson-step" aria-labelledby="lesson-step-title" data-testid="lesson-step">
      <p className="lesson-where">
        Lesson {at.lesson} · {lesson.title} · step {at.step} of {lesson.steps.length}
      </p>
      <h3 id="lesson-step-title">{step.title}</h3>
      <p>{step.text}</p>
      {step.formula && <Formula tex={step.formula} />}
      <p className="lesson-todo">
        <b>Do this:</b> {step.todo}
      </p>
      {step.challenge && (
        <p
          className={met ? 'lesson-challenge met' : 'lesson-challenge'}
          role="status"
          data-testid="challenge"
        >
          {met ? '✓ Done: ' : '☆ Challenge: '}
          {step.challenge.goal}
        </p>
      )}
      {step.predict && <PredictBox key={`${at.lesson}.${at.step}`} target={step.predict.target} />}
      {step.slowMotion && (
        <p className="lesson-slow">
          <SlowMotionButton />
        </p>
      )}
      {step.fix && (
        <button onClick={() => applyFix(step.fix!.settings)} data-testid="fix-it">
          {step.fix.label}
        </button>
      )}
      <StepNav at={at} />
    </article>
  );
}
