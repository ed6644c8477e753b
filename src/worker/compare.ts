// The compare view (issue 12): beside the run, a reference model of the same architecture and
// the same starting weights (the run's, when switched on; the same seed's after a reset) is trained on the same data by exact maximum
// likelihood on the grid, L = mean E(data) + (1/β) log Z (objectives/exactMl.ts): the gradient
// every sampler-based objective approximates. Each of its iterations is one Adam step with the
// run's learning rate on its own data batch. A few times a second it posts the reference's
// normalised density on a 64×64 grid and KL(data ‖ K_b ∗ p) of both models on that grid (the
// page's read-out, frameMetrics.ts klToData: the data KDE with the page's bandwidth rule, each
// model through the same kernel), so the two numbers compare like for like.
// Cost: one exact-ML step is a forward and backward pass over 64² = 4096 cells, about the
// cost of 16 Langevin steps of the 256-chain batch; its chains take one sampler step (the
// reference has no negatives, the chains only exist because a Session has them).
import type { CompareFrame } from '../contract/protocol';
import type { Settings } from '../contract/settings';
import { chooseBandwidth, kde } from '../ebm/density/kde';
import { klToData } from '../ebm/density/frameMetrics';
import { normalise, type GridSpec } from '../ebm/density/partition';
import { makeRng, type Rng } from '../ebm/rng';
import { tf } from '../ebm/tf';
import { DATA_BATCH, resamplePoints } from './dataBatch';
import { trainParams } from './samplerSetup';
import { Session } from './session';

export const COMPARE_GRID = 64;
const COMPARE_EVERY_MS = 400;

/** The reference run's settings: exact ML, the smallest buffer, one chain step. */
function referenceSettings(s: Settings): Settings {
  return { ...s, objective: 'exactMl', chains: 256, chainSteps: 1 };
}

export class CompareRun {
  private ref: Session | null = null;
  private rng: Rng = makeRng(1);
  private last = -Infinity;
  private kdeFor: {
    points: Float32Array;
    bw: number | undefined;
    p: Float32Array;
    bandwidth: number;
  } | null = null;
  on = false;

  /**
   * Switch on or off. Switched on mid-run, the reference starts from the run's current
   * weights (so from then on both train from the same state); after a reset both start from
   * the same seed's initial weights (restart).
   */
  set(on: boolean, settings: Settings, seedOffset: number, main: Session | null): void {
    this.on = on;
    this.restart(settings, seedOffset);
    const ref = this.ref;
    if (!ref || !main) return;
    main.average.shown(() =>
      ref.model.variables.forEach((v, i) => v.assign(main.model.variables[i])),
    );
  }

  /** A new run (reset, new model): the reference starts over from the same seed. */
  restart(settings: Settings, seedOffset: number): void {
    this.ref?.dispose();
    this.ref = null;
    this.last = -Infinity;
    if (!this.on) return;
    this.ref = new Session(referenceSettings(settings), COMPARE_GRID, seedOffset);
    this.rng = makeRng(settings.seed * 977 + seedOffset);
  }

  /** n reference iterations, in step with the run's n. */
  chunk(settings: Settings, points: Float32Array, n: number): void {
    const r = this.ref;
    if (!r || points.length < 2 || settings.mode !== 'train') return;
    const rs = referenceSettings(settings);
    r.trainer.setLearningRate(rs.learningRate);
    const p = trainParams(rs, r.box);
    const sampler = r.sampler(rs).sampler;
    for (let k = 0; k < n; k++) {
      const data = tf.tensor2d(resamplePoints(points, this.rng), [DATA_BATCH, 2]);
      r.trainer.step(data, r.buffer, sampler, p, this.rng);
      data.dispose();
    }
  }

  /** After n run iterations: n reference iterations, then the comparison if one is due. */
  step(
    main: Session,
    settings: Settings,
    points: Float32Array,
    n: number,
    ids: { generation: number; iteration: number },
    post: (msg: CompareFrame) => void,
  ): void {
    this.chunk(settings, points, n);
    const f = this.frame(main, settings, points, ids);
    if (f) post(f);
  }

  /** The comparison, when one is due: both energies read back once, KLs on the coarse grid. */
  frame(
    main: Session,
    settings: Settings,
    points: Float32Array,
    ids: { generation: number; iteration: number },
    now = performance.now(),
  ): CompareFrame | null {
    const r = this.ref;
    if (!r || points.length < 2 || now - this.last < COMPARE_EVERY_MS) return null;
    this.last = now;
    const [refE, runE] = tf.tidy(() => [
      r.grid.evaluate(r.model.energy).dataSync() as Float32Array,
      main.average.shown(() => r.grid.evaluate(main.model.energy).dataSync() as Float32Array),
    ]);
    const grid: GridSpec = { G: COMPARE_GRID, box: r.box };
    const { p, bandwidth } = this.dataKde(points, settings.kdeBandwidth, grid);
    const ref = normalise(refE, grid, settings.beta);
    const run = normalise(runE, grid, settings.beta);
    return {
      type: 'compareFrame',
      ...ids,
      gridSize: COMPARE_GRID,
      density: ref.density,
      klReference: klToData(p, ref.density, grid, bandwidth),
      klRun: klToData(p, run.density, grid, bandwidth),
    };
  }

  private dataKde(points: Float32Array, bw: number | undefined, grid: GridSpec) {
    const c = this.kdeFor;
    if (c && c.points === points && c.bw === bw) return c;
    const bandwidth = chooseBandwidth(points, bw, grid).bandwidth;
    const p = kde(points, grid, { bandwidth });
    this.kdeFor = { points, bw, p, bandwidth };
    return this.kdeFor;
  }

  dispose(): void {
    this.ref?.dispose();
    this.ref = null;
  }
}
