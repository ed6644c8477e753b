// The Lessons side panel: a table of contents and the current step. The app keeps running
// beside it; steps drive it through the store's ordinary actions (applyStep.ts).
import { useState } from 'react';
import { stepLink } from './stepLink';
import { Contents } from './Contents';
import { useLessonView } from './lessonView';
import { StepView } from './StepView';
import './lessons.css';

function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export function LessonPanel() {
  const at = useLessonView((v) => v.at);
  const present = useLessonView((v) => v.present);
  const embed = useLessonView((v) => v.embed);
  const { setOpen, setPresent } = useLessonView.getState();
  const [toc, setToc] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    const link = stepLink(window.location.href, at);
    setCopied(link);
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // clipboard refused (no permission): the link stays shown to copy by hand
    }
  };
  return (
    <aside className="lesson-panel" aria-label="Lessons panel">
      <div className="lesson-bar">
        <button aria-expanded={toc} onClick={() => setToc(!toc)}>
          {toc ? 'Hide contents' : 'Contents'}
        </button>
        {!embed && (
          <button aria-pressed={present} onClick={() => setPresent(!present)}>
            Presentation
          </button>
        )}
        <button onClick={toggleFullScreen}>Full screen</button>
        {!embed && (
          <button onClick={() => setOpen(false)} aria-label="Close lessons">
            ✕
          </button>
        )}
      </div>
      {toc ? <Contents at={at} onPick={() => setToc(false)} /> : <StepView at={at} />}
      {!present && !toc && (
        <div className="lesson-share">
          <button onClick={() => void copy()}>Copy link to this step</button>
          {copied && (
            <input
              className="lesson-link"
              readOnly
              aria-label="Link to this step"
              value={copied}
              onFocus={(e) => e.target.select()}
            />
          )}
        </div>
      )}
    </aside>
  );
}
