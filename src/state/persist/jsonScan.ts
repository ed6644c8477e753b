// Finds where invalid JSON goes wrong. JSON.parse's messages differ between engines and some
// give no position at all (Node 20: `Unexpected token 'N', "{"a":NaN}" is not valid JSON`),
// so a small validating scanner gives the same offset everywhere. Iterative (an explicit
// stack), so deeply nested input cannot overflow the call stack.

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /[0-9a-fA-F]{4}/y;

/** End of the string starting at `i` (a '"'), or -(offset + 1) of the first bad character. */
function scanString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '"') return j + 1;
    if (c < ' ') return -(j + 1); // raw control characters are not allowed inside strings
    if (c === '\\') {
      const e = s[j + 1];
      if (e === 'u') {
        HEX4.lastIndex = j + 2;
        if (!HEX4.test(s)) return -(j + 1);
        j += 5;
      } else if (ESCAPES.has(e)) j++;
      else return -(j + 1);
    }
  }
  return -(s.length + 1);
}

/** End of the number / true / false / null at `i`, or -(i + 1). */
function scanScalar(s: string, i: number): number {
  for (const word of ['true', 'false', 'null']) if (s.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  return NUMBER.test(s) ? NUMBER.lastIndex : -(i + 1);
}

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after';

export interface ScanError {
  offset: number;
  /** Valid so far, but nested deeper than `maxDepth` at `offset`. */
  tooDeep: boolean;
}

/**
 * The first error in `s`, or null when `s` is valid JSON. With `maxDepth`, nesting deeper
 * than that is an error too (at the opening bracket), found before any parsing.
 */
export function scanJson(s: string, maxDepth = Infinity): ScanError | null {
  const offset = errorOffset(s, maxDepth);
  if (offset < 0) return null;
  return {
    offset,
    tooDeep: offset < s.length && '{['.includes(s[offset]) && depthAt(s, offset) >= maxDepth,
  };
}

/** Open brackets (outside strings) before `offset`. Only called once, on failure. */
function depthAt(s: string, offset: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth;
}

function errorOffset(s: string, maxDepth: number): number {
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < s.length && WS.has(s[i])) i++;
    if (i >= s.length) return state === 'after' && stack.length === 0 ? -1 : s.length;
    const c = s[i];
    let end: number;
    switch (state) {
      case 'valueOrClose':
      case 'value':
        if (state === 'valueOrClose' && c === ']') {
          stack.pop();
          i++;
          state = 'after';
        } else if (c === '{' || c === '[') {
          if (stack.length >= maxDepth) return i;
          stack.push(c);
          i++;
          state = c === '{' ? 'keyOrClose' : 'valueOrClose';
        } else {
          end = c === '"' ? scanString(s, i) : scanScalar(s, i);
          if (end < 0) return -end - 1;
          i = end;
          state = 'after';
        }
        break;
      case 'keyOrClose':
      case 'key':
        if (state === 'keyOrClose' && c === '}') {
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (c !== '"') return i;
        end = scanString(s, i);
        if (end < 0) return -end - 1;
        i = end;
        state = 'colon';
        break;
      case 'colon':
        if (c !== ':') return i;
        i++;
        state = 'value';
        break;
      case 'after': {
        const top = stack[stack.length - 1];
        if (top === undefined) return i; // something after the complete value
        if (c === ',') state = top === '{' ? 'key' : 'value';
        else if (c === (top === '{' ? '}' : ']')) stack.pop();
        else return i;
        i++;
        break;
      }
    }
  }
}

/** 1-based line and column of `offset`, as editors show them. */
export function lineColumn(s: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < s.length; i++) {
    if (s[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
