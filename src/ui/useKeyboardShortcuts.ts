// space = play/pause, s = step, r = reset, Delete/Backspace = remove the selected point,
// Ctrl/Cmd-Z = undo, Shift-Ctrl/Cmd-Z (or Ctrl-Y) = redo.
import { useEffect } from 'react';
import { engine } from '../state/engine';
import { useApp } from '../state/store';

/** Fields where the browser's own editing (and its own undo) must keep the keys. */
export function isTextEntry(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
  if (t.tagName !== 'INPUT') return false;
  const type = (t as HTMLInputElement).type;
  return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file'].includes(
    type,
  );
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Handled already (the focused landscape's own keys: useKeyboardEditing.ts).
      if (e.defaultPrevented || isTextEntry(e.target)) return;
      const app = useApp.getState();
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y')) {
        e.preventDefault();
        if (key === 'y' || e.shiftKey) app.redo();
        else app.undo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // The controls below are not keyboard-only: range and checkbox inputs keep their keys.
      if (e.target instanceof HTMLInputElement) return;
      if (e.key === ' ') {
        e.preventDefault();
        if (app.playing) engine.pause();
        else engine.play();
      } else if (e.key === 's') engine.step();
      else if (e.key === 'r' && !app.hidden.includes('reset')) engine.reset();
      else if (
        (e.key === 'Delete' || e.key === 'Backspace') &&
        app.selected !== null &&
        !app.hidden.includes('points')
      ) {
        e.preventDefault();
        app.removePoint(app.selected);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
