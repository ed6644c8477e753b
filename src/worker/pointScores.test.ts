// The point scores' wiring: energies split into data and outliers, the AUROC against a
// brute-force count, accuracy/ECE from logits, and the padding of the rows.
import { describe, expect, it } from 'vitest';
import { decodeScores, paddedRows } from './pointScores';

/** P(a > b) + ½P(a = b) over all pairs, by counting. */
const brute = (a: number[], b: number[]) => {
  let s = 0;
  for (const u of a) for (const v of b) s += u > v ? 1 : u === v ? 0.5 : 0;
  return s / (a.length * b.length);
};

describe('point scores', () => {
  it('pads to a power of two ≥ 64', () => {
    expect([0, 1, 64, 65, 200].map(paddedRows)).toEqual([64, 64, 64, 128, 256]);
  });

  it('energy model: data and outlier energies, AUROC of −E equal to the brute count', () => {
    const sp = {
      points: new Float32Array(8), // 4 data points
      labels: null,
      outliers: new Float32Array(4), // 2 outliers
    };
    const e = [0.1, 2.0, -1, 0.5, 1.5, 3];
    const values = new Float32Array(64);
    values.set(e);
    const s = decodeScores(values, sp, null);
    expect(Array.from(s.dataEnergy)).toEqual(Array.from(Float32Array.from(e.slice(0, 4))));
    expect(Array.from(s.outlierEnergy)).toEqual([1.5, 3]);
    expect(s.aurocEnergy).toBeCloseTo(brute([1.5, 3], [0.1, 2.0, -1, 0.5]), 12);
    expect(s.accuracy).toBeNaN();
  });

  it('classifier: accuracy, confidence and E = −logsumexp from the logits', () => {
    const K = 3;
    const sp = {
      points: new Float32Array(4), // 2 data points, classes 0 and 2
      labels: Uint8Array.from([0, 2]),
      outliers: new Float32Array(2), // 1 outlier
    };
    const logits = [
      [5, 0, 0], // right, confident
      [0, 3, 1], // wrong (says class 1)
      [1, 1, 1], // outlier: unsure
    ];
    const values = new Float32Array(64 * K);
    values.set(logits.flat());
    const s = decodeScores(values, sp, K);
    const lse = (f: number[]) => Math.log(f.reduce((t, v) => t + Math.exp(v), 0));
    expect(s.dataEnergy[0]).toBeCloseTo(-lse(logits[0]), 5);
    expect(s.outlierEnergy[0]).toBeCloseTo(-lse(logits[2]), 5);
    expect(s.accuracy).toBe(0.5);
    const conf = (f: number[]) => Math.exp(Math.max(...f) - lse(f));
    expect(s.confidence).toBeCloseTo((conf(logits[0]) + conf(logits[1])) / 2, 6);
    expect(s.aurocConfidence).toBe(1); // both data points are surer than the outlier
    expect(s.aurocEnergy).toBeCloseTo(
      brute(
        [-lse(logits[2])],
        [0, 1].map((i) => -lse(logits[i])),
      ),
      12,
    );
  });
});
