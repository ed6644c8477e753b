// Replica exchange (parallel tempering).
// 1. Mode weights: a 0.7/0.3 mixture of N((−2, 0), 0.3²I) and N((2, 0), 0.3²I) (barrier ≈ 21
//    nats at β = 1), ALL chains started in the minor mode at (2, 0). The estimate is the
//    sample mean of component 1's responsibility, exactly w₁ = 0.7 under the target.
//    Replica exchange must get |ŵ₁ − 0.7| < 0.05; plain MALA from the same start must not
//    (it stays in the mode it starts in: ŵ₁ < 0.1). That gap is why PT exists.
// 2. Moments of the correlated Gaussian of gaussian.test.ts, same tolerances: |mean − μ| <
//    0.05, variances within 5 %, |Ĉ₁₂ − Σ₁₂| < 0.05·√(Σ₁₁Σ₂₂).
// 3. Hot replicas persist in one tf.Variable: numTensors is constant over 50 runs (also when N
//    changes) and back to the baseline after dispose().
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng } from '../rng';
import { useCpu } from '../testing';
import { tf, type Tensor2D } from '../tf';
import { mala } from './mala';
import { createReplicaExchange, swapPartners, temperatureLadder } from './replicaExchange';
import {
  gaussianEnergy,
  mixture2,
  params,
  responsibility1,
  runMoments,
  type Mat2,
  type Vec2,
} from './testEnergies';

const box = { min: -4, max: 4 };

describe('replica exchange', () => {
  beforeAll(useCpu);

  it('ladder and swap pairs', () => {
    const t = temperatureLadder(3, 0.25);
    [1, 0.5, 0.25].forEach((v, i) => expect(t[i]).toBeCloseTo(v, 12));
    expect(swapPartners(5, 0)).toEqual([1, 0, 3, 2, 4]);
    expect(swapPartners(5, 1)).toEqual([0, 2, 1, 4, 3]);
    expect(swapPartners(2, 1)).toEqual([0, 1]);
    expect(() => createReplicaExchange({ rungs: 1, minTemperatureFactor: 0.5 })).toThrow();
  });

  it('recovers 0.7/0.3 mode weights from the minor mode; plain MALA does not', () => {
    const W: Vec2 = [0.7, 0.3];
    const [M1, M2, S]: [Vec2, Vec2, number] = [[-2, 0], [2, 0], 0.3];
    const energy = mixture2(W, M1, M2, S);
    const init = (): Tensor2D =>
      tf.add(tf.randomNormal([1000, 2], 0, S, 'float32', 3), M2) as Tensor2D;
    const o = { chains: 1000, burn: 200, thin: 5, snapshots: 20, seed: 8, init };
    const stat = responsibility1(W, M1, M2, S);
    const p = params({ box, step: 0.05 });
    const pt = createReplicaExchange({ rungs: 6, minTemperatureFactor: 0.05 });
    const m = runMoments(pt, energy, p, { ...o, stat });
    pt.dispose();
    const plain = runMoments(mala, energy, p, { ...o, stat });
    console.info(
      `PT (6 rungs, t_min 0.05): w1 = ${m.stat.toFixed(4)}, swap accept ` +
        `${m.acceptRate?.toFixed(3)}; MALA: w1 = ${plain.stat.toFixed(4)} (exact 0.7)`,
    );
    expect(Math.abs(m.stat - W[0])).toBeLessThan(0.05);
    expect(m.acceptRate).toBeGreaterThan(0.2);
    expect(plain.stat).toBeLessThan(0.1);
  });

  it('reproduces the moments of a correlated Gaussian', () => {
    const MU: Vec2 = [1, -0.5];
    const SIGMA: Mat2 = [
      [1, 0.5],
      [0.5, 0.8],
    ];
    const init = (): Tensor2D => tf.randomUniform([2000, 2], -3, 3, 'float32', 11) as Tensor2D;
    const pt = createReplicaExchange({ rungs: 3, minTemperatureFactor: 0.25 });
    const o = { chains: 2000, burn: 60, thin: 3, snapshots: 30, seed: 5, init };
    const m = runMoments(pt, gaussianEnergy(MU, SIGMA), params({ step: 0.5 }), o);
    pt.dispose();
    console.info('PT gaussian', JSON.stringify(m));
    expect(Math.abs(m.mean[0] - MU[0])).toBeLessThan(0.05);
    expect(Math.abs(m.mean[1] - MU[1])).toBeLessThan(0.05);
    expect(Math.abs(m.cov[0][0] / SIGMA[0][0] - 1)).toBeLessThan(0.05);
    expect(Math.abs(m.cov[1][1] / SIGMA[1][1] - 1)).toBeLessThan(0.05);
    expect(Math.abs(m.cov[0][1] - SIGMA[0][1])).toBeLessThan(0.05 * Math.sqrt(0.8));
  });

  it('keeps its hot replicas in one variable: no leaks over 50 runs, none after dispose', () => {
    const energy = mixture2([0.5, 0.5], [-1, 0], [1, 0], 0.5);
    const rng = makeRng(1);
    const p = params({ box, step: 0.1, trace: { chains: 2, steps: 2 } });
    const x64 = tf.randomUniform([64, 2], -3, 3, 'float32', 1) as Tensor2D;
    const x32 = tf.randomUniform([32, 2], -3, 3, 'float32', 2) as Tensor2D;
    const baseline = tf.memory().numTensors;
    const pt = createReplicaExchange({ rungs: 4, minTemperatureFactor: 0.1 });
    const once = (x: Tensor2D): void =>
      tf.tidy(() => {
        const r = pt.run(energy, x, 3, p, rng);
        expect(r.x.shape).toEqual(x.shape);
        expect(r.trace?.positions.shape).toEqual([2, 2, 2]);
        const a = (r.acceptRate as tf.Scalar).dataSync()[0];
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
      });
    once(x64); // creates the [3, 64, 2] variable
    const held = tf.memory().numTensors;
    expect(held).toBe(baseline + 1);
    for (let i = 0; i < 50; i++) once(i % 10 === 9 ? x32 : x64); // N changes re-create it
    expect(tf.memory().numTensors).toBe(held);
    pt.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    tf.dispose([x64, x32]);
  });
});
