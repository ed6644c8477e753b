// Which challenges a student has met, kept in local storage (a list of "lesson.step" keys).
const KEY = 'ebm-playground/lessons-progress';

export function loadProgress(storage: Storage | null): string[] {
  try {
    const raw = storage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

export function saveProgress(storage: Storage | null, done: readonly string[]): void {
  try {
    storage?.setItem(KEY, JSON.stringify(done));
  } catch {
    // storage full or blocked: progress is kept for this page only
  }
}

export function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
