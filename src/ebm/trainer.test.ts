// CD training end to end in Node: the model density moves onto the data, and nothing leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { gridCentres, EnergyGrid } from './grid';
import { createMlp } from './mlp';
import { ReplayBuffer } from './replay';
import { makeRng } from './rng';
import { langevin } from './samplers/langevin';
import { useCpu } from './testing';
import { tf } from './tf';
import { Trainer, type TrainParams } from './trainer';

beforeAll(useCpu);
const box = { min: -4, max: 4 };
const params = (over: Partial<TrainParams> = {}): TrainParams => ({
  sampler: { beta: 1, box, langevinStep: 0.01 },
  learningRate: 5e-3,
  steps: 10,
  reinitFraction: 0.05,
  reinitFrom: 'uniform',
  alpha: 0.1,
  batch: 128,
  maxGradNorm: 10,
  objective: { kind: 'persistentCd', sigma: 0.1 },
  ...over,
});

function blob(n: number, mx: number, my: number, s: number, seed: number): tf.Tensor2D {
  const r = makeRng(seed);
  const a = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    a[2 * i] = mx + s * r.normal();
    a[2 * i + 1] = my + s * r.normal();
  }
  return tf.tensor2d(a, [n, 2]);
}

describe('contrastive divergence training', () => {
  it('moves the model density onto a Gaussian blob (mean within 0.35, spread within ×2)', () => {
    const model = createMlp({ width: 32, depth: 2, inputScale: 0.5, seed: 4 });
    const trainer = new Trainer(model, 5e-3);
    const buffer = new ReplayBuffer(512, box, 5);
    const rng = makeRng(6);
    for (let it = 0; it < 300; it++) {
      const data = blob(128, 1.5, -1, 0.4, 1000 + it);
      trainer.step(data, buffer, langevin, params(), rng);
      data.dispose();
    }
    // Model density on a 64² grid: p ∝ exp(−E), normalised over the box.
    const G = 64;
    const grid = new EnergyGrid(G, box);
    const e = tf.tidy(() => grid.evaluate(model.energy)).dataSync();
    const xy = gridCentres(G, box);
    const emin = Math.min(...e);
    let z = 0,
      mx = 0,
      my = 0,
      vx = 0;
    e.forEach((v, k) => {
      const w = Math.exp(-(v - emin));
      z += w;
      mx += w * xy[2 * k];
      my += w * xy[2 * k + 1];
    });
    mx /= z;
    my /= z;
    e.forEach((v, k) => (vx += (Math.exp(-(v - emin)) * (xy[2 * k] - mx) ** 2) / z));
    expect(Math.hypot(mx - 1.5, my + 1)).toBeLessThan(0.35);
    expect(Math.sqrt(vx)).toBeGreaterThan(0.2);
    expect(Math.sqrt(vx)).toBeLessThan(0.8);
    tf.dispose([grid.points]);
    trainer.dispose();
    buffer.dispose();
    model.dispose();
  });

  it('keeps tf.memory().numTensors constant over 500 iterations and learning-rate changes', () => {
    const model = createMlp({ width: 8, depth: 1, inputScale: 0.5, seed: 1 });
    const trainer = new Trainer(model, 1e-3);
    const buffer = new ReplayBuffer(256, box, 2);
    const data = blob(128, 0, 0, 1, 3);
    const rng = makeRng(7);
    trainer.step(data, buffer, langevin, params({ steps: 2 }), rng);
    const baseline = tf.memory().numTensors;
    for (let it = 0; it < 500; it++) {
      if (it % 100 === 50) trainer.setLearningRate(1e-3 * (1 + it / 100));
      trainer.step(data, buffer, langevin, params({ steps: 2 }), rng);
    }
    expect(tf.memory().numTensors).toBe(baseline);
    expect(buffer.chains.shape).toEqual([256, 2]);
    tf.dispose(data);
    trainer.dispose();
    buffer.dispose();
    model.dispose();
  });
});
