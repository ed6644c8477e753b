// No objective leaks tensors: 20 optimiser steps through evaluateObjective (sampler negatives
// included for the CD family) leave tf.memory().numTensors where it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { gaussianPoints } from '../density/fixtures';
import { createMlp } from '../mlp';
import { makeRng } from '../rng';
import { langevin } from '../samplers/langevin';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import {
  cdKStart,
  createMlGrid,
  evaluateObjective,
  NEGATIVES,
  shortRunStart,
  type ObjectiveSpec,
} from './index';

beforeAll(useCpu);
const box = { min: -4, max: 4 };

describe('objectives leak nothing', () => {
  it('20 evaluations + Adam steps per objective keep numTensors constant', () => {
    const model = createMlp({ width: 16, depth: 2, inputScale: 0.5, seed: 1 });
    const data = tf.tensor2d(gaussianPoints(64, 1, 0, 0.5, 2), [64, 2]);
    const persistent = tf.tensor2d(gaussianPoints(64, 0, 0, 2, 3), [64, 2]);
    const grid = createMlGrid(box, 16);
    const rng = makeRng(4);
    const sp = { beta: 1, langevinStep: 0.01, box };
    const specs: ObjectiveSpec[] = [
      { kind: 'persistentCd', alpha: 0.1 },
      { kind: 'shortRunCd', alpha: 0.1 },
      { kind: 'cdK', alpha: 0.1 },
      { kind: 'exactMl', beta: 1, grid },
      { kind: 'dsm', beta: 1, sigma: 0.3 },
    ];
    const counts: Record<string, number[]> = {};
    for (const spec of specs) {
      const opt = tf.train.adam(1e-3);
      const step = () =>
        tf.tidy(() => {
          const src = NEGATIVES[spec.kind];
          let negatives: Tensor2D | undefined;
          if (src === 'persistent') negatives = persistent;
          if (src === 'noise' || src === 'data') {
            const start = src === 'noise' ? shortRunStart(64, box, rng) : cdKStart(data);
            negatives = langevin.run(model.energy, start, 5, sp, rng).x;
          }
          opt.minimize(() => {
            const r = evaluateObjective(spec, { energy: model.energy, data, negatives, rng });
            return r.loss;
          });
        });
      step(); // Adam creates its moment variables on the first step
      const before = tf.memory().numTensors;
      for (let i = 0; i < 20; i++) step();
      counts[spec.kind] = [before, tf.memory().numTensors];
      expect(tf.memory().numTensors).toBe(before);
      opt.dispose();
    }
    console.log('numTensors before/after 20 steps', counts);
    tf.dispose([data, persistent]);
    grid.dispose();
    model.dispose();
  });
});
