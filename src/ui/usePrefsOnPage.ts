// Puts the display preferences on the page: <html data-theme="light|dark"> (app.css keys its
// colour variables on it), data-motion="reduce|full" (no CSS transitions or animations when
// reduced) and the browser's own color-scheme (form controls, scrollbars).
import { useEffect } from 'react';
import { isDark, isReducedMotion, usePrefs, type PrefsState } from '../state/prefs';

function apply(p: PrefsState): void {
  const root = document.documentElement;
  const dark = isDark(p);
  root.dataset.theme = dark ? 'dark' : 'light';
  root.dataset.motion = isReducedMotion(p) ? 'reduce' : 'full';
  root.style.colorScheme = dark ? 'dark' : 'light';
}

export function usePrefsOnPage(): void {
  useEffect(() => {
    apply(usePrefs.getState());
    return usePrefs.subscribe(apply);
  }, []);
}
