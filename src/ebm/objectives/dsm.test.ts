// Denoising score matching: the nested gradient (∇θ of ∇ₓE through the MLP's fused SiLU)
// equals central differences, and on a Gaussian family the optimum is the noised data's
// Gaussian: μ = μ*, s²/β = s*² + σ².
import { beforeAll, describe, expect, it } from 'vitest';
import { gaussianPoints } from '../density/fixtures';
import type { EnergyFn } from '../energy';
import { createMlp } from '../mlp';
import { makeRng } from '../rng';
import { useCpu } from '../testing';
import { tf, type Tensor1D, type Tensor2D } from '../tf';
import { dsm } from './dsm';

beforeAll(useCpu);
const report: Record<string, number> = {};

describe('dsm', () => {
  it('∇θ through the MLP (nested tf.grad, fused SiLU) matches central differences (rel. 1e-2)', () => {
    const model = createMlp({ width: 16, depth: 2, inputScale: 0.5, seed: 9 });
    const data = tf.tensor2d(gaussianPoints(64, 0.5, 0.5, 0.7, 6), [64, 2]);
    const p = { beta: 1.3, sigma: 0.4 };
    // The same noise for every evaluation: a fresh rng with the same seed.
    const loss = () => dsm({ energy: model.energy, data, rng: makeRng(77) }, p).loss;
    const { grads } = tf.variableGrads(loss, model.variables);
    const h = 1e-2;
    let worst = 0;
    let checked = 0;
    // The output bias shifts E by a constant: ∇ₓE and so L do not depend on it.
    const last = model.variables[model.variables.length - 1];
    expect(grads[last.name]).toBeUndefined();
    model.variables.slice(0, -1).forEach((v) => {
      const g = grads[v.name].dataSync();
      const base = v.dataSync().slice();
      const idx = Array.from(g.keys()).sort((a, b) => Math.abs(g[b]) - Math.abs(g[a]));
      for (const k of idx.slice(0, 3)) {
        const at = (d: number) => {
          const w = base.slice();
          w[k] += d;
          v.assign(tf.tensor(w, v.shape));
          return tf.tidy(() => loss().dataSync()[0]);
        };
        const fd = (at(h) - at(-h)) / (2 * h);
        v.assign(tf.tensor(base, v.shape));
        const err = Math.abs(g[k] - fd) / Math.max(Math.abs(fd), 1e-2);
        worst = Math.max(worst, err);
        checked++;
        expect(err).toBeLessThan(1e-2);
      }
    });
    Object.assign(report, { fdWorstRelErr: worst, fdChecked: checked });
    tf.dispose([...Object.values(grads), data]);
    model.dispose();
  });

  for (const beta of [1, 2]) {
    it(`β = ${beta}: E = ½‖x − μ‖²/s² trains to μ = μ*, s²/β = s*² + σ² (1 %, |Δμ| < 0.02)`, () => {
      const [mx, my, sStar, sigma] = [0.5, -1, 0.6, 0.3];
      const pool = gaussianPoints(8192, mx, my, sStar, 31);
      const mu = tf.variable(tf.zeros([2]));
      const s = tf.variable(tf.scalar(1));
      const energy: EnergyFn = (x: Tensor2D) =>
        tf.div(tf.mul(0.5, tf.sum(tf.square(tf.sub(x, mu)), 1)), tf.square(s)) as Tensor1D;
      const opt = tf.train.adam(0.02);
      const rng = makeRng(32);
      const B = 512;
      const batch = new Float32Array(2 * B);
      let sumMu = [0, 0];
      let sumS2 = 0;
      const steps = 600;
      const tail = 200; // average the iterates over the last 200 steps (Adam jitters)
      for (let it = 0; it < steps; it++) {
        for (let n = 0; n < B; n++) {
          const k = rng.int(8192);
          batch[2 * n] = pool[2 * k];
          batch[2 * n + 1] = pool[2 * k + 1];
        }
        tf.tidy(() => {
          const data = tf.tensor2d(batch, [B, 2]);
          opt.minimize(() => dsm({ energy, data, rng }, { beta, sigma }).loss, false, [mu, s]);
        });
        if (it >= steps - tail) {
          const m = mu.dataSync();
          sumMu = [sumMu[0] + m[0] / tail, sumMu[1] + m[1] / tail];
          sumS2 += s.dataSync()[0] ** 2 / tail;
        }
      }
      // The pool's own mean and variance per axis, so the check excludes its sampling error.
      const n = 8192;
      let [px, py, v] = [0, 0, 0];
      for (let k = 0; k < n; k++) [px, py] = [px + pool[2 * k] / n, py + pool[2 * k + 1] / n];
      for (let k = 0; k < n; k++) v += (pool[2 * k] - px) ** 2 + (pool[2 * k + 1] - py) ** 2;
      const target = v / (2 * n) + sigma * sigma;
      const dMu = Math.hypot(sumMu[0] - px, sumMu[1] - py);
      const got = sumS2 / beta;
      report[`β=${beta} s²/β`] = got;
      report[`β=${beta} target`] = target;
      report[`β=${beta} |Δμ|`] = dMu;
      report[`β=${beta} |pool mean − μ*|`] = Math.hypot(px - mx, py - my);
      expect(Math.abs(got / target - 1)).toBeLessThan(0.01);
      expect(dMu).toBeLessThan(0.02);
      tf.dispose([mu, s]);
      opt.dispose();
      console.log('dsm', report);
    });
  }
});
