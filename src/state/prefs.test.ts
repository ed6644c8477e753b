// Node has no localStorage: a Map-backed stand-in, and a fresh module for each case.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const store = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  clear: () => store.clear(),
});

describe('display preferences', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.resetModules();
  });

  it('start at the defaults, and a choice is kept in local storage', async () => {
    const { usePrefs, isDark } = await import('./prefs');
    expect(usePrefs.getState().theme).toBe('auto');
    usePrefs.getState().setPrefs({ theme: 'dark', palette: 'cividis' });
    expect(isDark(usePrefs.getState())).toBe(true);
    expect(JSON.parse(localStorage.getItem('ebm.display')!)).toEqual({
      theme: 'dark',
      palette: 'cividis',
      motion: 'auto',
    });
  });

  it('a bad stored value falls back to the default for that field only', async () => {
    localStorage.setItem('ebm.display', JSON.stringify({ theme: 'neon', palette: 'viridis' }));
    const { usePrefs, isReducedMotion } = await import('./prefs');
    const p = usePrefs.getState();
    expect([p.theme, p.palette, p.motion]).toEqual(['auto', 'viridis', 'auto']);
    expect(isReducedMotion({ ...p, motion: 'reduce' })).toBe(true);
  });
});
