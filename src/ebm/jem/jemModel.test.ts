// E(x) = −logsumexp f(x) against float64 JS, the softmax/energy identities, and stability.
import { beforeAll, describe, expect, it } from 'vitest';
import { energyGrad } from '../energy';
import { useCpu } from '../testing';
import { tf } from '../tf';
import { createJem, freeEnergy } from './jemModel';

beforeAll(useCpu);

const cfg = { width: 16, depth: 2, inputScale: 0.5, seed: 7, classes: 4 };
const pts = [
  [0.3, -1.2],
  [2.5, 0.7],
  [-3.1, 3.3],
  [0, 0],
  [3.9, -3.9],
];

/** −log Σ exp f in float64 with the max shift: the free energy, independently of tfjs. */
const freeEnergy64 = (f: number[]): number => {
  const m = Math.max(...f);
  return -(m + Math.log(f.reduce((s, v) => s + Math.exp(v - m), 0)));
};

describe('JEM model', () => {
  it('E(x) = −logsumexp_y f(x)[y], matching float64 JS to 1e-6 (relative)', () => {
    const model = createJem(cfg);
    const x = tf.tensor2d(pts);
    const f = model.logits(x).arraySync();
    const e = model.energy(x).arraySync();
    const naive = tf.neg(tf.log(tf.sum(tf.exp(model.logits(x)), 1))).arraySync() as number[];
    expect(f[0]).toHaveLength(4);
    for (let n = 0; n < pts.length; n++) {
      const ref = freeEnergy64(f[n]);
      expect(Math.abs(e[n] - ref)).toBeLessThan(1e-6 * Math.max(1, Math.abs(ref)));
      expect(Math.abs(naive[n] - ref)).toBeLessThan(1e-5 * Math.max(1, Math.abs(ref)));
    }
    model.dispose();
  });

  it('softmax(−E(x, y)) = p(y|x) = exp(E(x) − E(x, y)) = classProbs, rows sum to 1', () => {
    const model = createJem(cfg);
    const x = tf.tensor2d(pts);
    const ey = tf.stack(
      [0, 1, 2, 3].map((y) => model.classEnergy(x, y)),
      1,
    ) as tf.Tensor2D;
    const viaSoftmax = tf.softmax(tf.neg(ey)).arraySync();
    const viaFree = (
      tf.exp(tf.sub(tf.expandDims(model.energy(x), 1), ey)) as tf.Tensor2D
    ).arraySync();
    const probs = model.classProbs(x).arraySync();
    const f = model.logits(x).arraySync();
    const eyv = ey.arraySync();
    for (let n = 0; n < pts.length; n++) {
      expect(probs[n].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      for (let y = 0; y < 4; y++) {
        expect(viaSoftmax[n][y]).toBeCloseTo(probs[n][y], 6);
        expect(viaFree[n][y]).toBeCloseTo(probs[n][y], 6);
        expect(eyv[n][y]).toBe(-f[n][y]);
      }
    }
    expect(() => model.classEnergy(x, 4)).toThrow(/not in \[0, 4\)/);
    model.dispose();
  });

  it('a common logit shift of +500 lowers E by 500 without overflow and leaves p(y|x)', () => {
    const model = createJem(cfg);
    const x = tf.tensor2d(pts);
    const e0 = model.energy(x).arraySync();
    const p0 = model.classProbs(x).arraySync();
    const bLast = model.variables[model.variables.length - 1];
    bLast.assign(tf.add(bLast, 500));
    const e1 = model.energy(x).arraySync();
    const p1 = model.classProbs(x).arraySync();
    for (let n = 0; n < pts.length; n++) {
      expect(Number.isFinite(e1[n])).toBe(true);
      expect(Math.abs(e1[n] - (e0[n] - 500))).toBeLessThan(1e-3); // float32 ulp at 500 ≈ 6e-5
      p0[n].forEach((v, y) => expect(p1[n][y]).toBeCloseTo(v, 5));
    }
    model.dispose();
  });

  it('freeEnergy and ∇ₓE work as an EnergyFn (gradient finite, shape [N, 2])', () => {
    const model = createJem(cfg);
    const x = tf.tensor2d(pts);
    expect(freeEnergy(tf.tensor2d([[0, Math.log(3)]])).arraySync()[0]).toBeCloseTo(-Math.log(4), 6);
    const g = energyGrad(model.energy, x);
    expect(g.shape).toEqual([5, 2]);
    expect(Array.from(g.dataSync()).every(Number.isFinite)).toBe(true);
    const gy = energyGrad((z) => model.classEnergy(z, 2), x);
    expect(gy.shape).toEqual([5, 2]);
    model.dispose();
  });

  it('rejects fewer than 2 classes', () => {
    expect(() => createJem({ ...cfg, classes: 1 })).toThrow(/at least 2 classes/);
  });
});
