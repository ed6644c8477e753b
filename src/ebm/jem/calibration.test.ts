// Accuracy, confidence and ECE against hand-computed values, plus two properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibration, rowsOf } from './calibration';

// Five points, three classes (no confidence on a bin edge, so float32 input bins alike).
// Confidence, correct?, bin (of 10):  .92 ✓ 9 | .85 ✗ 8 | .55 ✓ 5 | .42 ✗ 4 | .83 ✓ 8
// Bins: 9: acc 1, conf .92 (gap .08); 8: acc .5, conf .84 (gap .34, n = 2);
//       5: acc 1, conf .55 (gap .45); 4: acc 0, conf .42 (gap .42).
// ECE = (.08 + 2·.34 + .45 + .42)/5 = 1.63/5 = 0.326; MCE = .45; accuracy .6;
// confidence 3.57/5 = .714. With 5 bins: {.92, .85, .83} → bin 4 (acc 2/3, conf 2.6/3, gap
// .2), {.55, .42} → bin 2 (acc .5, conf .485, gap .015): ECE = (3·.2 + 2·.015)/5 = 0.126.
const probs = [
  [0.92, 0.04, 0.04],
  [0.1, 0.85, 0.05],
  [0.55, 0.45, 0],
  [0.3, 0.42, 0.28],
  [0.05, 0.12, 0.83],
];
const labels = [0, 2, 0, 0, 2];

describe('calibration', () => {
  it('matches the hand-computed example (10 and 5 bins)', () => {
    const c = calibration(probs, labels);
    expect(c.accuracy).toBeCloseTo(0.6, 12);
    expect(c.confidence).toBeCloseTo(0.714, 12);
    expect(c.ece).toBeCloseTo(0.326, 12);
    expect(c.mce).toBeCloseTo(0.45, 12);
    expect(c.bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 2, 1]);
    expect(c.bins[8].accuracy).toBe(0.5);
    expect(c.bins[8].confidence).toBeCloseTo(0.84, 12);
    expect(c.bins[0].accuracy).toBeNaN();
    expect(calibration(probs, labels, 5).ece).toBeCloseTo(0.126, 12);
  });

  it('confidence 1 falls in the last bin; argmax ties go to the first class', () => {
    const c = calibration(
      [
        [1, 0],
        [0.5, 0.5],
      ],
      [0, 1],
    );
    expect(c.bins[9].count).toBe(1);
    expect(c.bins[5].count).toBe(1);
    expect(c.accuracy).toBe(0.5);
    expect(c.ece).toBeCloseTo(0.5 * 0 + 0.5 * 0.5, 12);
  });

  it('rowsOf views a flat [N, K] array as rows', () => {
    const flat = Float32Array.from(probs.flat());
    const c = calibration(rowsOf(flat, 3), Int32Array.from(labels));
    expect(c.ece).toBeCloseTo(0.326, 6);
    expect(() => rowsOf(flat, 4)).toThrow(/not rows of 4/);
  });

  it('property: 0 ≤ |accuracy − confidence| ≤ ECE ≤ MCE ≤ 1', () => {
    const row = fc
      .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 4 })
      .map((r) => {
        const s = r.reduce((a, b) => a + b, 0);
        return r.map((v) => v / s);
      });
    fc.assert(
      fc.property(fc.array(fc.tuple(row, fc.nat(3)), { minLength: 1, maxLength: 40 }), (pts) => {
        const c = calibration(
          pts.map((p) => p[0]),
          pts.map((p) => p[1]),
        );
        expect(Math.abs(c.accuracy - c.confidence)).toBeLessThanOrEqual(c.ece + 1e-12);
        expect(c.ece).toBeLessThanOrEqual(c.mce + 1e-12);
        expect(c.mce).toBeLessThanOrEqual(1);
      }),
    );
  });
});
