// Bad-input corpus, part 2: JSON syntax (with line and column) and prototype pollution.
import { describe, expect, it } from 'vitest';
import { expectAllRefused, type BadInput } from './corpus';

const deep = '['.repeat(100) + ']'.repeat(100);

const CASES: BadInput[] = [
  // JSON syntax, with line and column
  ['invalid JSON', 'a.json', '{"points": [}', 'invalid JSON at line 1, column 13: unexpected "}"'],
  [
    'truncated JSON',
    'a.json',
    '{"points": [{"x": 1,',
    'line 1, column 21: the file ends too early',
  ],
  [
    'NaN in JSON',
    'a.json',
    '{"points":[{"x":NaN,"y":0}]}',
    'column 17: NaN and Infinity are not valid JSON',
  ],
  [
    'Infinity in JSON',
    'a.json',
    '{"points":[{"x":Infinity,"y":0}]}',
    'NaN and Infinity are not valid JSON',
  ],
  [
    '-Infinity in JSON',
    'a.json',
    '{"points":[{"x":-Infinity,"y":0}]}',
    'NaN and Infinity are not valid JSON',
  ],
  ['single quotes', 'a.json', "{'points': []}", 'double quotes'],
  ['trailing comma', 'a.json', '{"points": [],}', 'trailing comma before "}"'],
  [
    'missing comma, line 3',
    'a.json',
    '{\n  "points": [\n    {"x": 1 "y": 2}\n  ]\n}',
    'line 3, column 13: unexpected "\\""; is a "," missing before it?',
  ],
  ['garbage after JSON', 'a.json', '{"points":[]} x', 'line 1, column 15: unexpected "x"'],
  [
    'raw control char in a string',
    'a.json',
    '{"preset":"a\u0001b","points":[]}',
    'line 1, column 13: control character U+0001',
  ],
  [
    'bad escape',
    'a.json',
    '{"preset":"\\q","points":[]}',
    'line 1, column 12: invalid escape sequence',
  ],
  ['hex number', 'a.json', '{"points":[{"x":0x1,"y":0}]}', 'line 1, column 18'],
  ['CSV in a .json file', 'a.json', '1,2\n3,4', 'invalid JSON at line 1, column 2'],
  ['deeply nested lists', 'a.json', deep, 'wrong nesting at line 1, column 17'],
  // Prototype pollution
  [
    '__proto__ at the top',
    'a.json',
    '{"__proto__":{"polluted":1},"points":[]}',
    '__proto__: this key is not allowed',
  ],
  [
    'constructor in a point',
    'a.json',
    '{"points":[{"x":0,"y":0,"constructor":{"prototype":{"p":1}}}]}',
    'points[0].constructor: this key is not allowed',
  ],
  [
    'prototype in settings',
    'a.json',
    '{"points":[],"settings":{"prototype":{}}}',
    'settings.prototype: this key is not allowed',
  ],
  [
    '__proto__ in metrics',
    'a.json',
    '{"points":[],"metrics":{"__proto__":{"isAdmin":true}}}',
    'metrics.__proto__: this key is not allowed',
  ],
  [
    '__proto__ deep in a list',
    'a.json',
    '{"points":[],"x":[[{"a":{"__proto__":1}}]]}',
    'x[0][0].a.__proto__: this key is not allowed',
  ],
];

describe('bad JSON', () => {
  expectAllRefused(CASES);

  it('did not pollute Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
