// Exact maximum likelihood on the grid: its log Z is partition.ts's, its autodiff gradient
// is the gradient of the NLL (checked by central differences in float64), and Adam on it
// fits a Gaussian.
import { beforeAll, describe, expect, it } from 'vitest';
import { energyOnGrid, gaussianPoints, grid128, quadratic } from '../density/fixtures';
import { klDivergenceLog } from '../density/kl';
import { logPartition, normalise } from '../density/partition';
import type { EnergyModel } from '../energy';
import { EnergyGrid } from '../grid';
import { createMlp } from '../mlp';
import { makeRng } from '../rng';
import { useCpu } from '../testing';
import { tf } from '../tf';
import { createMlGrid, exactMl } from './exactMl';

beforeAll(useCpu);
const box = { min: -4, max: 4 };
const report: Record<string, number> = {};

/** NLL = β·mean E(data) + log Z in float64 from the float32 energies (partition.ts's log Z). */
function nll64(model: EnergyModel, data: tf.Tensor2D, grid: EnergyGrid, beta: number): number {
  const ed = Array.from(tf.tidy(() => model.energy(data).dataSync()));
  const eg = tf.tidy(() => grid.evaluate(model.energy).dataSync());
  const mean = ed.reduce((s, v) => s + v, 0) / ed.length;
  return beta * mean + logPartition(eg, { G: grid.size, box: grid.box }, beta);
}

describe('exactMl', () => {
  it('log Z matches partition.ts; ∇θ matches central differences of the NLL (rel. 1e-2)', () => {
    const beta = 1.5;
    const model = createMlp({ width: 16, depth: 2, inputScale: 0.5, seed: 7 });
    const data = tf.tensor2d(gaussianPoints(64, 1, -0.5, 0.5, 4), [64, 2]);
    const grid = createMlGrid(box, 32);
    const [loss, logZ] = tf.tidy(() => {
      const r = exactMl({ energy: model.energy, data }, { beta, grid });
      return [r.loss.dataSync()[0], r.terms.logZ.dataSync()[0]];
    });
    expect(Math.abs(loss - nll64(model, data, grid, beta))).toBeLessThan(1e-4);
    const eg = tf.tidy(() => grid.evaluate(model.energy).dataSync());
    expect(Math.abs(logZ - logPartition(eg, { G: 32, box }, beta))).toBeLessThan(1e-4);

    const { grads } = tf.variableGrads(
      () => exactMl({ energy: model.energy, data }, { beta, grid }).loss,
      model.variables,
    );
    const h = 1e-2;
    let worst = 0;
    let checked = 0;
    model.variables.forEach((v) => {
      const g = grads[v.name].dataSync();
      const base = v.dataSync().slice();
      // The three entries with the largest gradient in each variable.
      const idx = Array.from(g.keys()).sort((a, b) => Math.abs(g[b]) - Math.abs(g[a]));
      for (const k of idx.slice(0, 3)) {
        const at = (d: number) => {
          const w = base.slice();
          w[k] += d;
          v.assign(tf.tensor(w, v.shape));
          return nll64(model, data, grid, beta);
        };
        const fd = (at(h) - at(-h)) / (2 * h);
        v.assign(tf.tensor(base, v.shape));
        const err = Math.abs(g[k] - fd) / Math.max(Math.abs(fd), 1e-2);
        worst = Math.max(worst, err);
        checked++;
        expect(err).toBeLessThan(1e-2);
      }
    });
    report.fdWorstRelErr = worst;
    report.fdChecked = checked;
    tf.dispose([...Object.values(grads), data]);
    grid.dispose();
    model.dispose();
  });

  it('200 Adam steps on exactMl fit a Gaussian: KL(true ‖ p_θ) on a 128² grid < 0.03', () => {
    const [mx, my, s] = [1, -0.5, 0.6];
    const pool = gaussianPoints(4000, mx, my, s, 21);
    const model = createMlp({ width: 32, depth: 2, inputScale: 0.5, seed: 5 });
    const grid = createMlGrid(box, 32); // 0.25-wide cells: σ = 0.6 is well resolved; 4× cheaper than 64
    const opt = tf.train.adam(1e-2);
    const rng = makeRng(22);
    const batch = new Float32Array(2 * 256);
    const truth = normalise(energyOnGrid(grid128, quadratic(mx, my, s)), grid128);
    const eval128 = new EnergyGrid(128, box);
    const kl = () => {
      const e = tf.tidy(() => eval128.evaluate(model.energy).dataSync());
      return klDivergenceLog(truth.density, normalise(e, grid128).logDensity, grid128);
    };
    const kl0 = kl();
    const steps = 200;
    for (let it = 0; it < steps; it++) {
      for (let n = 0; n < 256; n++) {
        const k = rng.int(4000);
        batch[2 * n] = pool[2 * k];
        batch[2 * n + 1] = pool[2 * k + 1];
      }
      tf.tidy(() => {
        const data = tf.tensor2d(batch, [256, 2]);
        opt.minimize(() => exactMl({ energy: model.energy, data }, { beta: 1, grid }).loss);
      });
    }
    const kl1 = kl();
    Object.assign(report, { klStart: kl0, klAfter: kl1, steps });
    expect(kl1).toBeLessThan(0.03);
    opt.dispose();
    grid.dispose();
    eval128.dispose();
    model.dispose();
    console.log('exactMl', report);
  });
});
