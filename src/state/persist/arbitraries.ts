// fast-check generators of valid documents, for the property tests (test-only module).
import fc from 'fast-check';
import {
  CHAIN_OPTIONS,
  MODELS,
  OBJECTIVES,
  MODES,
  SAMPLERS,
  SETTING_ROWS,
  type NumberKey,
  type Settings,
} from '../../contract/settings';
import { CONTROL_NAMES, DENSITY_MODES, type ViewOptions } from '../../contract/view';
import { COORD_LIMIT } from '../../contract/box';
import { DOCUMENT_VERSION, type EbmDocument, type Point } from '../schema';
import { PRESETS } from '../../contract/presets';
import { REINIT_SOURCES } from '../../contract/reinit';
import { type Range } from '../../contract/range';

// `+ 0` turns -0 into 0: JSON writes both as 0, and deep equality tells them apart.
const real = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);
const inRange = (r: Range) => real(r.min, r.max);
const intIn = (r: Range) =>
  fc.integer({ min: r.min / r.step, max: r.max / r.step }).map((k) => k * r.step);

// Parsed JSON has Object.prototype; fast-check may otherwise make null-prototype records.
const plain = { noNullPrototype: true } as const;

export const coordArb = real(-COORD_LIMIT, COORD_LIMIT);

export const pointArb: fc.Arbitrary<Point> = fc.record(
  {
    x: coordArb,
    y: coordArb,
    label: fc.integer({ min: 0, max: 9 }),
    role: fc.constantFrom('data' as const, 'outlier' as const),
  },
  { requiredKeys: ['x', 'y'], noNullPrototype: true },
);

const isInt = (r: Range) => Number.isInteger(r.step) && Number.isInteger(r.min);

/** Every number setting from the contract's table, within its range. */
const numberArbs = Object.fromEntries(
  SETTING_ROWS.map((r) => [r.key, isInt(r) ? intIn(r) : inRange(r)]),
) as Record<NumberKey, fc.Arbitrary<number>>;

export const settingsArb: fc.Arbitrary<Settings> = fc.record(
  {
    ...numberArbs,
    chains: fc.constantFrom(...CHAIN_OPTIONS),
    sampler: fc.constantFrom(...SAMPLERS),
    model: fc.constantFrom(...MODELS),
    objective: fc.constantFrom(...OBJECTIVES),
    reinitFrom: fc.constantFrom(...REINIT_SOURCES),
    mode: fc.constantFrom(...MODES),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  },
  plain,
);

export const viewArb: fc.Arbitrary<ViewOptions> = fc.record(
  {
    show: fc.record({ samples: fc.boolean(), contours: fc.boolean(), points: fc.boolean() }, plain),
    density: fc.constantFrom(...DENSITY_MODES),
  },
  plain,
);

export const documentArb = (maxPoints = 40): fc.Arbitrary<EbmDocument> =>
  fc.record(
    {
      version: fc.constant(DOCUMENT_VERSION),
      points: fc.array(pointArb, { maxLength: maxPoints }),
      settings: settingsArb,
      preset: fc.constantFrom(...PRESETS),
      view: viewArb,
      hidden: fc.uniqueArray(fc.constantFrom(...CONTROL_NAMES)),
    },
    { requiredKeys: ['version', 'points', 'settings'], noNullPrototype: true },
  ) as fc.Arbitrary<EbmDocument>;

const EDIT_CHARS = [...'{}[],:"\\0123456789.-+eE tnfalsu\n\r;\u0000\uFEFF\uD800'];

/** `base` strings with a few random single-character insertions, deletions or replacements. */
export const mutatedArb = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      base,
      fc.array(
        fc.tuple(fc.nat(), fc.constantFrom('ins', 'del', 'rep'), fc.constantFrom(...EDIT_CHARS)),
        { minLength: 1, maxLength: 6 },
      ),
    )
    .map(([s, edits]) => {
      let out = s;
      for (const [pos, op, ch] of edits) {
        const i = out.length === 0 ? 0 : pos % (out.length + (op === 'ins' ? 1 : 0));
        if (op === 'ins') out = out.slice(0, i) + ch + out.slice(i);
        else if (op === 'del') out = out.slice(0, i) + out.slice(i + 1);
        else out = out.slice(0, i) + ch + out.slice(i + 1);
      }
      return out;
    });
