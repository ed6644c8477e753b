// Cross-entropy gradients against finite differences, training on 3 clusters, no leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOX, uniformInBox } from '../box';
import { makeRng, type Rng } from '../rng';
import { langevin } from '../samplers/langevin';
import { useCpu } from '../testing';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { calibration, rowsOf } from './calibration';
import { accuracy, crossEntropy, jemLoss } from './jemLoss';
import { createJem, type JemModel } from './jemModel';

beforeAll(useCpu);

/** Three round clusters (std s) at radius 2.5, 120° apart; label = cluster. */
function clusters(perClass: number, s: number, rng: Rng): { x: Tensor2D; y: Tensor1D } {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let k = 0; k < 3; k++) {
    const a = Math.PI / 2 + (2 * Math.PI * k) / 3;
    for (let i = 0; i < perClass; i++) {
      xs.push([2.5 * Math.cos(a) + s * rng.normal(), 2.5 * Math.sin(a) + s * rng.normal()]);
      ys.push(k);
    }
  }
  return { x: tf.tensor2d(xs), y: tf.tensor1d(ys, 'int32') };
}

/** The loss as a JS number (for finite differences). */
const value = (f: () => tf.Scalar): number => {
  const t = tf.tidy(f);
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

describe('JEM loss', () => {
  it('∂CE/∂θ matches central differences (h = 1e-2, |err| < 1e-4·max(1, |g|))', () => {
    const model = createJem({ width: 8, depth: 1, inputScale: 0.5, seed: 2, classes: 3 });
    const { x, y } = clusters(4, 1.0, makeRng(1));
    const negatives = uniformInBox(12, DEFAULT_BOX, 9);
    const losses: [string, () => tf.Scalar][] = [
      ['ce', () => crossEntropy(model.logits(x), y)],
      ['jem', () => jemLoss(model, x, y, negatives, { lambda: 0.5, alpha: 0.1 }).loss],
    ];
    let worst = 0;
    for (const [, loss] of losses) {
      const { grads } = tf.variableGrads(loss, model.variables);
      // A few entries of every parameter tensor: weights and biases, both layers.
      model.variables.forEach((v, vi) => {
        const g = grads[v.name].dataSync();
        const base = Float32Array.from(v.dataSync());
        for (const idx of [0, 1, base.length - 1]) {
          const h = 1e-2;
          const at = (d: number): number => {
            const w = Float32Array.from(base);
            w[idx] += d;
            v.assign(tf.tensor(w, v.shape));
            return value(loss);
          };
          const fd = (at(h) - at(-h)) / (2 * h);
          v.assign(tf.tensor(base, v.shape));
          const err = Math.abs(g[idx] - fd) / Math.max(1, Math.abs(g[idx]));
          worst = Math.max(worst, err);
          expect(err, `variable ${vi} entry ${idx}`).toBeLessThan(1e-4);
        }
      });
      tf.dispose(grads);
    }
    console.log(`JEM FD: worst scaled gradient error ${worst.toExponential(2)}`);
    model.dispose();
  });

  it('λ = 0 is the plain classifier: CE only, negatives ignored', () => {
    const model = createJem({ width: 8, depth: 1, inputScale: 0.5, seed: 2, classes: 3 });
    const { x, y } = clusters(4, 1.0, makeRng(1));
    const t = jemLoss(model, x, y, null, { lambda: 0, alpha: 0.1 });
    expect(t.cd).toBeNull();
    expect(t.loss.dataSync()[0]).toBe(crossEntropy(model.logits(x), y).dataSync()[0]);
    expect(() => jemLoss(model, x, y, null, { lambda: 1, alpha: 0.1 })).toThrow(/negatives/);
    model.dispose();
  });

  it('trains 3 separable clusters to ≥ 95 % held-out accuracy in 300 Adam steps (λ = 0)', () => {
    const rng = makeRng(11);
    const model = createJem({ width: 32, depth: 2, inputScale: 0.5, seed: 5, classes: 3 });
    const train = clusters(50, 0.5, rng);
    const test = clusters(100, 0.5, rng);
    const opt = tf.train.adam(0.01);
    for (let it = 0; it < 300; it++) {
      opt.minimize(() => jemLoss(model, train.x, train.y, null, { lambda: 0, alpha: 0 }).loss);
    }
    const acc = accuracy(model.logits(test.x), test.y);
    const probs = tf.tidy(() => model.classProbs(test.x));
    const cal = calibration(rowsOf(probs.dataSync() as Float32Array, 3), test.y.dataSync());
    console.log(
      `JEM λ=0: held-out accuracy ${acc.toFixed(4)}, confidence ${cal.confidence.toFixed(6)}, ECE ${cal.ece.toExponential(2)}`,
    );
    expect(acc).toBeGreaterThanOrEqual(0.95);
    expect(cal.accuracy).toBeCloseTo(acc, 6);
    tf.dispose([probs, train.x, train.y, test.x, test.y]);
    opt.dispose();
    model.dispose();
  });

  it('λ = 1 with persistent Langevin negatives: still ≥ 95 %, and E(data) < E(uniform)', () => {
    const rng = makeRng(12);
    const model = createJem({ width: 32, depth: 2, inputScale: 0.5, seed: 6, classes: 3 });
    const train = clusters(50, 0.5, rng);
    const test = clusters(100, 0.5, rng);
    const opt = tf.train.adam(0.005, 0, 0.999); // β1 = 0 as in trainer.ts
    const p = { beta: 1, langevinStep: 0.02, box: DEFAULT_BOX };
    let chains = uniformInBox(64, DEFAULT_BOX, rng.seed());
    for (let it = 0; it < 200; it++) {
      const next = tf.tidy(() => langevin.run(model.energy, chains, 10, p, rng).x);
      chains.dispose();
      chains = next;
      opt.minimize(() => jemLoss(model, train.x, train.y, chains, { lambda: 1, alpha: 0.1 }).loss);
    }
    const acc = accuracy(model.logits(test.x), test.y);
    const eData = value(() => tf.mean(model.energy(test.x)));
    const eUni = value(() => tf.mean(model.energy(uniformInBox(2000, DEFAULT_BOX, 3))));
    console.log(
      `JEM λ=1: held-out accuracy ${acc.toFixed(4)}, mean E(test) ${eData.toFixed(3)}, mean E(uniform) ${eUni.toFixed(3)}`,
    );
    expect(acc).toBeGreaterThanOrEqual(0.95);
    expect(eData).toBeLessThan(eUni);
    tf.dispose([chains, train.x, train.y, test.x, test.y]);
    opt.dispose();
    model.dispose();
  });

  it('leaks no tensors over 50 training-and-query iterations', () => {
    const rng = makeRng(3);
    const model: JemModel = createJem({ width: 8, depth: 1, inputScale: 0.5, seed: 1, classes: 3 });
    const { x, y } = clusters(10, 0.5, rng);
    const opt = tf.train.adam(0.01);
    const p = { beta: 1, langevinStep: 0.02, box: DEFAULT_BOX };
    const iteration = (): void => {
      tf.tidy(() => {
        const neg = langevin.run(
          model.energy,
          uniformInBox(16, DEFAULT_BOX, rng.seed()),
          3,
          p,
          rng,
        );
        opt.minimize(() => jemLoss(model, x, y, neg.x, { lambda: 1, alpha: 0.1 }).loss);
        model.classProbs(x);
        model.classEnergy(x, 1);
      });
      const logits = tf.tidy(() => model.logits(x));
      expect(accuracy(logits, y)).toBeLessThanOrEqual(1);
      logits.dispose();
    };
    iteration(); // Adam creates its slot variables on the first step
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) iteration();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    opt.dispose();
    model.dispose();
  });
});
