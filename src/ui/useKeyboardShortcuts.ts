// space = play/pause, s = step, r = reset, Delete/Backspace = remove the selected point.
import { useEffect } from 'react';
import { engine } from '../state/engine';
import { useApp } from '../state/store';

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA'))
        return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const app = useApp.getState();
      if (e.key === ' ') {
        e.preventDefault();
        if (app.playing) engine.pause();
        else engine.play();
      } else if (e.key === 's') engine.step();
      else if (e.key === 'r') engine.reset();
      else if ((e.key === 'Delete' || e.key === 'Backspace') && app.selected !== null) {
        e.preventDefault();
        app.removePoint(app.selected);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
