import { beforeAll, describe, expect, it } from 'vitest';
import { averageHorizon, WeightAverage } from './weightAverage';
import { useCpu } from './testing';
import { tf } from './tf';

beforeAll(useCpu);

const values = (v: tf.Tensor) => Array.from(v.dataSync());

describe('averageHorizon', () => {
  it('is 1 at the start of the schedule, the most once the rate is at its floor', () => {
    expect(averageHorizon(0, 1500, 200)).toBe(1);
    expect(averageHorizon(1500, 1500, 200)).toBeCloseTo(200, 9);
    expect(averageHorizon(4000, 1500, 200)).toBeCloseTo(200, 9);
    // The header's figures: quadratic in how far the rate has come down.
    expect(averageHorizon(500, 1500, 200)).toBeCloseTo(13.4, 1);
    expect(averageHorizon(1000, 1500, 200)).toBeCloseTo(112.9, 1);
    expect(averageHorizon(1300, 1500, 200)).toBeCloseTo(183.2, 1);
  });
  it('holds the most at a constant rate, and 0 or 1 turns averaging off', () => {
    expect(averageHorizon(10, 0, 200)).toBe(200);
    expect(averageHorizon(1500, 1500, 0)).toBe(1);
    expect(averageHorizon(1500, 1500, 1)).toBe(1);
  });
});

describe('WeightAverage', () => {
  it('averages θ̄ ← d·θ̄ + (1 − d)·θ and shows it without changing θ', () => {
    const v = tf.variable(tf.tensor1d([0, 10]));
    const avg = new WeightAverage([v]);
    avg.update(4); // the first update starts from θ
    v.assign(tf.tensor1d([4, 2]));
    avg.update(4); // d = 3/4: 0.75·[0, 10] + 0.25·[4, 2]
    const shown = avg.shown(() => values(v));
    expect(shown[0]).toBeCloseTo(1, 6);
    expect(shown[1]).toBeCloseTo(8, 6);
    expect(values(v)).toEqual([4, 2]);
    avg.dispose();
    v.dispose();
  });

  it('shows θ itself after a reset or with a horizon of 1, until the next update', () => {
    const v = tf.variable(tf.tensor1d([1, 2]));
    const avg = new WeightAverage([v]);
    avg.update(10);
    v.assign(tf.tensor1d([5, 6]));
    avg.update(10);
    expect(avg.shown(() => values(v))[0]).toBeCloseTo(1.4, 5);
    avg.reset(); // e.g. a rollback replaced the weights
    expect(avg.shown(() => values(v))).toEqual([5, 6]);
    avg.update(10); // starts again from θ
    expect(avg.shown(() => values(v))).toEqual([5, 6]);
    avg.update(1);
    v.assign(tf.tensor1d([7, 8]));
    expect(avg.shown(() => values(v))).toEqual([7, 8]);
    avg.dispose();
    v.dispose();
  });

  it('puts θ back bit for bit even when fn throws, and leaks no tensor in a long loop', () => {
    const v = tf.variable(tf.randomNormal([64, 64], 0, 1, 'float32', 3));
    const before = values(v);
    const avg = new WeightAverage([v]);
    expect(() =>
      avg.shown(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const n0 = tf.memory().numTensors;
    for (let k = 0; k < 200; k++) {
      const next = tf.add(v, 0.01);
      v.assign(next);
      next.dispose(); // v keeps its own reference to the data
      avg.update(50);
      avg.shown(() => tf.tidy(() => tf.sum(v).dataSync()));
    }
    expect(tf.memory().numTensors).toBe(n0);
    const after = values(v);
    expect(after[0]).toBeCloseTo(before[0] + 2, 3);
    avg.dispose();
    v.dispose();
  });
});
