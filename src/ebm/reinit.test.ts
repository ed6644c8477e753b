// Restart sources of the replay buffer (reinit.ts): restarts from the model's grid density land
// in each mode in proportion to its exact mass, data restarts sit on the data, and a trainer
// that restarts from the model leaks no tensor.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMlp } from './mlp';
import { dataRestarts, ModelGridProposal } from './reinit';
import { ReplayBuffer } from './replay';
import { makeRng } from './rng';
import { langevin } from './samplers/langevin';
import { mixture2 } from './samplers/testEnergies';
import { useCpu } from './testing';
import { tf } from './tf';
import { Trainer } from './trainer';

beforeAll(useCpu);
const box = { min: -4, max: 4 };

describe('restarts from the model density', () => {
  it('puts each mode’s exact mass in it (weights .8/.2, 8192 draws, within 0.015)', () => {
    // Two gaussians of σ = 0.4 at (±2, 0), weights 0.8 and 0.2: far apart, so the share of
    // draws with x < 0 must be the first weight (a local sampler started uniform gives ~0.5).
    const w: [number, number] = [0.8, 0.2];
    const energy = mixture2(w, [-2, 0], [2, 0], 0.4);
    const q = new ModelGridProposal(box);
    q.refresh(energy, 1);
    const xs = tf.tidy(() => q.sample(8192, makeRng(5)).arraySync()) as number[][];
    const left = xs.filter(([x]) => x < 0).length / xs.length;
    expect(Math.abs(left - w[0])).toBeLessThan(0.015);
    // And the draws' mean within a mode is the mode's centre (uniform jitter in the cell).
    const l = xs.filter(([x]) => x < 0);
    const mean = l.reduce((a, [x, y]) => [a[0] + x / l.length, a[1] + y / l.length], [0, 0]);
    expect(Math.abs(mean[0] + 2)).toBeLessThan(0.03);
    expect(Math.abs(mean[1])).toBeLessThan(0.03);
    q.dispose();
  });

  it('stays finite when the energy has non-finite cells', () => {
    const q = new ModelGridProposal(box);
    // E = NaN on the left half, 0 on the right: every draw must land on the right.
    q.refresh((x) => {
      const left = tf.less(tf.reshape(tf.slice(x, [0, 0], [-1, 1]), [-1]), 0);
      return tf.where(left, tf.fill([x.shape[0]], NaN), tf.zeros([x.shape[0]])) as tf.Tensor1D;
    }, 1);
    const xs = tf.tidy(() => q.sample(1000, makeRng(1)).arraySync()) as number[][];
    expect(xs.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && x >= 0)).toBe(true);
    q.dispose();
  });

  it('data restarts sit within a few hundredths of a data point, inside the box', () => {
    const data = tf.tensor2d([
      [1, 1],
      [-3.99, 2],
    ]);
    const xs = tf.tidy(() => dataRestarts(data, 500, box, makeRng(2)).arraySync()) as number[][];
    for (const [x, y] of xs) {
      const d = Math.min(Math.hypot(x - 1, y - 1), Math.hypot(x + 3.99, y - 2));
      expect(d).toBeLessThan(0.2);
      expect(x).toBeGreaterThanOrEqual(-4);
    }
    data.dispose();
  });

  it('a trainer restarting from the model leaks no tensor over 30 iterations', () => {
    const model = createMlp({ width: 16, depth: 2, inputScale: 0.5, seed: 1 });
    const buffer = new ReplayBuffer(512, box, 1);
    const trainer = new Trainer(model, 1e-2);
    const data = tf.randomNormal([128, 2], 0, 1, 'float32', 3) as tf.Tensor2D;
    const rng = makeRng(4);
    const p = {
      sampler: { beta: 1, box, langevinStep: 0.01 },
      learningRate: 1e-2,
      steps: 3,
      reinitFraction: 0.5,
      reinitFrom: 'model' as const,
      alpha: 0.01,
      batch: 128,
      maxGradNorm: 10,
      objective: { kind: 'persistentCd' as const, sigma: 0.1 },
    };
    trainer.step(data, buffer, langevin, p, rng); // warm-up: the proposal's grid is made here
    const before = tf.memory().numTensors;
    for (let i = 0; i < 30; i++) trainer.step(data, buffer, langevin, p, rng);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    buffer.dispose();
    model.dispose();
    data.dispose();
  });
});
