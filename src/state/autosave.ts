// Autosave wiring: every change of the document part of the store is written to storage after
// a short pause (debounced), and at once when the page is hidden or closed. A failing save is
// reported once as a notice; the app keeps running and the next save tries again.
// Where and how a document is written is persist/storage.ts; this is only when.
import { documentFromState, type DocState } from './document';
import { saveDocument, type SaveResult, type StorageLike } from './persist';
import { useApp } from './store';

export const AUTOSAVE_DELAY_MS = 300;

const docChanged = (a: DocState, b: DocState): boolean =>
  a.points !== b.points ||
  a.settings !== b.settings ||
  a.preset !== b.preset ||
  a.view !== b.view ||
  a.hidden !== b.hidden ||
  a.composition !== b.composition;

export interface Autosave {
  /** Saves now if a change is waiting (page hide, tests). */
  flush(): void;
  stop(): void;
}

export function startAutosave(
  storage: StorageLike | null,
  {
    delayMs = AUTOSAVE_DELAY_MS,
    onSave,
  }: { delayMs?: number; onSave?: (r: SaveResult) => void } = {},
): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing: string | null = null; // the notice text shown for the current failure
  const save = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const r = saveDocument(storage, documentFromState(useApp.getState()));
    onSave?.(r);
    const app = useApp.getState();
    if (!r.ok) {
      const text = `Autosave: ${r.error}.`;
      if (failing !== text) app.setNotice({ level: 'error', text });
      failing = text;
    } else if (failing !== null) {
      if (app.notice?.text === failing) app.setNotice(null);
      failing = null;
    }
  };
  const unsubscribe = useApp.subscribe((next, prev) => {
    if (!docChanged(next, prev)) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  const flush = () => {
    if (timer !== null) save();
  };
  const onHide = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'hidden') flush();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
  }
  return {
    flush,
    stop: () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (typeof window !== 'undefined') {
        window.removeEventListener('pagehide', flush);
        document.removeEventListener('visibilitychange', onHide);
      }
    },
  };
}
