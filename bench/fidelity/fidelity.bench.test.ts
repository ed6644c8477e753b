// `npm run fidelity`: does the page learn the density of the data? Trains each data set with
// each configuration through the worker's own Session and Training (the engine's code path,
// without messaging) for a fixed budget, then reads what the page's metrics tracker reads:
// KL(data KDE ‖ p_θ) beside its floor, per-mode model mass against the data's share (presets
// with known modes and the generated unequal mixture), whether the health report says
// "healthy", and the energy range (divergence). Where the generator's exact density is known
// (ebm/datasetDensity.ts, and the mixtures below) it also prints
//   KL(p̂ ‖ K_b∗p_true)  what the true density itself scores on the page's read-out (the model
//                    seen through the data's kernel b): the exact floor, beside the
//                    smoothed-bootstrap estimate the page shows (klFloor.ts)
//   KL(p_true ‖ p_θ) the expected held-out NLL of the model minus the generator's own NLL
//                    (0 for a perfect model; no KDE, no bandwidth)
// Not in CI: it trains for minutes.
//   FIDELITY_LONG=5000 goes on to 5000 iterations and adds KL and the energy range there.
//   env FIDELITY_BACKEND=wasm|cpu (default wasm), FIDELITY_ITERS (default 1500), FIDELITY_GRID
//       (default 128, the page's),
//       FIDELITY_SETS=8gaussians,mix5,…  FIDELITY_CONFIGS=default,replica,…
// Prints one table and writes test-results/fidelity.json.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_SETTINGS, type Settings } from '../../src/contract/settings';
import { PRESETS } from '../../src/contract/presets';
import { generateDataset } from '../../src/ebm/datasets';
import { makeRng } from '../../src/ebm/rng';
import { presetCentres, type Centre } from '../../src/ebm/density/modes';
import { datasetDensity } from '../../src/ebm/datasetDensity';
import { chooseBandwidth, kde, smoothDensity } from '../../src/ebm/density/kde';
import { klDivergence, klDivergenceLog } from '../../src/ebm/density/kl';
import { levelCalibration } from '../../src/ebm/density/levelCalibration';
import { normalise } from '../../src/ebm/density/partition';
import {
  curve,
  densityOnGrid,
  gaussian,
  mixture,
  type Density,
} from '../../src/ebm/density/exactDensity';
import { DEFAULT_BOX } from '../../src/ebm/box';
import { MetricsTracker } from '../../src/worker/metrics';
import { Session } from '../../src/worker/session';
import { Training } from '../../src/worker/training';

/** The page's grid (state/engine.ts GRID_SIZE): the metrics are read at the page's resolution. */
const G = Number(process.env.FIDELITY_GRID ?? 128);
const ITERS = Number(process.env.FIDELITY_ITERS ?? 1500);

/** Five gaussians of unequal weights on a pentagon (issue 12's failing case). */
const MIX_W = [0.36, 0.26, 0.18, 0.12, 0.08];
const MIX_C: Centre[] = MIX_W.map((_, k) => {
  const a = (2 * Math.PI * k) / 5 + Math.PI / 2;
  return [2 * Math.cos(a), 2 * Math.sin(a)] as const;
});
function mix5(n = 400, seed = 1): Float32Array {
  const rng = makeRng(seed);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    let k = 0;
    while (k < MIX_W.length - 1 && u >= MIX_W[k]) u -= MIX_W[k++];
    out[2 * i] = MIX_C[k][0] + 0.25 * rng.normal();
    out[2 * i + 1] = MIX_C[k][1] + 0.25 * rng.normal();
  }
  return out;
}

/** Three sharp gaussians (σ = 0.08) of weights .6/.3/.1: narrow wells, unequal weights. */
const SHARP_W = [0.6, 0.3, 0.1];
const SHARP_C: Centre[] = [
  [-2, -1],
  [1.5, 2],
  [2, -2],
];
/** A smiley: two small eyes and a thin arc (issue 12's divergence case). */
function smiley(n = 400, seed = 3): Float32Array {
  const rng = makeRng(seed);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    const t = Math.PI * (1.15 + 0.7 * rng.next());
    const [x, y, s] =
      u < 0.2
        ? [-1, 1, 0.08]
        : u < 0.4
          ? [1, 1, 0.08]
          : [1.8 * Math.cos(t), 1.8 * Math.sin(t), 0.05];
    out[2 * i] = x + s * rng.normal();
    out[2 * i + 1] = y + s * rng.normal();
  }
  return out;
}
/** A thin gaussian rotated by 30°: σ = 1.2 along its axis, 0.06 across. */
function thin(n = 400, seed = 4): Float32Array {
  const rng = makeRng(seed);
  const out = new Float32Array(2 * n);
  const [c, s] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
  for (let i = 0; i < n; i++) {
    const a = 1.2 * rng.normal();
    const b = 0.06 * rng.normal();
    out[2 * i] = c * a - s * b;
    out[2 * i + 1] = s * a + c * b;
  }
  return out;
}
function weighted(w: number[], c: Centre[], sd: number, n = 400, seed = 2): Float32Array {
  const rng = makeRng(seed);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    let k = 0;
    while (k < w.length - 1 && u >= w[k]) u -= w[k++];
    out[2 * i] = c[k][0] + sd * rng.normal();
    out[2 * i + 1] = c[k][1] + sd * rng.normal();
  }
  return out;
}

const mixOf = (w: number[], c: Centre[], sd: number) =>
  mixture(
    c.map(([x, y]) => gaussian(x, y, sd)),
    w,
  );
/** The smiley's generator: eyes of weight .2 each, the arc t ∼ π·U[1.15, 1.85] of weight .6. */
const SMILEY_TRUE = mixture(
  [
    gaussian(-1, 1, 0.08),
    gaussian(1, 1, 0.08),
    curve((t) => [1.8 * Math.cos(t), 1.8 * Math.sin(t)], 1.15 * Math.PI, 1.85 * Math.PI, 0.05, 800),
  ],
  [0.2, 0.2, 0.6],
);

interface DataSet {
  points: Float32Array;
  centres: Centre[] | null;
  /** The generator's exact density, where known. */
  truth: Density | null;
}
const SETS: Record<string, () => DataSet> = {
  mix5: () => ({ points: mix5(), centres: MIX_C, truth: mixOf(MIX_W, MIX_C, 0.25) }),
  sharp3: () => ({
    points: weighted(SHARP_W, SHARP_C, 0.08),
    centres: SHARP_C,
    truth: mixOf(SHARP_W, SHARP_C, 0.08),
  }),
  smiley: () => ({ points: smiley(), centres: null, truth: SMILEY_TRUE }),
  thin: () => ({ points: thin(), centres: null, truth: gaussian(0, 0, 1.2, 0.06, Math.PI / 6) }),
  ...Object.fromEntries(
    PRESETS.filter((p) => p !== 'empty').map((p) => [
      p,
      () => ({
        points: Float32Array.from(generateDataset(p, 1).flatMap((q) => [q.x, q.y])),
        centres: presetCentres(p),
        truth: datasetDensity(p),
      }),
    ]),
  ),
};

const base: Settings = { ...DEFAULT_SETTINGS, chains: 2048 };
const CONFIGS: Record<string, Partial<Settings>> = {
  default: {},
  old: { reinitFrom: 'uniform', reinitFraction: 0.05 },
  model05: { reinitFraction: 0.05 },
  malaModel05: { sampler: 'mala', reinitFraction: 0.05 },
  uniform: { reinitFrom: 'uniform' },
  data: { reinitFrom: 'data' },
  model20: { reinitFraction: 0.2 },
  model50: { reinitFraction: 0.5 },
  model100: { reinitFraction: 1 },
  model20Lr3: { reinitFraction: 0.2, learningRate: 3e-3 },
  model50Lr3: { reinitFraction: 0.5, learningRate: 3e-3 },
  malaModel: { sampler: 'mala' },
  mala: { sampler: 'mala', reinitFrom: 'uniform' },
  malaA01: { sampler: 'mala', alpha: 0.1 },
  malaLr3: { sampler: 'mala', learningRate: 3e-3 },
  malaA01Lr3: { sampler: 'mala', alpha: 0.1, learningRate: 3e-3 },
  replica: { sampler: 'replica' },
  reinitHalf: { reinitFraction: 0.5 },
  alpha01: { alpha: 0.1 },
  exactMl: { objective: 'exactMl' },
  /** The learning rate held constant (the default before annealing, ebm/anneal.ts). */
  constant: { annealIters: 0 },
  anneal1000: { annealIters: 1000 },
  /** The latest weights shown, not their average (ebm/weightAverage.ts). */
  latest: { averageIters: 0 },
  wide: { width: 128 },
  seed2: { seed: 2 },
  seed3: { seed: 3 },
  w96: { width: 96 },
  w96K10: { width: 96, chainSteps: 10 },
  w96K15: { width: 96, chainSteps: 15 },
  deep3: { depth: 3 },
  chainSteps40: { chainSteps: 40 },
  average500: { averageIters: 500 },
  alpha001: { alpha: 0.001 },
  lr5e3: { learningRate: 5e-3 },
  w112K8: { width: 112, chainSteps: 8 },
  w112K8s2: { width: 112, chainSteps: 8, seed: 2 },
  w112K8s3: { width: 112, chainSteps: 8, seed: 3 },
  w128K6: { width: 128, chainSteps: 6 },
  d3w64: { depth: 3, width: 64 },
  d3w80: { depth: 3, width: 80 },
  d3w64s2: { depth: 3, width: 64, seed: 2 },
  d3w64s3: { depth: 3, width: 64, seed: 3 },
  anneal3000: { annealIters: 3000 },
  anneal2000: { annealIters: 2000 },
  anneal3000s2: { annealIters: 3000, seed: 2 },
  anneal3000s3: { annealIters: 3000, seed: 3 },
  anneal3000avg400: { annealIters: 3000, averageIters: 400 },
  d3w80anneal3000: { depth: 3, width: 80, annealIters: 3000 },
  d3w72: { depth: 3, width: 72 },
  d3w80s2: { depth: 3, width: 80, seed: 2 },
  d3w72s2: { depth: 3, width: 72, seed: 2 },
  d3w72s3: { depth: 3, width: 72, seed: 3 },
};

const pick = <T>(all: Record<string, T>, env: string | undefined) =>
  env ? Object.fromEntries(env.split(',').map((k) => [k, all[k]])) : all;

interface Row {
  set: string;
  config: string;
  kl: number;
  floor: number;
  weightErr: number;
  healthy: boolean;
  eRange: number;
  warnings: string;
  seconds: number;
  /** After FIDELITY_LONG iterations (the divergence check), if asked. */
  longKl: number;
  longRange: number;
  /** KL(p̂ ‖ K_b ∗ p_true): the exact floor (NaN where the density is not known). */
  trueFloor: number;
  /** KL(p_true ‖ p_θ): expected held-out NLL gap to the generator. */
  trueKl: number;
  /** KL(p_true ‖ p̂_b): the same for the data's KDE (what a kernel at b resolves). */
  kdeTrueKl: number;
  /** levelCalibration.ts: KS distance of the data's levels under p_θ, and its signed excess. */
  levelKs: number;
  levelExcess: number;
}

/** The two numbers against the generator's exact density (see the header). */
function againstTruth(
  points: Float32Array,
  energy: Float32Array,
  beta: number,
  truth: Density | null,
) {
  if (!truth) return { trueFloor: NaN, trueKl: NaN, kdeTrueKl: NaN };
  const grid = { G, box: DEFAULT_BOX };
  const pTrue = densityOnGrid(truth, grid);
  const { bandwidth } = chooseBandwidth(points, undefined, grid);
  const pHat = kde(points, grid, { bandwidth });
  return {
    kdeTrueKl: klDivergenceLog(
      pTrue,
      Float32Array.from(pHat, (v) => Math.log(Math.max(v, 1e-30))),
      grid,
    ),
    trueFloor: klDivergence(
      kde(points, grid, { bandwidth }),
      smoothDensity(pTrue, grid, bandwidth),
      grid,
    ),
    trueKl: klDivergenceLog(pTrue, normalise(energy, grid, beta).logDensity, grid),
  };
}

/** KL, floor, mode masses, health and energy range of the session now, as the page reads them. */
function measure(
  s: Session,
  settings: Settings,
  points: Float32Array,
  centres: Centre[] | null,
  truth: Density | null = null,
) {
  // The model the page shows: the averaged weights (ebm/weightAverage.ts).
  const energy = s.average.shown(() =>
    tf.tidy(() => s.grid.evaluate(s.model.energy).dataSync()),
  ) as Float32Array;
  const samples = s.buffer.chains.dataSync() as Float32Array;
  const stats = s.trainer.stats!.dataSync() as Float32Array;
  const tracker = new MetricsTracker(s.box);
  tracker.setCentres(centres);
  const p = tracker.compute({
    energy,
    gridSize: G,
    samples,
    points,
    stats,
    gradX: NaN,
    beta: settings.beta,
    stepSize: 0,
    kdeBandwidth: undefined,
    training: true,
    alpha: settings.objective === 'exactMl' || settings.objective === 'dsm' ? 0 : settings.alpha,
  });
  const w = p.modeMass.reduce((m, r) => Math.max(m, Math.abs(r.modelMass - r.dataShare)), 0);
  return {
    kl: p.metrics.kl,
    floor: p.metrics.klFloor,
    weightErr: p.modeMass.length ? w : NaN,
    healthy: p.healthy,
    eRange: p.metrics.energyMax - p.metrics.energyMin,
    warnings: p.warnings.map((x) => x.id).join(' '),
    ...(() => {
      const c = levelCalibration(
        normalise(energy, { G, box: DEFAULT_BOX }, settings.beta).logDensity,
        { G, box: DEFAULT_BOX },
        points,
      );
      return { levelKs: c.ks, levelExcess: c.excess };
    })(),
    masses: p.modeMass.map((r) => `${r.modelMass.toFixed(3)}/${r.dataShare.toFixed(3)}`).join(' '),
    ...againstTruth(points, energy, settings.beta, truth),
  };
}

/** FIDELITY_LONG=5000: go on training to that many iterations and read KL and E range again. */
const LONG = Number(process.env.FIDELITY_LONG ?? 0);
const TRACE = Number(process.env.FIDELITY_TRACE ?? 0);

/** FIDELITY_DUMP=1: write the model's, the truth's and the data's densities on the grid to
 *  test-results/fidelity-<set>-<config>.json (look at them: scratch plots, not part of CI). */
function dump(
  name: string,
  s: Session,
  settings: Settings,
  points: Float32Array,
  truth: Density | null,
) {
  const grid = { G, box: DEFAULT_BOX };
  const energy = s.average.shown(() =>
    tf.tidy(() => s.grid.evaluate(s.model.energy).dataSync()),
  ) as Float32Array;
  const model = Array.from(normalise(energy, grid, settings.beta).density);
  const data = Array.from(kde(points, grid, chooseBandwidth(points, undefined, grid)));
  const samples = Array.from(s.buffer.chains.dataSync());
  const t = truth ? Array.from(densityOnGrid(truth, grid)) : null;
  writeFileSync(
    `test-results/fidelity-${name}.json`,
    JSON.stringify({ G, box: DEFAULT_BOX, model, truth: t, data, samples }),
  );
}

function run(set: string, config: string): Row {
  const { points, centres, truth } = SETS[set]();
  const settings = { ...base, ...CONFIGS[config] };
  const s = new Session(settings, G, 0);
  const train = new Training();
  const rng = makeRng(settings.seed * 31);
  const t0 = performance.now();
  let done = 0;
  for (; done < ITERS; done += 50) {
    train.chunk(s, settings, points, 50, rng);
    // FIDELITY_TRACE=100: print KL and the mode masses every 100 iterations (noise or bias?).
    if (TRACE && (done + 50) % TRACE === 0) {
      const t = measure(s, settings, points, centres);
      console.log(`  ${set} ${config} @${done + 50}: KL ${t.kl.toFixed(3)} masses ${t.masses}`);
    }
  }
  const m = measure(s, settings, points, centres, truth);
  if (process.env.FIDELITY_DUMP) dump(`${set}-${config}`, s, settings, points, truth);
  const seconds = (performance.now() - t0) / 1000;
  let [longKl, longRange] = [NaN, NaN];
  if (LONG > ITERS) {
    for (; done < LONG; done += 50) train.chunk(s, settings, points, 50, rng);
    const l = measure(s, settings, points, centres);
    [longKl, longRange] = [l.kl, l.eRange];
  }
  s.dispose();
  return { set, config, ...m, seconds, longKl, longRange };
}

it(`fidelity: ${ITERS} iterations per data set and configuration`, async () => {
  const backend = process.env.FIDELITY_BACKEND ?? 'wasm';
  if (backend === 'wasm')
    setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed`);
  const rows: Row[] = [];
  const f = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');
  // Each row is also appended to test-results/fidelity.md as soon as it is measured.
  mkdirSync('test-results', { recursive: true });
  const out = `test-results/fidelity${process.env.FIDELITY_TAG ?? ''}.md`;
  const say = (line: string) => {
    console.log(line);
    appendFileSync(out, `${line}\n`);
  };
  say(
    `backend ${tf.getBackend()}, ${ITERS} iterations, grid ${G}${LONG ? `, then on to ${LONG}` : ''}`,
  );
  say(
    `| data | config | KL | floor | KL − floor | max |mass − share| | healthy | E range | warnings | s | KL(p̂‖K_b∗p_true) | KL(p_true‖p_θ) | KL(p_true‖p̂_b) | level D | level excess |${LONG ? ` KL at ${LONG} | E range at ${LONG} |` : ''}`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const set of Object.keys(pick(SETS, process.env.FIDELITY_SETS)))
    for (const config of Object.keys(pick(CONFIGS, process.env.FIDELITY_CONFIGS))) {
      const r = run(set, config);
      rows.push(r);
      say(
        `| ${r.set} | ${r.config} | ${f(r.kl)} | ${f(r.floor)} | ${f(r.kl - r.floor)} | ${f(r.weightErr)} | ${r.healthy ? 'yes' : 'no'} | ${f(r.eRange, 1)} | ${r.warnings} | ${f(r.seconds, 0)} | ${f(r.trueFloor)} | ${f(r.trueKl)} | ${f(r.kdeTrueKl)} | ${f(r.levelKs)} | ${f(r.levelExcess)} |${LONG ? ` ${f(r.longKl)} | ${f(r.longRange, 1)} |` : ''}`,
      );
    }
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    'test-results/fidelity.json',
    JSON.stringify({ backend, iters: ITERS, rows }, null, 2),
  );
});
