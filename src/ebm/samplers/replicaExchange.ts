// Replica exchange (parallel tempering) on π(x) ∝ exp(−βE(x))·1_B, B the box.
// R rungs at inverse temperatures β_r = β·t_r, t_r = t_min^{r/(R−1)}, r = 0 … R−1: t_0 = 1 is
// the target, t_{R−1} = t_min the hottest rung. The joint target Π_r exp(−β_r E(x_r))·1_B(x_r)
// has π as its rung-0 marginal. Every step does two moves, both exact for the joint:
// 1. Within each rung, one MALA step on exp(−β_r E) (all R·N rows in one batch; mala.ts):
//      x* = x − (ε_r β_r/2)∇E(x) + √ε_r z,   ε_r = ε/t_r,
//      log α = −β_r(E(x*) − E(x)) + log q(x|x*) − log q(x*|x),
//      log q(b|a) = −‖b − a + (ε_r β_r/2)∇E(a)‖²/(2ε_r);  proposals outside B are rejected.
//    ε_r scales the step to the rung's width, so the drift (ε_r β_r/2)∇E = (εβ/2)∇E is the
//    same on every rung and only the noise grows with the temperature.
// 2. Swaps between adjacent rungs, pairs (r, r+1) with r even on even steps and r odd on odd
//    steps (the parity persists across calls): for each chain n, exchange x_r and x_{r+1} with
//      min(1, exp((β_r − β_{r+1})(E(x_r) − E(x_{r+1})))),
//    the joint's ratio after/before the exchange. Both states are in B already.
// Hot rungs cross energy barriers that rung 0 cannot, and swaps hand their states down.
// The caller's N chains are rung 0; rungs 1 … R−1 are state owned here, a tf.Variable
// [R−1, N, 2] created (uniform in B) at the first run for a given N and box, and kept.
// acceptRate is the mean swap acceptance over the attempted pairs, chains and steps.
import { uniformInBox, type Box } from '../box';
import { energyAndGrad, type EnergyFn } from '../energy';
import type { Rng } from '../rng';
import { ownedVariable, tf, type Tensor1D, type Tensor2D } from '../tf';
import { inBox, iterate, mhAccept, select } from './mh';
import { TraceRecorder } from './trace';
import type { Sampler, SamplerParams, SamplerRegistration } from './types';

export interface ReplicaExchangeOptions {
  /** R ≥ 2 rungs, the target included. */
  rungs: number;
  /** t_min ∈ (0, 1]: the hottest rung samples exp(−β·t_min·E). */
  minTemperatureFactor: number;
}

export interface ReplicaExchangeSampler extends Sampler<'replicaStep'> {
  readonly kind: 'replica';
  /** The factors t_r (β_r = β·t_r), t_0 = 1 first. */
  readonly ladder: readonly number[];
  /** Frees the hot replicas; a later run starts fresh ones. */
  dispose(): void;
}

/** t_r = t_min^{r/(R−1)}: a geometric ladder from 1 down to t_min. */
export function temperatureLadder(rungs: number, minFactor: number): number[] {
  return Array.from({ length: rungs }, (_, r) => minFactor ** (r / (rungs - 1)));
}

/** The rung each rung swaps with on a step of the given parity (itself if unpaired). */
export function swapPartners(rungs: number, parity: number): number[] {
  const lower = (r: number): boolean => r >= parity && (r - parity) % 2 === 0 && r + 1 < rungs;
  return Array.from({ length: rungs }, (_, r) => (lower(r) ? r + 1 : lower(r - 1) ? r - 1 : r));
}

const sqNorm = (v: tf.Tensor): Tensor1D => tf.sum(tf.square(v), 1) as Tensor1D;
/** Each rung's value repeated over its N rows, as [R·N]. */
const perRow = (v: number[], n: number): Tensor1D =>
  tf.reshape(tf.tile(tf.tensor2d(v, [v.length, 1]), [1, n]), [-1]) as Tensor1D;

interface State {
  x: Tensor2D;
  e: Tensor1D;
  g: Tensor2D;
  acc: tf.Scalar;
  [k: string]: tf.Tensor;
}

/** The swap move on [R·N] rows for one parity; adds the acceptance over the pairs to acc. */
function swap(s: State, t: number[], beta: number, parity: number, n: number, seed: number) {
  const R = t.length;
  const partner = swapPartners(R, parity);
  const lower = partner.map((q, r) => Math.min(q, r)); // a pair's lower rung, for both members
  const isLower = partner.map((q, r): number => (q > r ? 1 : 0));
  const perRung = (v: number[]): tf.Tensor => tf.tensor3d(v, [R, 1, 1]);
  const grid = (v: tf.Tensor): tf.Tensor => tf.reshape(v, [R, n, -1]);
  const [x, e, g] = [grid(s.x), grid(s.e), grid(s.g)];
  const idx = tf.tensor1d(partner, 'int32');
  const [xq, eq, gq] = [x, e, g].map((v) => tf.gather(v, idx, 0));
  // log A = (β_r − β_q)(E(x_r) − E(x_q)), the same for both members of a pair (0 if unpaired).
  const logA = tf.mul(perRung(partner.map((q, r) => beta * (t[r] - t[q]))), tf.sub(e, eq));
  // One uniform per pair: both members read the lower rung's draw, so they agree.
  const u = tf.randomUniform([R, n, 1], 0, 1, 'float32', seed);
  const go = tf.less(tf.log(tf.gather(u, tf.tensor1d(lower, 'int32'), 0)), logA);
  const pairs = isLower.reduce((a, b) => a + b, 0);
  const rate = tf.div(tf.sum(tf.mul(tf.cast(go, 'float32'), perRung(isLower))), pairs * n);
  const pick = <T extends tf.Tensor>(a: tf.Tensor, b: tf.Tensor, like: T): T =>
    tf.reshape(tf.where(go, a, b), like.shape) as T;
  return {
    x: pick(xq, x, s.x),
    e: pick(eq, e, s.e),
    g: pick(gq, g, s.g),
    acc: tf.add(s.acc, rate) as tf.Scalar,
  };
}

export function createReplicaExchange(options: ReplicaExchangeOptions): ReplicaExchangeSampler {
  const { rungs: R, minTemperatureFactor: tMin } = options;
  if (!Number.isInteger(R) || R < 2) throw new Error('Replica exchange needs at least 2 rungs');
  if (!(tMin > 0 && tMin <= 1)) throw new Error('minTemperatureFactor must lie in (0, 1]');
  const t = temperatureLadder(R, tMin);
  let hot: tf.Variable | null = null;
  let hotBox: Box | null = null;
  let phase = 0; // step counter: its parity picks the swap pairs

  const hotFor = (n: number, box: Box, rng: Rng): tf.Variable => {
    const same = hotBox?.min === box.min && hotBox.max === box.max;
    if (hot && hot.shape[1] === n && same) return hot;
    hot?.dispose();
    const init = tf.tidy(() =>
      tf.reshape(uniformInBox((R - 1) * n, box, rng.seed()), [R - 1, n, 2]),
    );
    hotBox = { ...box };
    return (hot = ownedVariable(init));
  };

  const run = (
    energy: EnergyFn,
    x0: Tensor2D,
    steps: number,
    p: SamplerParams & Readonly<Record<'replicaStep', number>>,
    rng: Rng,
  ) => {
    const n = x0.shape[0];
    const vars = hotFor(n, p.box, rng);
    if (steps <= 0) return { x: tf.clone(x0), acceptRate: null };
    const eps = p.replicaStep;
    const h = 0.5 * eps * p.beta; // drift factor ε_r β_r / 2, the same on every rung
    // Per-row constants, [R·N]: β_r, √ε_r (as a column) and −2ε_r.
    const rows = (f: (tr: number) => number): Tensor1D => perRow(t.map(f), n);
    const sqrtEps = (tr: number): number => Math.sqrt(eps / tr);
    const betaRow = rows((tr) => p.beta * tr);
    const noiseStd = tf.expandDims(rows(sqrtEps), 1);
    const minusTwoEps = rows((tr) => (-2 * eps) / tr);
    const rec = new TraceRecorder(p.trace, steps, n);
    let attempts = 0;
    const s = iterate<State>(
      () => {
        const x = tf.concat([x0, tf.reshape(vars, [-1, 2])], 0) as Tensor2D;
        return { x, ...energyAndGrad(energy, x), acc: tf.scalar(0) };
      },
      steps,
      (s0, k) => {
        const { x, e, g } = s0;
        const z = tf.randomNormal(x.shape, 0, 1, 'float32', rng.seed());
        const xp = tf.add(tf.sub(x, tf.mul(g, h)), tf.mul(z, noiseStd)) as Tensor2D;
        const { e: ep, g: gp } = energyAndGrad(energy, xp);
        // log q(x*|x) = −‖√ε_r z‖²/(2ε_r) = −‖z‖²/2;  log q(x|x*) = −‖x − m(x*)‖²/(2ε_r).
        const logQfwd = tf.mul(sqNorm(z), -0.5);
        const logQrev = tf.div(sqNorm(tf.sub(x, tf.sub(xp, tf.mul(gp, h)))), minusTwoEps);
        const logAlpha = tf.add(tf.mul(tf.sub(ep, e), tf.neg(betaRow)), tf.sub(logQrev, logQfwd));
        const accept = mhAccept(logAlpha as Tensor1D, inBox(xp, p.box), rng.seed());
        const moved: State = {
          x: select(accept, xp, x),
          e: select(accept, ep, e),
          g: select(accept, gp, g),
          acc: s0.acc,
        };
        const parity = phase++ % 2;
        const swapped = swapPartners(R, parity).some((q, r) => q !== r);
        const out = swapped ? swap(moved, t, p.beta, parity, n, rng.seed()) : moved;
        if (swapped) attempts++;
        rec.record(k, out.x);
        return out;
      },
    );
    vars.assign(tf.reshape(tf.slice(s.x, [n, 0], [(R - 1) * n, 2]), [R - 1, n, 2]));
    const x = tf.slice(s.x, [0, 0], [n, 2]) as Tensor2D;
    const acceptRate = tf.div(s.acc, Math.max(1, attempts)) as tf.Scalar;
    tf.dispose([s.x, s.e, s.g, s.acc]);
    const trace = rec.finish();
    return trace ? { x, acceptRate, trace } : { x, acceptRate };
  };

  return {
    kind: 'replica',
    ladder: t,
    run,
    dispose: () => {
      hot?.dispose();
      hot = null;
      hotBox = null;
    },
  };
}

export const registration: SamplerRegistration = {
  id: 'replica',
  create: ({ params }) =>
    createReplicaExchange({
      rungs: Math.round(params.replicaRungs ?? 4),
      minTemperatureFactor: params.replicaHottest ?? 0.1,
    }),
};
