// `?lesson=N&step=K[&embed=1][&present=1]` opens that step (with its state) when the page loads.
import { readStepParam } from '../../lessons';
import { openStep } from './applyStep';
import { useLessonView } from './lessonView';
import { readFlags } from './stepLink';

export function openLessonFromUrl(search: string): void {
  const at = readStepParam(search);
  if (!at) return;
  const { embed, present } = readFlags(search);
  useLessonView.setState({ embed, present });
  openStep(at);
}
