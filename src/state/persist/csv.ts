// CSV of points: `x,y`, `x,y,label` or `x,y,label,role` per line, optional header with exactly
// those names (label = the class, role = data or outlier; contract/classes.ts).
// Accepted: CRLF/CR line endings, blank lines (skipped), a UTF-8 BOM (stripped), spaces around
// values, quoted values, a blank label cell (= unlabelled point), a blank role (= data). Everything else is refused
// with the line number and column, since a silently misread file is worse than a refusal.
import { COORD_LIMIT } from '../../contract/box';
import { POINT_ROLES, type PointRole } from '../../contract/classes';
import { MAX_POINTS } from '../../contract/view';
import { type Point } from '../schema';
import { rangeText } from './issues';

export type CsvResult = { ok: true; points: Point[] } | { ok: false; error: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d*,\d+$/;
const HEADER_WORD = /^[A-Za-z_][\w ]*$/;
const COLUMNS = ['x', 'y', 'label', 'role'] as const;
const HEADERS = '"x,y", "x,y,label" or "x,y,label,role"';

type Role = { ok: true; value: PointRole | undefined } | { ok: false; error: string };

function parseRole(text: string, at: string): Role {
  if (text === '') return { ok: true, value: undefined };
  const v = text.toLowerCase();
  return (POINT_ROLES as readonly string[]).includes(v)
    ? { ok: true, value: v as PointRole }
    : {
        ok: false,
        error: `${at}, role: ${JSON.stringify(text.slice(0, 24))} must be "data" or "outlier"`,
      };
}

type Cells = { ok: true; cells: string[] } | { ok: false; error: string };

/** Splits one line on commas, honouring "quoted, values" with "" as an escaped quote. */
function splitLine(line: string, at: string): Cells {
  if (line.includes(';')) {
    const error = /\d,\d/.test(line)
      ? `${at}: uses ";" between values and "," as the decimal point; use "," between values and "." for decimals`
      : `${at}: uses ";" as a separator; use "," between values`;
    return { ok: false, error };
  }
  if (line.includes('\t')) return { ok: false, error: `${at}: uses tabs as separators; use ","` };
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (!quoted && c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (!quoted && c === ',') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  if (quoted) return { ok: false, error: `${at}: a quote (") is not closed` };
  cells.push(cell.trim());
  return { ok: true, cells };
}

type Num = { ok: true; value: number | undefined } | { ok: false; error: string };

function parseCell(text: string, column: 'x' | 'y' | 'label', at: string): Num {
  const where = `${at}, ${column}`;
  if (text === '') {
    if (column === 'label') return { ok: true, value: undefined }; // unlabelled point
    return { ok: false, error: `${where}: blank cell; every row needs both x and y` };
  }
  const shown = JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…` : text);
  if (COMMA_DECIMAL.test(text)) {
    return {
      ok: false,
      error: `${where}: ${shown} uses a comma as the decimal point; write it with "."`,
    };
  }
  if (column === 'label') {
    const ok = /^\d+$/.test(text) && Number(text) <= 9;
    return ok
      ? { ok: true, value: Number(text) }
      : { ok: false, error: `${where}: ${shown} must be a whole number from 0 to 9` };
  }
  if (!NUMBER.test(text)) return { ok: false, error: `${where}: ${shown} is not a number` };
  const value = Number(text);
  if (!(Math.abs(value) <= COORD_LIMIT)) {
    return {
      ok: false,
      error: `${where}: ${text} is outside the allowed range ${rangeText(column)}`,
    };
  }
  return { ok: true, value: value + 0 }; // + 0 turns -0 into 0
}

/** A header is all words; "NaN" and "Infinity" are bad numbers, not column names. */
function isHeader(cells: string[]): boolean {
  return cells.every((c) => HEADER_WORD.test(c) && !/^(nan|inf|infinity)$/i.test(c));
}

export function parseCsv(input: string): CsvResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const lines = text.split(/\r\n|\r|\n/);
  const rows = lines
    .map((line, i) => ({ line, at: `line ${i + 1}` }))
    .filter((r) => r.line.trim() !== '');
  if (rows.length === 0) return { ok: false, error: 'the file is empty' };

  const first = splitLine(rows[0].line, rows[0].at);
  if (!first.ok) return first;
  const width = first.cells.length;
  if (isHeader(first.cells)) {
    const names = first.cells.map((c) => c.toLowerCase());
    if (names.length < 2 || names.length > 4 || names.some((n, i) => n !== COLUMNS[i])) {
      return {
        ok: false,
        error: `line 1: the header must be ${HEADERS}; found "${first.cells.join(',')}"`,
      };
    }
    rows.shift();
    if (rows.length === 0) return { ok: false, error: 'the file has a header but no data rows' };
  } else if (width < 2 || width > 4) {
    return {
      ok: false,
      error: `${rows[0].at}: expected 2 to 4 values (x,y[,label[,role]]), found ${width}`,
    };
  }
  if (rows.length > MAX_POINTS) {
    return { ok: false, error: `the file has ${rows.length} points; the limit is ${MAX_POINTS}` };
  }

  const points: Point[] = [];
  for (const { line, at } of rows) {
    const split = splitLine(line, at);
    if (!split.ok) return split;
    const { cells } = split;
    if (cells.length !== width) {
      const hint = cells.length > width ? ' (decimal commas? write 1.5, not 1,5)' : '';
      return {
        ok: false,
        error: `${at}: expected ${width} values (${COLUMNS.slice(0, width).join(',')}), found ${cells.length}${hint}`,
      };
    }
    const p: Partial<Point> = {};
    for (let c = 0; c < Math.min(width, 3); c++) {
      const col = COLUMNS[c] as 'x' | 'y' | 'label';
      const r = parseCell(cells[c], col, at);
      if (!r.ok) return r;
      if (r.value !== undefined) p[col] = r.value;
    }
    if (width === 4) {
      const r = parseRole(cells[3], at);
      if (!r.ok) return r;
      if (r.value !== undefined) p.role = r.value;
    }
    points.push(p as Point);
  }
  return { ok: true, points };
}
