// The slow-motion iteration is one normal training step: from the same state and seed, the
// three phases leave the same parameters, chains and stats as Trainer.step (measured: bitwise
// equal on tfjs cpu), and CD's phase-2 pushes go down at the data, relative to the negatives.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMlp } from './mlp';
import { PhasedStep } from './phasedStep';
import { ReplayBuffer } from './replay';
import { makeRng } from './rng';
import { langevin } from './samplers/langevin';
import { mala } from './samplers/mala';
import type { Sampler } from './samplers/types';
import { useCpu } from './testing';
import { tf } from './tf';
import { Trainer, type TrainParams } from './trainer';

beforeAll(useCpu);
const box = { min: -4, max: 4 };
const params = (over: Partial<TrainParams> = {}): TrainParams => ({
  sampler: { beta: 1, box, langevinStep: 0.01, malaStep: 0.01 },
  learningRate: 5e-3,
  steps: 5,
  reinitFraction: 0.05,
  reinitFrom: 'uniform',
  alpha: 0.1,
  batch: 128,
  maxGradNorm: 10,
  objective: { kind: 'persistentCd', sigma: 0.1 },
  ...over,
});

function blob(n: number, seed: number): Float32Array {
  const r = makeRng(seed);
  return Float32Array.from({ length: 2 * n }, (_, i) => (i % 2 ? -1 : 1.5) + 0.4 * r.normal());
}

/** A model, trainer and buffer warmed up by `warm` normal steps (so Adam has state). */
function setup(warm: number, sampler: Sampler, p: TrainParams) {
  const model = createMlp({ width: 16, depth: 2, inputScale: 0.5, seed: 4 });
  const trainer = new Trainer(model, p.learningRate);
  const buffer = new ReplayBuffer(256, box, 5);
  const rng = makeRng(6);
  for (let i = 0; i < warm; i++) {
    const d = tf.tensor2d(blob(128, 100 + i), [128, 2]);
    trainer.step(d, buffer, sampler, p, rng);
    d.dispose();
  }
  return { model, trainer, buffer, rng };
}

const values = (vs: tf.Variable[]) => vs.map((v) => Array.from(v.dataSync()));

function maxDiff(a: number[][], b: number[][]): number {
  let m = 0;
  a.forEach((row, i) => row.forEach((v, j) => (m = Math.max(m, Math.abs(v - b[i][j])))));
  return m;
}

describe('one iteration in slow motion', () => {
  const cases: [string, Sampler, Partial<TrainParams>][] = [
    ['persistent CD, Langevin', langevin, {}],
    [
      'persistent CD, restarts from the model',
      langevin,
      { reinitFrom: 'model', reinitFraction: 0.5 },
    ],
    ['short-run CD, MALA', mala, { objective: { kind: 'shortRunCd', sigma: 0.1 } }],
    ['DSM (no negatives)', langevin, { objective: { kind: 'dsm', sigma: 0.2 } }],
  ];
  for (const [name, sampler, over] of cases) {
    it(`gives the same parameters as one normal step: ${name}`, () => {
      const p = params(over);
      const a = setup(3, sampler, p);
      const b = setup(3, sampler, p);
      expect(maxDiff(values(a.model.variables), values(b.model.variables))).toBe(0);
      const batch = blob(128, 999);
      const d = tf.tensor2d(batch, [128, 2]);
      a.trainer.step(d, a.buffer, sampler, p, a.rng);
      d.dispose();
      const before = tf.memory().numTensors;
      const slow = new PhasedStep(b.trainer, b.model, tf.tensor2d(batch, [128, 2]), p);
      const one = slow.drawNegatives(b.buffer, sampler, b.rng);
      expect(one.data.shape).toEqual([128, 2]);
      const two = slow.analyse(b.rng);
      const push = {
        data: Array.from(two.dataPush.dataSync()),
        neg: two.negPush ? Array.from(two.negPush.dataSync()) : null,
      };
      [two.dataPush, two.negPush, two.gradNorm].forEach((t) => t?.dispose());
      slow.apply();
      slow.dispose();
      expect(slow.phase).toBe(3);
      // Nothing left behind but the stats tensor the trainer replaced (same count).
      expect(tf.memory().numTensors).toBe(before);
      const diff = maxDiff(values(a.model.variables), values(b.model.variables));
      expect(diff).toBeLessThanOrEqual(1e-6);
      const chains = maxDiff(
        [Array.from(a.buffer.chains.dataSync())],
        [Array.from(b.buffer.chains.dataSync())],
      );
      expect(chains).toBeLessThanOrEqual(1e-6);
      const sa = Array.from(a.trainer.stats!.dataSync());
      const sb = Array.from(b.trainer.stats!.dataSync());
      expect(maxDiff([sa], [sb])).toBeLessThanOrEqual(1e-6);
      // CD's look-ahead lowers the energy at the data (on average) more than at the negatives
      // (a constant shift of E changes no probability, so only the difference is asserted;
      // DSM matches slopes and need not lower E at the data).
      const meanData = push.data.reduce((s, v) => s + v, 0) / push.data.length;
      if (push.neg) {
        const meanNeg = push.neg.reduce((s, v) => s + v, 0) / push.neg.length;
        expect(meanNeg).toBeGreaterThan(meanData);
      }
      console.log(`${name}: max |Δθ| between the two = ${diff}, chains ${chains}`);
      for (const s of [a, b]) {
        s.model.dispose();
        s.trainer.dispose();
        s.buffer.dispose();
      }
    });
  }
});
