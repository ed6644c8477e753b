// In-worker benchmark (npm run bench): the numbers the platform notes track, measured on the
// backend this worker runs. Medians of repeated timed runs, each ended by a readback so
// asynchronous backends (webgl) are timed to completion.
import { BOX } from '../contract/box';
import { DEFAULT_SETTINGS, SAMPLERS } from '../contract/settings';
import { EnergyGrid } from '../ebm/grid';
import { createMlp } from '../ebm/mlp';
import { ReplayBuffer } from '../ebm/replay';
import { makeRng } from '../ebm/rng';
import { createRbm } from '../ebm/rbm';
import { createSampler } from '../ebm/samplers';
import { langevin } from '../ebm/samplers/langevin';
import { tf } from '../ebm/tf';
import { Trainer } from '../ebm/trainer';
import { DATA_BATCH } from './dataBatch';
import { roofline } from './roofline';
import { ownParams, samplerParams } from './samplerSetup';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median ms of fn over `reps` runs after `warm` warm-up runs. */
function time(fn: () => void, reps: number, warm = 2): number {
  for (let i = 0; i < warm; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

export function runBench(): Record<string, number> {
  const box = BOX;
  const rng = makeRng(1);
  const model = createMlp({ width: 64, depth: 2, inputScale: 0.5, seed: 1 });
  const out: Record<string, number> = {};
  const p = { beta: 1, box, langevinStep: 0.01 };

  // Training iteration: K = 20 Langevin steps on 256 chains + CD loss on 256 points + Adam.
  const trainer = new Trainer(model, 1e-3);
  const buffer = new ReplayBuffer(2048, box, 2);
  const data = tf.randomNormal([DATA_BATCH, 2], 0, 1, 'float32', 3) as tf.Tensor2D;
  const trainParams = {
    sampler: p,
    learningRate: 1e-3,
    steps: 20,
    reinitFraction: 0.05,
    reinitFrom: 'uniform' as const,
    alpha: 0.1,
    batch: 256,
    maxGradNorm: 10,
    objective: { kind: 'persistentCd' as const, sigma: 0.1 },
  };
  const iterMs = time(() => {
    trainer.step(data, buffer, langevin, trainParams, rng);
    trainer.stats?.dataSync();
  }, 15);
  out['training iterations/s'] = 1000 / iterMs;
  Object.assign(out, roofline(DEFAULT_SETTINGS, iterMs));

  // Langevin chain-steps/s: 10 steps on N chains, timed to the readback.
  for (const n of [1024, 8192]) {
    const x0 = tf.randomUniform([n, 2], -4, 4, 'float32', 4) as tf.Tensor2D;
    const ms = time(() => {
      const x = tf.tidy(() => langevin.run(model.energy, x0, 10, p, rng).x);
      x.dataSync();
      x.dispose();
    }, 7);
    out[`Langevin chain-steps/s N=${n}`] = (n * 10 * 1000) / ms;
    x0.dispose();
  }

  // Every sampler in the registry at N = 1024 (10 transitions, timed to the readback), with
  // its default parameters, on the same MLP (Gibbs on a 32-hidden-unit RBM). HMC's transition
  // is L = 10 leapfrog steps, so it costs about ten Langevin steps; MALA and MH add an energy
  // and an accept test to each step.
  const rbm = createRbm({ hidden: 32, seed: 1 });
  const x1024 = tf.randomUniform([1024, 2], -4, 4, 'float32', 5) as tf.Tensor2D;
  for (const name of SAMPLERS) {
    const onRbm = name === 'gibbs';
    const settings = { ...DEFAULT_SETTINGS, sampler: name, model: onRbm ? 'rbm' : 'mlp' } as const;
    const params = ownParams(name, settings);
    const sampler = createSampler(name, { model: onRbm ? rbm : model, params });
    const energy = onRbm ? rbm.energy : model.energy;
    const q = samplerParams(settings, box);
    const ms = time(() => {
      const x = tf.tidy(() => sampler.run(energy, x1024, 10, q, rng).x);
      x.dataSync();
      x.dispose();
    }, 5);
    out[`${name} sampler: chain-steps/s N=1024`] = (1024 * 10 * 1000) / ms;
    sampler.dispose?.();
  }
  x1024.dispose();
  rbm.dispose();

  // Energy on the 128×128 grid (heatmap, contours, partition function).
  const grid = new EnergyGrid(128, box);
  out['grid 128² evaluation (ms)'] = time(() => {
    const e = tf.tidy(() => grid.evaluate(model.energy));
    e.dataSync();
    e.dispose();
  }, 9);

  grid.dispose();
  data.dispose();
  trainer.dispose();
  buffer.dispose();
  model.dispose();
  return out;
}
