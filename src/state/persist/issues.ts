// Turns zod issues into one sentence a user can act on: where (field path), what was found,
// and what is allowed. zod's own messages ("Too big: expected number to be <=4") say neither.
import { CLASS_COUNT } from '../../contract/classes';
import type { z } from 'zod';
import { COORD_LIMIT } from '../../contract/box';
import { KDE_BANDWIDTH, SETTING_ROWS } from '../../contract/settings';

type Path = readonly PropertyKey[];

/** `points[3].x` style, as a user would find it in the file. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Allowed ranges by field name, so range errors can quote both ends. */
const KNOWN_RANGES: Record<string, readonly [number, number]> = {
  x: [-COORD_LIMIT, COORD_LIMIT],
  y: [-COORD_LIMIT, COORD_LIMIT],
  label: [0, 9],
  seed: [0, 2 ** 31 - 1],
  kdeBandwidth: [0, KDE_BANDWIDTH.max],
  sampleClass: [0, CLASS_COUNT - 1],
  ...Object.fromEntries(SETTING_ROWS.map((r) => [r.key, [r.min, r.max] as const])),
};

export function rangeText(key: PropertyKey): string | undefined {
  const r = typeof key === 'string' ? KNOWN_RANGES[key] : undefined;
  return r ? `[${r[0]}, ${r[1]}]` : undefined;
}

/** Short, safe description of a found value (user text is truncated, never echoed whole). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const shown = value.length > 24 ? `${value.slice(0, 24)}…` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'an object';
}

const NOUNS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'an object',
  string: 'text',
  boolean: 'true or false',
};

function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Literal values a union or enum would have accepted, for "expected one of …". */
function allowedValues(issue: z.core.$ZodIssue): unknown[] {
  if (issue.code === 'invalid_value') return [...issue.values];
  if (issue.code === 'invalid_union') {
    return issue.errors.flatMap((errs) => errs.flatMap((e) => allowedValues(e)));
  }
  return [];
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown, prefix: Path): string {
  const where = formatPath([...prefix, ...issue.path]) || 'top level';
  const value = valueAt(root, issue.path);
  const key = [...prefix, ...issue.path].pop();
  switch (issue.code) {
    case 'invalid_type': {
      const noun = NOUNS[issue.expected] ?? issue.expected;
      if (value === undefined) return `${where}: missing (expected ${noun})`;
      if (typeof value === 'number' && !Number.isFinite(value)) {
        // JSON cannot spell Infinity, so this was a literal like 1e400 that overflowed.
        const range = rangeText(key ?? '');
        return `${where}: the value is too large${range ? ` (allowed range ${range})` : ''}`;
      }
      return `${where}: expected ${noun}, got ${describeValue(value)}`;
    }
    case 'too_big':
    case 'too_small': {
      if (issue.origin === 'array' && Array.isArray(value)) {
        const bound =
          issue.code === 'too_big' ? `at most ${issue.maximum}` : `at least ${issue.minimum}`;
        return `${where}: has ${value.length} entries; ${bound} allowed`;
      }
      const range = rangeText(key ?? '');
      if (range) return `${where}: ${describeValue(value)} is outside the allowed range ${range}`;
      if (issue.code === 'too_big')
        return `${where}: ${describeValue(value)} is above the maximum ${issue.maximum}`;
      return `${where}: ${describeValue(value)} is below the minimum ${issue.minimum}`;
    }
    case 'not_multiple_of':
      return `${where}: ${describeValue(value)} is not a multiple of ${issue.divisor}`;
    case 'unrecognized_keys': {
      const names = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${names}`;
    }
    case 'invalid_value':
    case 'invalid_union': {
      const allowed = allowedValues(issue);
      if (allowed.length === 0) return `${where}: ${issue.message}`;
      // Long lists (control names) are cut: the message should stay one readable line.
      const quoted = allowed.map((v) => JSON.stringify(v));
      const list =
        quoted.length > 12
          ? `${quoted.slice(0, 8).join(', ')}, … (${quoted.length} in all)`
          : quoted.join(', ');
      return `${where}: expected one of ${list}; got ${describeValue(value)}`;
    }
    default:
      return `${where}: ${issue.message}`;
  }
}

/**
 * The first problem, plus a count of the rest (one clear message beats a wall of them).
 * `prefix` is where `root` sits in the document, for errors from a sub-schema.
 */
export function formatZodError(error: z.ZodError, root: unknown, prefix: Path = []): string {
  const [first, ...rest] = error.issues;
  if (!first) return 'invalid data';
  const more =
    rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return describeIssue(first, root, prefix) + more;
}
