// Sample mode's state inside the engine: the current sampling run (null in train mode), the
// trails switch, the adaptive number of transitions per piece and the frozen model's energy
// grid. The engine owns the loop and the frames; this class decides what a sample-mode
// command or setting change does.
// The grid cache: the model is frozen while a run is on, so the 128² energy evaluation of
// the last frame is reused and a frame reads back only the chains. It is valid for the run
// it was read in (a new run, a rebuild or leaving sample mode read it afresh; the engine
// trains only when no run is on, so training never meets it) until modelChanged().
import { slicedWasserstein } from '../ebm/density/sampleDistance';
import type { Rng } from '../ebm/rng';
import type { Settings } from '../contract/settings';
import {
  PROBE_CHAINS,
  TRACE_CHAINS,
  TRAIL_LENGTH,
  type FromWorker,
  type ToWorker,
} from '../contract/protocol';
import { assertNever } from '../contract/protocol';
import { LineCache } from './recovery';
import { runningSampler } from './samplerSetup';
import { ChunkBudget } from './scheduler';
import { samplePiece, SamplingRun } from './sampling';
import type { Session } from './session';

/** Sample-to-data distance messages at most this often (ms). */
const PROGRESS_EVERY_MS = 250;
/** Most transitions in one piece (the budget adapts to the chunk time below that). */
const MAX_PIECE = 1000;

export type SampleCommand = Extract<ToWorker, { type: 'probe' | 'restartChains' | 'trails' }>;

export class SampleMode {
  /** The current sampling run; null in train mode. */
  run: SamplingRun | null = null;
  trailsOn = true;
  /** Transitions per piece, adapted by the scheduler to its chunk time. */
  readonly budget = new ChunkBudget(MAX_PIECE);
  private runs = 0;
  /** The exact conditional on the clamp line (recovery.ts), kept like the grid. */
  private readonly line = new LineCache();
  /** The frozen model's energy grid and the run it was read in. */
  private grid: { run: SamplingRun; values: Float32Array } | null = null;

  private newRun(s: Session, settings: Settings): SamplingRun {
    this.budget.reset();
    const name = runningSampler(settings, s.model);
    // Gibbs jumps across the box at every step: a short trail stays readable.
    const length = name === 'gibbs' ? 8 : TRAIL_LENGTH;
    return new SamplingRun(++this.runs, name, TRACE_CHAINS, length);
  }

  /** After a rebuild: a fresh run if the settings are in sample mode. */
  start(s: Session, settings: Settings): void {
    this.run = settings.mode === 'sample' ? this.newRun(s, settings) : null;
  }

  /** Sampling from scratch: every chain restarts uniformly over the box. */
  restart(s: Session, settings: Settings, rng: Rng): void {
    s.restartChains(rng.seed());
    this.run = this.newRun(s, settings);
  }

  /** A new run on entering sample mode, switching sampler or changing the chain count. */
  onSettings(s: Session, prev: Settings, next: Settings, rng: Rng): void {
    this.modelChanged();
    if (next.mode !== 'sample') {
      this.run = null;
      return;
    }
    const was = runningSampler(prev, s.model);
    const now = runningSampler(next, s.model);
    if (!this.run || prev.mode !== 'sample' || was !== now || prev.chains !== next.chains)
      this.restart(s, next, rng);
  }

  command(msg: SampleCommand, s: Session, settings: Settings, rng: Rng): void {
    switch (msg.type) {
      case 'probe': {
        if (!this.run || !Number.isFinite(msg.x) || !Number.isFinite(msg.y)) return;
        const x = Math.min(s.box.max, Math.max(s.box.min, msg.x));
        const y = Math.min(s.box.max, Math.max(s.box.min, msg.y));
        s.placeChains(PROBE_CHAINS, x, y);
        this.run.resetTrails([x, y]);
        return;
      }
      case 'restartChains':
        if (settings.mode === 'sample') this.restart(s, settings, rng);
        else s.restartChains(rng.seed());
        return;
      case 'trails':
        this.trailsOn = msg.on;
        this.run?.resetTrails();
        return;
      default:
        assertNever(msg);
    }
  }

  /** The weights may have changed (loaded, rolled back, a setting): read the grid afresh. */
  modelChanged(): void {
    this.grid = null;
    this.line.clear();
  }

  /** Sample mode with a clamp: p(free | clamped) of the energy shown, for the frame. */
  conditional(s: Session, beta: number) {
    return this.run ? this.line.get(s, this.run.run, beta) : null;
  }

  /** The energy grid to reuse instead of evaluating the model, or null to evaluate it. */
  frozenGrid(): Float32Array | null {
    return this.run && this.grid?.run === this.run ? this.grid.values : null;
  }

  /** Keep a frame's grid for the next frames of this run (a copy: the frame's is transferred). */
  keepGrid(grid: Float32Array): void {
    this.grid = this.run ? { run: this.run, values: grid.slice() } : null;
  }

  /** Transitions in the next piece: stepsPerFrame, fewer when that would overrun the chunk. */
  pieceSize(settings: Settings): number {
    return Math.min(Math.max(1, Math.round(settings.stepsPerFrame)), this.budget.value);
  }

  /** n transitions of the chosen sampler on every chain; the acceptance goes to the stats. */
  chunk(s: Session, settings: Settings, n: number, rng: Rng): void {
    // Sample mode samples the model the landscape shows: the averaged weights.
    const r = s.average.shown(() => samplePiece(s, settings, n, rng, this.trailsOn));
    s.trainer.setAcceptRate(r.acceptRate);
    r.acceptRate?.dispose();
    this.run!.advance(n, r.trace);
  }

  trails() {
    return this.run && this.trailsOn ? this.run.trails() : null;
  }

  /** A few times per second: steps so far and the sample-to-data distance (or null). */
  progress(
    samples: Float32Array,
    points: Float32Array,
    generation: number,
    force: boolean,
  ): FromWorker | null {
    const run = this.run;
    const now = performance.now();
    if (!run || (!force && now - run.lastProgressAt < PROGRESS_EVERY_MS && run.steps > 0))
      return null;
    run.lastProgressAt = now;
    return {
      type: 'sampling',
      generation,
      run: run.run,
      steps: run.steps,
      stepsPerSec: run.stepsPerSec(),
      sampler: run.sampler,
      distance: points.length >= 4 ? slicedWasserstein(samples, points, 32, 1024) : null,
    };
  }
}
