// AUROC against a brute-force pair count (random data with ties), percentiles, thresholds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auroc, percentileOf, thresholdAtPercentile } from './ood';
import { makeRng } from './rng';

/** Σ over all pairs of [a > b] + ½[a = b], divided by |A||B|: the definition. */
function bruteAuroc(a: number[], b: number[]): number {
  let s = 0;
  for (const x of a) for (const y of b) s += x > y ? 1 : x === y ? 0.5 : 0;
  return s / (a.length * b.length);
}

describe('OOD scores', () => {
  it('AUROC equals the brute-force pair count on random data with many ties', () => {
    const small = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(small, small, (a, b) => {
        const u = auroc(a, b);
        expect(u).toBeCloseTo(bruteAuroc(a, b), 12);
        expect(u + auroc(b, a)).toBeCloseTo(1, 12); // swapping the sets reflects it
      }),
      { numRuns: 300, seed: 42 },
    );
    // Mixed floats and ±∞ as well.
    const mixed = fc.array(
      fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, 1, -Infinity, Infinity)),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(mixed, mixed, (a, b) => {
        expect(auroc(a, b)).toBeCloseTo(bruteAuroc(a, b), 12);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('AUROC: separated 1, reversed 0, identical ½, gaussians with d′ = 1 ≈ Φ(1/√2)', () => {
    expect(auroc([3, 4], [1, 2])).toBe(1);
    expect(auroc([1, 2], [3, 4])).toBe(0);
    expect(auroc([2, 2, 2], [2, 2])).toBe(0.5);
    expect(auroc([], [1])).toBeNaN();
    expect(() => auroc([NaN], [1])).toThrow(/NaN/);
    // A ~ N(1, 1), B ~ N(0, 1): AUROC = Φ(1/√2) = 0.760250.
    const rng = makeRng(5);
    const a = Array.from({ length: 4000 }, () => 1 + rng.normal());
    const b = Array.from({ length: 4000 }, () => rng.normal());
    const u = auroc(a, b);
    console.log(`OOD: AUROC of N(1,1) vs N(0,1), 4000 each: ${u.toFixed(4)} (exact 0.7602)`);
    expect(Math.abs(u - 0.76025)).toBeLessThan(0.015);
  });

  it('percentileOf uses mid-ranks; matches a brute-force count', () => {
    expect(percentileOf(2, [1, 2, 3, 4])).toBe(37.5); // (1 + ½)/4
    expect(percentileOf(0, [1, 2])).toBe(0);
    expect(percentileOf(9, [1, 2])).toBe(100);
    expect(percentileOf(1, [])).toBeNaN();
    const ints = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 7 }), ints, (v, r) => {
        const brute = r.reduce((s, x) => s + (x < v ? 1 : x === v ? 0.5 : 0), 0);
        expect(percentileOf(v, r)).toBeCloseTo((100 * brute) / r.length, 10);
        // The percentile of v is the AUROC of {v} against the reference, in %.
        expect(percentileOf(v, r)).toBeCloseTo(100 * auroc([v], r), 10);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('thresholdAtPercentile is the type-7 quantile and inverts percentileOf', () => {
    expect(thresholdAtPercentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(thresholdAtPercentile([4, 1, 3, 2], 0)).toBe(1);
    expect(thresholdAtPercentile([4, 1, 3, 2], 100)).toBe(4);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(thresholdAtPercentile(hundred, 95)).toBeCloseTo(95.05, 10);
    expect(thresholdAtPercentile([-Infinity, 0, Infinity], 50)).toBe(0);
    expect(thresholdAtPercentile([], 50)).toBeNaN();
    expect(() => thresholdAtPercentile([1], 101)).toThrow(/not in \[0, 100\]/);
    const rng = makeRng(9);
    const ref = Array.from({ length: 1000 }, () => rng.normal());
    for (const q of [5, 50, 90, 95, 99]) {
      const t = thresholdAtPercentile(ref, q);
      expect(Math.abs(percentileOf(t, ref) - q)).toBeLessThanOrEqual(0.1 + 1e-9); // 100/n
      const flagged = ref.filter((v) => v > t).length / ref.length;
      expect(Math.abs(flagged - (1 - q / 100))).toBeLessThanOrEqual(0.001 + 1e-9);
    }
  });
});
