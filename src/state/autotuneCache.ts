// The autotuner's report for this device, kept in localStorage (a browser fact, not part of
// the document: a share link does not carry it). The worker uses it only when its deviceKey
// (renderer, cores) matches; "re-measure" clears it and starts a fresh worker.
import type { AutotuneReport } from '../contract/autotune';

const KEY = 'ebm.autotune';

export function readAutotuneCache(): AutotuneReport | null {
  try {
    const raw = localStorage.getItem(KEY);
    const r = raw ? (JSON.parse(raw) as AutotuneReport) : null;
    return r && typeof r.deviceKey === 'string' && typeof r.chosen === 'string' ? r : null;
  } catch {
    return null;
  }
}

export function writeAutotuneCache(r: AutotuneReport): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(r));
  } catch {
    // storage refused: the next visit measures again
  }
}

export function clearAutotuneCache(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
