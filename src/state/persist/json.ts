// JSON.parse with errors a user can act on (line, column, likely cause) and a refusal of keys
// that could pollute prototypes if any later code merged the object into another.
import { formatPath } from './issues';
import { lineColumn, scanJson } from './jsonScan';

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Keys that reach Object.prototype when copied with plain assignment. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function hint(text: string, offset: number): string {
  if (offset >= text.length) return 'the file ends too early (is it cut off?)';
  if (['NaN', 'Infinity', '-Infinity'].some((w) => text.startsWith(w, offset))) {
    return 'NaN and Infinity are not valid JSON; every number must be finite';
  }
  const c = text[offset];
  if (c === "'") return 'text must use double quotes ("), not single quotes (\')';
  if ((c === '}' || c === ']') && /,\s*$/.test(text.slice(Math.max(0, offset - 64), offset))) {
    return `trailing comma before ${JSON.stringify(c)}`;
  }
  if (c < ' ')
    return `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')} is not allowed here`;
  if (c === '\\') return 'invalid escape sequence in text';
  // After a complete value, a new one means a separator is missing.
  const prev = /\S(?=\s*$)/.exec(text.slice(Math.max(0, offset - 64), offset))?.[0] ?? '';
  if (/["\d}\]el]/.test(prev) && /["{[\d-]/.test(c))
    return `unexpected ${JSON.stringify(c)}; is a "," missing before it?`;
  return `unexpected ${JSON.stringify(c)}`;
}

/**
 * The first forbidden key anywhere in `value`, as a path. Walked with a stack whose entries
 * point at their parent, so paths are only built on failure and deep nesting stays linear.
 */
function findForbiddenKey(value: unknown): string | null {
  const parents: number[] = [];
  const keys: PropertyKey[] = [];
  const pathOf = (node: number, last: PropertyKey): string => {
    const path = [last];
    for (let n = node; n > 0; n = parents[n]) path.push(keys[n]);
    return formatPath(path.reverse());
  };
  const stack: [unknown, number][] = [[value, 0]];
  parents.push(-1);
  keys.push('');
  while (stack.length > 0) {
    const [v, node] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    // Object.keys sees an own "__proto__" key: JSON.parse defines it as a plain property.
    const own = Array.isArray(v) ? [] : Object.keys(v);
    const bad = own.find((k) => FORBIDDEN_KEYS.has(k));
    if (bad !== undefined) return pathOf(node, bad);
    const entries: [PropertyKey, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : own.map((k) => [k, (v as Record<string, unknown>)[k]]);
    for (const [k, child] of entries.reverse()) {
      if (child === null || typeof child !== 'object') continue; // leaves hold no keys
      parents.push(node);
      keys.push(k);
      stack.push([child, parents.length - 1]);
    }
  }
  return null;
}

/** No valid file nests deeper than this (`samples[i][0]` is 3); deeper means the wrong file. */
export const MAX_JSON_DEPTH = 16;

export function parseJson(text: string): JsonResult {
  // Scan first: it is linear, gives an engine-independent position, and refuses absurd
  // nesting before JSON.parse spends seconds on it.
  const scan = scanJson(text, MAX_JSON_DEPTH);
  if (scan) {
    const { line, column } = lineColumn(text, scan.offset);
    const where = `line ${line}, column ${column}`;
    if (scan.tooDeep) {
      return { ok: false, error: `wrong nesting at ${where}: lists and objects nest too deeply` };
    }
    return { ok: false, error: `invalid JSON at ${where}: ${hint(text, scan.offset)}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `invalid JSON: ${(e as Error).message}` }; // scanner missed it
  }
  const bad = findForbiddenKey(value);
  if (bad !== null) {
    return {
      ok: false,
      error: `${bad}: this key is not allowed (it could alter built-in objects)`,
    };
  }
  return { ok: true, value };
}
