// Bad-input corpus, part 3: well-formed JSON with the wrong structure, types or values.
import { describe } from 'vitest';
import { DEFAULT_SETTINGS } from '../../contract/settings';
import { MAX_POINTS } from '../../contract/view';
import { doc, expectAllRefused, type BadInput } from './corpus';

const pts = (n: number) => Array.from({ length: n }, () => ({ x: 0, y: 0 }));

const CASES: BadInput[] = [
  // JSON structure and types
  [
    'top-level list',
    'a.json',
    '[{"x":1,"y":2}]',
    'top level: expected an object with a "points" list, got a list of 1',
  ],
  [
    'top-level number',
    'a.json',
    '42',
    'top level: expected an object with a "points" list, got 42',
  ],
  ['top-level string', 'a.json', '"points"', 'top level: expected an object'],
  ['top-level null', 'a.json', 'null', 'top level: expected an object'],
  ['points missing', 'a.json', '{"settings":{}}', 'points: missing (expected a list)'],
  ['points nested one level down', 'a.json', '{"data":{"points":[]}}', 'points: missing'],
  [
    'points as an object',
    'a.json',
    '{"points":{"x":1,"y":2}}',
    'points: expected a list, got an object',
  ],
  [
    'points as nested lists',
    'a.json',
    '{"points":[[[1,2]]]}',
    'points[0]: expected an object, got a list of 1',
  ],
  ['point as a number', 'a.json', '{"points":[1,2]}', 'points[0]: expected an object, got 1'],
  [
    'settings nested twice',
    'a.json',
    JSON.stringify({ points: [], settings: { settings: DEFAULT_SETTINGS } }),
    'settings.learningRate: missing',
  ],
  [
    'string as number',
    'a.json',
    '{"points":[{"x":"1.5","y":0}]}',
    'points[0].x: expected a number, got the text "1.5"',
  ],
  [
    'string label',
    'a.json',
    '{"points":[{"x":0,"y":0,"label":"1"}]}',
    'points[0].label: expected a number, got the text "1"',
  ],
  [
    'null coordinate',
    'a.json',
    '{"points":[{"x":null,"y":0}]}',
    'points[0].x: expected a number, got null',
  ],
  ['missing y', 'a.json', '{"points":[{"x":0}]}', 'points[0].y: missing (expected a number)'],
  [
    'boolean coordinate',
    'a.json',
    '{"points":[{"x":true,"y":0}]}',
    'points[0].x: expected a number, got true',
  ],
  [
    'misspelt key',
    'a.json',
    '{"points":[{"x":0,"y":0,"lable":1}]}',
    'points[0]: unknown field "lable"',
  ],
  [
    'unknown top-level key',
    'a.json',
    '{"points":[],"extra":1}',
    'top level: unknown field "extra"',
  ],
  [
    'coordinate 1e308',
    'a.json',
    '{"points":[{"x":0,"y":0},{"x":1e308,"y":0}]}',
    'points[1].x: 1e+308 is outside the allowed range [-4, 4]',
  ],
  [
    'coordinate 1e400 (Infinity)',
    'a.json',
    '{"points":[{"x":1e400,"y":0}]}',
    'points[0].x: the value is too large (allowed range [-4, 4])',
  ],
  [
    'coordinate -4.5',
    'a.json',
    '{"points":[{"x":0,"y":-4.5}]}',
    'points[0].y: -4.5 is outside the allowed range [-4, 4]',
  ],
  [
    'label 10',
    'a.json',
    '{"points":[{"x":0,"y":0,"label":10}]}',
    'points[0].label: 10 is outside the allowed range [0, 9]',
  ],
  [
    'label 1.5',
    'a.json',
    '{"points":[{"x":0,"y":0,"label":1.5}]}',
    'points[0].label: expected a whole number, got 1.5',
  ],
  [
    'too many points (JSON)',
    'a.json',
    JSON.stringify({ points: pts(MAX_POINTS + 1) }),
    `points: has ${MAX_POINTS + 1} entries; at most ${MAX_POINTS} allowed`,
  ],
  [
    'future version',
    'a.json',
    '{"version":3,"points":[]}',
    'format version 3, made by a newer EBM Playground',
  ],
  ['far future version', 'a.json', '{"version":1000,"points":[]}', 'format version 1000'],
  [
    'version as text',
    'a.json',
    '{"version":"1","points":[]}',
    'version: expected a whole number, got the text "1"',
  ],
  [
    'negative version',
    'a.json',
    '{"version":-1,"points":[]}',
    'version: expected a whole number, got -1',
  ],
  [
    'learning rate above its slider',
    'a.json',
    doc({ settings: { ...DEFAULT_SETTINGS, learningRate: 5 } }),
    'settings.learningRate: 5 is outside the allowed range [0.0001, 0.03]',
  ],
  [
    'chains not an option',
    'a.json',
    doc({ settings: { ...DEFAULT_SETTINGS, chains: 1000 } }),
    'settings.chains: expected one of 256, 512, 1024, 2048, 4096, 8192; got 1000',
  ],
  [
    'width off its step',
    'a.json',
    doc({ settings: { ...DEFAULT_SETTINGS, width: 13 } }),
    'settings.width: 13 is not a multiple of 8',
  ],
  [
    'unknown sampler',
    'a.json',
    doc({ settings: { ...DEFAULT_SETTINGS, sampler: 'magic' } }),
    'settings.sampler: expected one of "langevin"',
  ],
  [
    'seed too big',
    'a.json',
    doc({ settings: { ...DEFAULT_SETTINGS, seed: 2 ** 40 } }),
    'settings.seed: 1099511627776 is outside the allowed range [0, 2147483647]',
  ],
  [
    'unknown setting',
    'a.json',
    doc({ settings: { ...DEFAULT_SETTINGS, turbo: true } }),
    'settings: unknown field "turbo"',
  ],
  ['unknown preset', 'a.json', doc({ preset: 'galaxy' }), 'preset: expected one of "8gaussians"'],
  [
    'unknown hidden control',
    'a.json',
    doc({ hidden: ['everything'] }),
    'hidden[0]: expected one of',
  ],
  [
    'view flag as text',
    'a.json',
    doc({ view: { show: { samples: 'yes', contours: true, points: true }, density: 'energy' } }),
    'view.show.samples: expected true or false, got the text "yes"',
  ],
  [
    'unknown density mode',
    'a.json',
    doc({ view: { show: { samples: true, contours: true, points: true }, density: 'heat' } }),
    'view.density: expected one of "energy"',
  ],
  ['sample with three values', 'a.json', doc({ samples: [[1, 2, 3]] }), 'samples[0]'],
  [
    'sample as text',
    'a.json',
    doc({ samples: [['1', 2]] }),
    'samples[0][0]: expected a number, got the text "1"',
  ],
  ['samples as an object', 'a.json', doc({ samples: { x: 1 } }), 'samples: expected a list'],
  [
    'diverged sample',
    'a.json',
    doc({ samples: [[1e7, 0]] }),
    'samples[0][0]: 10000000 is above the maximum 1000000',
  ],
  [
    'metric as text',
    'a.json',
    doc({ metrics: { loss: 'low' } }),
    'metrics.loss: expected a number, got the text "low"',
  ],
];

describe('bad document structure', () => {
  expectAllRefused(CASES);
});
