import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../contract/settings';
import {
  architectureChanges,
  buildWeightsFile,
  looksLikeWeights,
  parseWeightsFile,
  WEIGHTS_FORMAT,
} from './weights';

const weights = {
  shapes: [[2, 3], [3], [3, 1], [1]],
  values: [[0.1, -0.2, 0.3, 1e-8, 5, -6], [0, 0, 0.5], [1, 2, 3], [Math.fround(0.1)]],
};
const settings = { ...DEFAULT_SETTINGS, width: 32, depth: 3 };

describe('model weights files', () => {
  it('round trip: shapes exact, values to float32 precision, architecture kept', () => {
    const text = buildWeightsFile(weights, settings);
    expect(looksLikeWeights(text)).toBe(true);
    const r = parseWeightsFile(text);
    if (!r.ok) throw new Error(r.error);
    expect(r.architecture).toEqual({ model: 'mlp', width: 32, depth: 3, rbmHidden: 32 });
    expect(r.weights.shapes).toEqual(weights.shapes);
    r.weights.values.forEach((vs, i) =>
      vs.forEach((v, k) => expect(Math.fround(v)).toBe(Math.fround(weights.values[i][k]))),
    );
    // Bytes as a browser reads them parse the same.
    expect(parseWeightsFile(new TextEncoder().encode(text))).toEqual(r);
  });

  it('architectureChanges lists only the keys that differ', () => {
    expect(
      architectureChanges(settings, { model: 'mlp', width: 32, depth: 3, rbmHidden: 32 }),
    ).toEqual({});
    expect(
      architectureChanges(settings, { model: 'mlp', width: 64, depth: 2, rbmHidden: 32 }),
    ).toEqual({ width: 64, depth: 2 });
  });

  const base = JSON.parse(buildWeightsFile(weights, settings)) as Record<string, unknown>;
  const bad: [string, unknown, RegExp][] = [
    ['a document', { points: [], settings }, /not a model weights file/],
    ['a list', [1, 2], /not a model weights file/],
    ['a newer version', { ...base, version: 2 }, /version/],
    [
      'a width no slider reaches',
      { ...base, architecture: { ...settings, width: 30 } },
      /architecture/,
    ],
    [
      'values that do not fill the shape',
      { ...base, parameters: [{ shape: [2, 3], values: [1, 2] }] },
      /shape \[2, 3\] needs 6 values; the file has 2/,
    ],
    [
      'a non-number',
      { ...base, parameters: [{ shape: [1], values: ['x'] }] },
      /parameters\[0\]\.values\[0\]/,
    ],
    ['an unknown field', { ...base, extra: 1 }, /unknown field "extra"/],
  ];
  it.each(bad)('refuses %s with a message naming the problem', (_, value, message) => {
    const r = parseWeightsFile(JSON.stringify(value));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('refuses broken JSON and binary content', () => {
    expect(parseWeightsFile('{"format": "' + WEIGHTS_FORMAT + '", ')).toMatchObject({ ok: false });
    expect(parseWeightsFile(new Uint8Array([0, 1, 2, 0]))).toMatchObject({ ok: false });
  });
});
