// The optional trace of the first chains (UI trails): right shapes, consistent with the run,
// the same random numbers as an untraced run, and no leaked tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRbm } from '../rbm';
import { makeRng } from '../rng';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import { hmc, langevin, makeGibbsSampler, mala, mh } from './index';
import { mixture2, params } from './testEnergies';
import type { Sampler } from './types';

const box = { min: -4, max: 4 };
const energy = mixture2([0.5, 0.5], [-1.5, 0], [1.5, 0], 0.5);
const base = params({ step: 0.05, leapfrogSteps: 4, box });

describe('sampler traces', () => {
  beforeAll(useCpu);
  const rbm = () => createRbm({ hidden: 4, seed: 2, initStd: 0.5 });

  const cases: [string, () => Sampler, boolean][] = [
    ['langevin', () => langevin, false],
    ['mala', () => mala, true],
    ['mh', () => mh, true],
    ['hmc', () => hmc, true],
    ['gibbs', () => makeGibbsSampler(rbm()), false],
  ];

  for (const [name, make, proposes] of cases) {
    it(`${name}: [S, T, 2] positions ending at the result, proposals where accepted`, () => {
      const sampler = make();
      const x0 = tf.randomUniform([32, 2], -3, 3, 'float32', 5) as Tensor2D;
      const steps = 12;
      const plain = tf.tidy(() => sampler.run(energy, x0, steps, base, makeRng(7)).x);
      const before = tf.memory().numTensors;
      // Inside one tidy: whatever the recorder kept (tf.keep) must be freed by the run itself.
      tf.tidy(() => {
        const p = { ...base, trace: { chains: 5, steps: 8 } };
        const traced = sampler.run(energy, x0, steps, p, makeRng(7));
        const t = traced.trace!;
        expect(t.positions.shape).toEqual([8, 5, 2]);
        // The same random stream: tracing changes nothing about the chains.
        expect(Array.from(traced.x.dataSync())).toEqual(Array.from(plain.dataSync()));
        const last = t.positions.arraySync()[7];
        expect(last).toEqual(tf.slice(traced.x, [0, 0], [5, 2]).arraySync());
        if (proposes) {
          expect(t.proposals!.shape).toEqual([8, 5, 2]);
          expect(t.accepted!.shape).toEqual([8, 5]);
          const acc = t.accepted!.arraySync();
          const prop = t.proposals!.arraySync();
          const pos = t.positions.arraySync();
          let rejected = 0;
          acc.forEach((row, k) =>
            row.forEach((a, c) => {
              if (a === 1) expect(pos[k][c]).toEqual(prop[k][c]);
              else rejected++;
            }),
          );
          console.info(`${name}: ${rejected} of 40 traced proposals rejected`);
        } else {
          expect(t.proposals).toBeNull();
          expect(t.accepted).toBeNull();
        }
        if (name === 'hmc') {
          // L + 1 positions of chain 0, starting where chain 0 stood before the last step.
          expect(t.leapfrog!.shape).toEqual([5, 2]);
          expect(t.leapfrog!.arraySync()[0]).toEqual(t.positions.arraySync()[6][0]);
        } else expect(t.leapfrog).toBeNull();
      });
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([plain, x0]);
    });
  }

  it('fewer steps than asked for: all of them are traced; more chains than rows: all rows', () => {
    const x0 = tf.randomUniform([3, 2], -3, 3, 'float32', 5) as Tensor2D;
    const r = tf.tidy(() => {
      const out = mh.run(energy, x0, 4, { ...base, trace: { chains: 16, steps: 50 } }, makeRng(1));
      return out.trace!.positions;
    });
    expect(r.shape).toEqual([4, 3, 2]);
    tf.dispose([r, x0]);
  });
});
