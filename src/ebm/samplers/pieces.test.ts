// A sampler run cut into pieces (pieces.ts) is the same run: same positions for the same
// seed, the same mean acceptance, `between` called after every piece but the last, no leaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../rng';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import { createSampler } from './index';
import { inPieces } from './pieces';
import { gaussianEnergy, params } from './testEnergies';
import type { SamplerName } from '../../contract/settings';
import { createRbm, type Rbm } from '../rbm';

const energy = gaussianEnergy(
  [0.5, 0],
  [
    [1, 0.3],
    [0.3, 1],
  ],
);
let x0: Tensor2D;
let rbm: Rbm;

beforeAll(async () => {
  await useCpu();
  rbm = createRbm({ hidden: 4, seed: 1 });
  x0 = tf.randomNormal([64, 2], 0, 1, 'float32', 3) as Tensor2D;
});
afterAll(() => {
  x0.dispose();
  rbm.dispose();
});

describe('inPieces', () => {
  it.each<SamplerName>(['langevin', 'mala', 'mh', 'hmc'])('%s: 20 steps as 7 + 7 + 6', (name) => {
    const sampler = createSampler(name, { model: rbm, params: {} });
    const p = params({ step: 0.05, leapfrogSteps: 3 });
    const read = (r: { x: Tensor2D; acceptRate: tf.Scalar | null }) =>
      ({ x: r.x.arraySync(), acc: r.acceptRate?.dataSync()[0] ?? null }) as const;
    let whole = read({ x: x0, acceptRate: null });
    tf.tidy(() => void (whole = read(sampler.run(energy, x0, 20, p, makeRng(9)))));
    let calls = 0;
    const before = tf.memory().numTensors;
    let cut = whole;
    tf.tidy(() => {
      const split = inPieces(
        sampler,
        () => 7,
        (x) => void (calls += x.shape[0] === 64 ? 1 : 0),
      );
      cut = read(split.run(energy, x0, 20, p, makeRng(9)));
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(calls).toBe(2);
    expect(cut.x).toEqual(whole.x);
    if (whole.acc === null) expect(cut.acc).toBeNull();
    else expect(cut.acc).toBeCloseTo(whole.acc, 5);
  });

  it('underdamped Langevin (momentum through the run) is left whole', () => {
    const sampler = createSampler('underdamped', { model: rbm, params: {} });
    expect(
      inPieces(
        sampler,
        () => 1,
        () => {},
      ),
    ).toBe(sampler);
  });
});
