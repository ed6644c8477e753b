import { beforeAll, describe, expect, it } from 'vitest';
import { createMlp } from '../ebm/mlp';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { Trainer } from '../ebm/trainer';
import { Snapshot } from './snapshot';

beforeAll(useCpu);

const mlp = (seed: number) => createMlp({ width: 8, depth: 2, inputScale: 0.5, seed });
const x = () => tf.tensor2d([0.5, -1, 2, 0.3, -0.7, 1.1], [3, 2]);

/** A few Adam steps on the mean energy (enough to fill every moment). */
function train(t: Trainer, steps: number): void {
  const opt = (t as unknown as { optimizer: tf.Optimizer }).optimizer;
  for (let k = 0; k < steps; k++) {
    const input = x();
    opt.minimize(() => tf.mean(t.model.energy(input)) as tf.Scalar)?.dispose();
    input.dispose();
  }
}

const bits = (arrays: Float32Array[]) => arrays.map((a) => Array.from(new Uint32Array(a.buffer)));

describe('CPU snapshot with Adam state', () => {
  it('restores weights, chains and Adam moments bit for bit, into the same or a new trainer', () => {
    const model = mlp(1);
    const trainer = new Trainer(model, 0.01);
    const chains = tf.variable(
      tf.randomUniform([16, 2], -1, 1, 'float32', 3),
    ) as tf.Variable<tf.Rank.R2>;
    train(trainer, 5);
    const snap = new Snapshot();
    snap.take(model.variables, chains, trainer);
    const saved = trainer.readOptimizer();
    const weights = model.variables.map((v) => (v.dataSync() as Float32Array).slice());
    expect(saved.m).toHaveLength(model.variables.length);
    expect(saved.iterations).toBe(5);
    train(trainer, 3);
    chains.assign(tf.zerosLike(chains));
    const before = tf.memory().numTensors;
    expect(snap.restore(model.variables, chains, trainer)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    const after = trainer.readOptimizer();
    expect(bits(model.variables.map((v) => v.dataSync() as Float32Array))).toEqual(bits(weights));
    expect(bits([...after.m, ...after.v])).toEqual(bits([...saved.m, ...saved.v]));
    expect(bits([after.accBeta1, after.accBeta2])).toEqual(bits([saved.accBeta1, saved.accBeta2]));
    expect(after.iterations).toBe(5);
    expect(Array.from(chains.dataSync()).some((v) => v !== 0)).toBe(true);

    // A rebuilt session (lost context): fresh model and trainer, the snapshot moved over.
    const model2 = mlp(2);
    const trainer2 = new Trainer(model2, 0.01);
    const snap2 = new Snapshot();
    snap.moveTo(snap2);
    expect(snap.empty).toBe(true);
    expect(snap2.restore(model2.variables, chains, trainer2)).toBe(true);
    const moved = trainer2.readOptimizer();
    expect(bits([...moved.m, ...moved.v])).toEqual(bits([...saved.m, ...saved.v]));
    expect(bits(model2.variables.map((v) => v.dataSync() as Float32Array))).toEqual(bits(weights));
    // Both trainers now take the same next step.
    train(trainer, 1);
    train(trainer2, 1);
    expect(bits(model2.variables.map((v) => v.dataSync() as Float32Array))).toEqual(
      bits(model.variables.map((v) => v.dataSync() as Float32Array)),
    );
    [model, model2].forEach((m) => m.dispose());
    [trainer, trainer2].forEach((t) => t.dispose());
    chains.dispose();
  });

  it('a snapshot read from a lost device is not kept', () => {
    const model = mlp(1);
    const trainer = new Trainer(model, 0.01);
    const chains = tf.variable(tf.zeros([4, 2])) as tf.Variable<tf.Rank.R2>;
    const snap = new Snapshot();
    snap.take(model.variables, chains, trainer, () => false);
    expect(snap.empty).toBe(true);
    model.dispose();
    trainer.dispose();
    chains.dispose();
  });
});
