// A hidden tab pauses the engine (the 'pause' command, honoured within one chunk), unless the
// viewer chose to keep training in the background; showing the tab again resumes, if it was
// the hiding that paused it. A hidden tab draws nothing (no requestAnimationFrame), so the
// frames in flight stop at the credit limit: showing the tab brings at most two old frames.
// The choice is this browser's (localStorage), not the document's: a share link does not carry it.
import { useApp } from './store';

const KEY = 'ebm.keepTrainingHidden';

export function readKeepTrainingHidden(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function setKeepTrainingHidden(on: boolean): void {
  useApp.setState({ keepTrainingHidden: on });
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // storage refused (private mode, quota): the choice holds for this visit only
  }
}

export function pauseWhenHidden(engine: { play: () => void; pause: () => void }): void {
  useApp.setState({ keepTrainingHidden: readKeepTrainingHidden() });
  let pausedByHiding = false;
  document.addEventListener('visibilitychange', () => {
    const app = useApp.getState();
    if (document.visibilityState === 'hidden') {
      if (app.keepTrainingHidden || !app.playing) return;
      pausedByHiding = true;
      engine.pause();
    } else if (pausedByHiding) {
      pausedByHiding = false;
      engine.play();
    }
  });
}
