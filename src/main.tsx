import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAutosave } from './state/autosave';
import { startComposeBridge } from './state/composeBridge';
import { engine } from './state/engine';
import { browserStorage } from './state/persist';
import { decodeShareLink, withoutLink } from './state/shareLink';
import { applyStartDocument, chooseStartDocument } from './state/startup';
import { useApp } from './state/store';
import { App } from './ui/App';
import { runPageBench } from './ui/benchPage';
import { openLessonFromUrl } from './ui/lessons/startup';
import { registerOffline } from './ui/offline';
import { readBackendParam, readLangevinParam, readThreadsParam } from './ui/urlParams';
import './ui/app.css';

// What the user made comes back first: a share link > the autosave > the defaults.
const storage = browserStorage();
const start = chooseStartDocument(window.location.hash, storage);
applyStartDocument(start, storage);
// The link has been read: drop it from the address bar, so a reload shows the autosave
// (with the edits made since) instead of the link again.
const dropLink = () => history.replaceState(history.state, '', withoutLink(window.location.href));
if (start.source === 'link') dropLink();
startAutosave(storage);
// A link pasted into this tab's address bar changes only the fragment: open it in place,
// one undo step away from what was there.
window.addEventListener('hashchange', () => {
  const link = decodeShareLink(window.location.hash);
  if (link === null) return;
  const app = useApp.getState();
  app.loadDocument(link.doc, { undoable: true });
  app.setNotice(
    link.notices.length > 0
      ? { level: 'warn', text: `Opened a shared link, but: ${link.notices.join('; ')}.` }
      : { level: 'info', text: 'Opened the shared link: Undo (Ctrl+Z) brings back what was here.' },
  );
  dropLink();
});

// The engine starts before React renders: the page is learning within about a second.
startComposeBridge();
const search = window.location.search;
engine.start(readBackendParam(search), readLangevinParam(search), readThreadsParam(search));
if (new URLSearchParams(window.location.search).has('bench')) runPageBench();
registerOffline();
openLessonFromUrl(window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
