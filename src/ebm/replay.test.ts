import { beforeAll, describe, expect, it } from 'vitest';
import { ReplayBuffer } from './replay';
import { makeRng } from './rng';
import { useCpu } from './testing';
import { tf } from './tf';

beforeAll(useCpu);
const box = { min: -4, max: 4 };

describe('replay buffer', () => {
  it('re-initialises the requested fraction of the batch (ρ = 0.3 ± 0.02 over 4096 chains)', () => {
    const buf = new ReplayBuffer(4096, box, 1);
    // Park every chain at a point no uniform draw hits exactly, then count what moved.
    buf.restore(tf.fill([4096, 2], 10) as tf.Tensor2D);
    tf.tidy(() => {
      buf.advance(4096, 0.3, box, makeRng(2), (x) => ({ x, extra: null }));
    });
    const moved = (buf.chains.arraySync() as number[][]).filter(([x]) => x !== 10).length;
    expect(moved / 4096).toBeGreaterThan(0.28);
    expect(moved / 4096).toBeLessThan(0.32);
    buf.dispose();
  });

  it('rotates: every chain is advanced exactly once every M/B iterations, shape fixed', () => {
    const buf = new ReplayBuffer(1024, box, 1);
    buf.restore(tf.zeros([1024, 2]) as tf.Tensor2D);
    const rng = makeRng(3);
    for (let k = 0; k < 4; k++) {
      tf.tidy(() => {
        buf.advance(256, 0, box, rng, (x) => ({ x: tf.add(x, 1) as tf.Tensor2D, extra: null }));
      });
      expect(buf.chains.shape).toEqual([1024, 2]);
    }
    const xs = (buf.chains.arraySync() as number[][]).map(([x]) => x);
    expect(xs.every((v) => v === 1)).toBe(true);
    buf.dispose();
  });
});
