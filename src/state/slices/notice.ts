// The one message shown to the user (a rollback, a damaged link, a failing autosave…) with its
// severity; a new one replaces the old, and null dismisses it.
import type { SliceCreator } from './slice';

export type NoticeLevel = 'info' | 'warn' | 'error';
export interface Notice {
  level: NoticeLevel;
  text: string;
  /** A button next to the text (e.g. restart a stopped engine); it also dismisses the notice. */
  action?: { label: string; run: () => void };
}

export interface NoticeSlice {
  notice: Notice | null;
  setNotice(n: Notice | null): void;
}

export const createNoticeSlice: SliceCreator<NoticeSlice> = (set) => ({
  notice: null,
  setNotice: (notice) => set({ notice }),
});
