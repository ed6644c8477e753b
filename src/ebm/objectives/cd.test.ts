// The CD family: persistentCd is today's cdLoss bit for bit; shortRun and CD-k use the same
// loss with negatives started from uniform noise and from the data batch.
import { beforeAll, describe, expect, it } from 'vitest';
import { gaussianPoints } from '../density/fixtures';
import { cdLoss } from '../loss';
import { createMlp } from '../mlp';
import { makeRng } from '../rng';
import { useCpu } from '../testing';
import { tf } from '../tf';
import { cdK, cdKStart } from './cdK';
import { NEGATIVES } from './index';
import { persistentCd } from './persistentCd';
import { shortRunCd, shortRunStart } from './shortRunCd';

beforeAll(useCpu);
const box = { min: -4, max: 4 };

describe('contrastive divergence objectives', () => {
  it('persistentCd, shortRunCd and cdK equal the old cdLoss exactly', () => {
    const model = createMlp({ width: 16, depth: 2, inputScale: 0.5, seed: 3 });
    const data = tf.tensor2d(gaussianPoints(64, 1, -0.5, 0.4, 1), [64, 2]);
    const neg = tf.tensor2d(gaussianPoints(96, 0, 0, 2, 2), [96, 2]);
    const read = (t: tf.Tensor) => t.dataSync()[0];
    const old = tf.tidy(() => {
      const t = cdLoss(model.energy, data, neg, 0.1);
      return [t.loss, t.eData, t.eNeg];
    });
    for (const f of [persistentCd, shortRunCd, cdK]) {
      const r = tf.tidy(() => {
        const o = f({ energy: model.energy, data, negatives: neg }, { alpha: 0.1 });
        return [o.loss, o.terms.eData, o.terms.eNeg];
      });
      expect(r.map(read)).toEqual(old.map(read));
      tf.dispose(r);
    }
    // And the parameter gradients through the optimiser's path are identical too.
    const grads = (loss: () => tf.Scalar) =>
      tf.tidy(() => Object.values(tf.variableGrads(loss, model.variables).grads));
    const g0 = grads(() => cdLoss(model.energy, data, neg, 0.1).loss);
    const g1 = grads(
      () => persistentCd({ energy: model.energy, data, negatives: neg }, { alpha: 0.1 }).loss,
    );
    g0.forEach((g, i) => expect(Array.from(g1[i].dataSync())).toEqual(Array.from(g.dataSync())));
    expect(() => persistentCd({ energy: model.energy, data }, { alpha: 0.1 })).toThrow(/negatives/);
    tf.dispose([...old, data, neg, ...g0, ...g1]);
    model.dispose();
  });

  it('short-run starts are fresh uniform draws over the box; CD-k starts are the data', () => {
    const rng = makeRng(11);
    const a = shortRunStart(500, box, rng);
    const b = shortRunStart(500, box, rng);
    expect(a.shape).toEqual([500, 2]);
    const va = Array.from(a.dataSync());
    const vb = Array.from(b.dataSync());
    expect(Math.min(...va)).toBeGreaterThanOrEqual(box.min);
    expect(Math.max(...va)).toBeLessThanOrEqual(box.max);
    // Uniform on [−4, 4]: mean 0, variance 64/12 ≈ 5.33 (±0.6 at n = 1000 coordinates).
    const mean = va.reduce((s, v) => s + v, 0) / va.length;
    const variance = va.reduce((s, v) => s + (v - mean) ** 2, 0) / va.length;
    expect(Math.abs(mean)).toBeLessThan(0.3);
    expect(Math.abs(variance - 64 / 12)).toBeLessThan(0.6);
    expect(vb).not.toEqual(va); // not persistent: new each call
    const again = shortRunStart(500, box, makeRng(11)); // seeded: reproducible
    expect(Array.from(again.dataSync())).toEqual(va);

    const data = tf.tensor2d(gaussianPoints(128, 1, -0.5, 0.4, 3), [128, 2]);
    const s = cdKStart(data);
    expect(s.shape).toEqual([128, 2]);
    expect(Array.from(s.dataSync())).toEqual(Array.from(data.dataSync()));
    s.dispose();
    expect(data.isDisposed).toBe(false); // a copy: disposing the starts keeps the data
    expect(NEGATIVES).toEqual({
      persistentCd: 'persistent',
      shortRunCd: 'noise',
      cdK: 'data',
      exactMl: 'none',
      dsm: 'none',
    });
    tf.dispose([a, b, again, data]);
  });
});
