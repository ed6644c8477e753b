// ∇ₓE from autodiff (with the custom SiLU gradient) against central finite differences.
import { beforeAll, describe, expect, it } from 'vitest';
import { energyAndGrad, energyGrad } from './energy';
import { createMlp } from './mlp';
import { silu } from './silu';
import { useCpu } from './testing';
import { tf, type Tensor2D } from './tf';

beforeAll(useCpu);

describe('energy gradients', () => {
  it('dE/dx of the SiLU MLP matches central finite differences (rel. err < 2e-3)', () => {
    const model = createMlp({ width: 16, depth: 2, inputScale: 0.5, seed: 3 });
    const pts = [
      [0.3, -1.2],
      [2.5, 0.7],
      [-3.1, 3.3],
      [0, 0],
    ];
    const x = tf.tensor2d(pts);
    const g = energyGrad(model.energy, x).arraySync();
    const h = 1e-2; // float32: a larger h keeps round-off below the O(h²) truncation error
    for (let n = 0; n < pts.length; n++) {
      for (let d = 0; d < 2; d++) {
        const plus = pts.map((p) => [...p]);
        const minus = pts.map((p) => [...p]);
        plus[n][d] += h;
        minus[n][d] -= h;
        const ep = model.energy(tf.tensor2d(plus)).arraySync()[n];
        const em = model.energy(tf.tensor2d(minus)).arraySync()[n];
        const fd = (ep - em) / (2 * h);
        expect(Math.abs(g[n][d] - fd)).toBeLessThan(2e-3 * Math.max(1, Math.abs(fd)));
      }
    }
    model.dispose();
  });

  it('the custom SiLU gradient equals autodiff of x·σ(x)', () => {
    const x = tf.linspace(-6, 6, 49);
    const custom = tf
      .grad((z: tf.Tensor) => tf.sum(silu(z)))(x)
      .arraySync() as number[];
    const plain = tf
      .grad((z: tf.Tensor) => tf.sum(tf.mul(z, tf.sigmoid(z))))(x)
      .arraySync() as number[];
    custom.forEach((v, i) => expect(v).toBeCloseTo(plain[i], 5));
  });

  it('energyAndGrad returns the same E and ∇E as separate calls, leaking nothing', () => {
    const model = createMlp({ width: 8, depth: 1, inputScale: 0.5, seed: 1 });
    const x = tf.randomNormal([32, 2], 0, 1, 'float32', 5) as Tensor2D;
    const before = tf.memory().numTensors;
    const [e1, g1, e2, g2] = tf.tidy(() => {
      const { e, g } = energyAndGrad(model.energy, x);
      return [e, g, model.energy(x), energyGrad(model.energy, x)];
    });
    expect(tf.memory().numTensors).toBe(before + 4);
    expect(Array.from(e1.dataSync())).toEqual(Array.from(e2.dataSync()));
    expect(Array.from(g1.dataSync())).toEqual(Array.from(g2.dataSync()));
    tf.dispose([e1, g1, e2, g2, x]);
    model.dispose();
  });
});
