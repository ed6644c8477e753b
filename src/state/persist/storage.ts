// Documents in a Storage-like object (localStorage in the browser, a fake in tests): what the
// autosave (../autosave.ts) writes and the next visit restores. Nothing here throws: a full or
// blocked storage is a result the UI reports, and a save that cannot be read back is restored
// as defaults with a notice — after copying it aside, so a later autosave does not overwrite
// the only copy of someone's work (e.g. one from a newer version).
import { DEFAULT_DOCUMENT, type EbmDocument } from '../schema';
import { parseJson } from './json';
import { parseDocumentLenient, type LenientResult } from './lenient';
import { migrate } from './migrate';

/** The subset of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The browser's storage, or null: reading `localStorage` itself throws where it is blocked. */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const AUTOSAVE_KEY = 'ebm-playground/document';
/** Where an unreadable save is copied before it can be overwritten. */
export const BACKUP_SUFFIX = '/unreadable';

export type SaveResult =
  { ok: true; chars: number } | { ok: false; reason: 'quota' | 'unavailable'; error: string };

export interface RestoreResult extends LenientResult {
  /** False when nothing usable was saved: `doc` is then the defaults passed in. */
  restored: boolean;
}

/** Browsers disagree on how a full storage is reported (name, legacy codes, Firefox's name). */
function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
  );
}

export function saveDocument(
  storage: StorageLike | null | undefined,
  doc: EbmDocument,
  key: string = AUTOSAVE_KEY,
): SaveResult {
  if (!storage) {
    return {
      ok: false,
      reason: 'unavailable',
      error: 'browser storage is not available; export a file to keep your work',
    };
  }
  const json = JSON.stringify(doc);
  try {
    storage.setItem(key, json);
    return { ok: true, chars: json.length };
  } catch (e) {
    if (isQuotaError(e)) {
      return {
        ok: false,
        reason: 'quota',
        error: 'browser storage is full; your work is not being saved — export a file to keep it',
      };
    }
    // Private modes and blocked storage throw SecurityError or other errors.
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      reason: 'unavailable',
      error: `saving failed (${why}); export a file to keep your work`,
    };
  }
}

function keepCopy(storage: StorageLike, key: string, raw: string): string {
  try {
    storage.setItem(key + BACKUP_SUFFIX, raw);
    return ` (a copy is kept in storage under "${key + BACKUP_SUFFIX}")`;
  } catch {
    return ''; // best effort: a full storage cannot hold the copy either
  }
}

export function restoreDocument(
  storage: StorageLike | null | undefined,
  defaults: EbmDocument = DEFAULT_DOCUMENT,
  key: string = AUTOSAVE_KEY,
): RestoreResult {
  const fresh = (notices: string[]): RestoreResult => ({ doc: defaults, notices, restored: false });
  if (!storage) return fresh([]);
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return fresh(['browser storage is not available; your work will not be saved automatically']);
  }
  if (raw === null) return fresh([]);
  const json = parseJson(raw);
  const check = json.ok ? migrate(json.value) : json;
  if (!json.ok || !check.ok) {
    const error = 'error' in check ? check.error : 'unknown problem';
    const copy = keepCopy(storage, key, raw);
    return fresh([
      `the saved work could not be read (${error}); starting from the defaults${copy}`,
    ]);
  }
  const result = parseDocumentLenient(json.value, defaults);
  // Partly invalid: restore what was valid, but keep the original too.
  if (result.notices.length > 0) {
    const copy = keepCopy(storage, key, raw);
    if (copy) result.notices.push(`the original save is unchanged${copy}`);
  }
  return { ...result, restored: true };
}
