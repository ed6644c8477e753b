// Display preferences of this browser (theme, colour palette, motion), kept in local storage
// beside the document, not in it: documents, links and their schema version are untouched.
// `auto` follows the system (prefers-color-scheme, prefers-reduced-motion), live: the
// resolved values change when the system setting does.
import { create } from 'zustand';
import { z } from 'zod';
import {
  DEFAULT_PREFS,
  MOTIONS,
  PALETTES,
  THEMES,
  type DisplayPrefs,
  type PaletteName,
} from '../contract/view';

const KEY = 'ebm.display';

const PrefsSchema = z.object({
  theme: z.enum(THEMES).catch(DEFAULT_PREFS.theme),
  palette: z.enum(PALETTES).catch(DEFAULT_PREFS.palette),
  motion: z.enum(MOTIONS).catch(DEFAULT_PREFS.motion),
});

export interface PrefsState extends DisplayPrefs {
  /** What `auto` resolves to now. */
  systemDark: boolean;
  systemReduce: boolean;
  setPrefs(patch: Partial<DisplayPrefs>): void;
}

function read(): DisplayPrefs {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? PrefsSchema.parse(JSON.parse(raw)) : DEFAULT_PREFS;
  } catch {
    return DEFAULT_PREFS; // unreadable or refused storage: the defaults
  }
}

const media = (q: string): MediaQueryList | null =>
  typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(q) : null;
const DARK = media('(prefers-color-scheme: dark)');
const REDUCE = media('(prefers-reduced-motion: reduce)');

export const usePrefs = create<PrefsState>()((set, get) => ({
  ...read(),
  systemDark: DARK?.matches ?? false,
  systemReduce: REDUCE?.matches ?? false,
  setPrefs: (patch) => {
    set(patch);
    const { theme, palette, motion } = get();
    try {
      localStorage.setItem(KEY, JSON.stringify({ theme, palette, motion }));
    } catch {
      // storage refused: the choice holds for this visit only
    }
  },
}));
DARK?.addEventListener('change', (e) => usePrefs.setState({ systemDark: e.matches }));
REDUCE?.addEventListener('change', (e) => usePrefs.setState({ systemReduce: e.matches }));

export const isDark = (p: PrefsState): boolean =>
  p.theme === 'dark' || (p.theme === 'auto' && p.systemDark);
export const isReducedMotion = (p: PrefsState): boolean =>
  p.motion === 'reduce' || (p.motion === 'auto' && p.systemReduce);
export const paletteOf = (p: PrefsState): PaletteName => p.palette;
