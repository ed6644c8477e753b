// Bounded chart series over iterations, appended at status rate (a few Hz): the training
// curves (engine status) and the density metrics keep the same shape, one array per key
// beside the iterations, so the charts draw both the same way.

/** Points kept per series (at ≈ 3–4 per second: the last few minutes). */
export const SERIES_CAP = 600;

/** Parallel arrays: `iteration[i]` and every key's `[i]` belong to one update. */
export type Series<K extends string> = Record<'iteration' | K, number[]>;

export function emptySeries<K extends string>(keys: readonly K[]): Series<K> {
  const s: Record<string, number[]> = { iteration: [] };
  for (const k of keys) s[k] = [];
  return s as Series<K>;
}

const cap = (a: number[], v: number) => (a.length >= SERIES_CAP ? [...a.slice(1), v] : [...a, v]);

/**
 * Append one update. The same iteration again (paused) adds nothing; an earlier one means the
 * model was reset, so the series start afresh.
 */
export function pushSeries<K extends string>(
  h: Series<K>,
  keys: readonly K[],
  iteration: number,
  values: Readonly<Record<K, number>>,
): Series<K> {
  const last = h.iteration[h.iteration.length - 1];
  if (last === iteration) return h;
  if (last !== undefined && iteration < last) h = emptySeries(keys);
  const out: Record<string, number[]> = { iteration: cap(h.iteration, iteration) };
  for (const k of keys) out[k] = cap(h[k], values[k]);
  return out as Series<K>;
}
