// Polite announcements for screen readers: what a keyboard or touch edit just did ("Point
// added at (0.50, −0.50); 3 points"). One live region (Announcer.tsx) reads this store. A run
// of arrow presses is announced once, when it pauses, not at every step.
import { create } from 'zustand';

interface Announcement {
  text: string;
  /** Bumped on every announcement, so the same sentence twice is read twice. */
  seq: number;
}

export const useAnnouncement = create<Announcement>()(() => ({ text: '', seq: 0 }));

let timer: ReturnType<typeof setTimeout> | undefined;

/** Says `text` now, or after `quietMs` without another announcement. */
export function announce(text: string, quietMs = 0): void {
  clearTimeout(timer);
  const say = () => useAnnouncement.setState((a) => ({ text, seq: a.seq + 1 }));
  if (quietMs > 0) timer = setTimeout(say, quietMs);
  else say();
}

/** A coordinate pair for people: two decimals, a real minus sign. */
export const coords = (x: number, y: number): string =>
  `(${x.toFixed(2).replace('-', '−')}, ${y.toFixed(2).replace('-', '−')})`;
