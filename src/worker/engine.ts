// The engine: owns the session (all tensors), runs the training/sampling loop in chunks,
// and turns page commands into state changes. Control messages are honoured within one
// chunk because the loop yields a real macrotask between chunks; a generation id stops
// stale loops and lets the page drop stale frames.
import { makeRng, type Rng } from '../ebm/rng';
import type { Sampler } from '../ebm/samplers/types';
import { STAT_COUNT } from '../ebm/trainer';
import { tf } from '../ebm/tf';
import type { Settings } from '../contract/settings';
import { resamplePoints, DATA_BATCH } from './dataBatch';
import { runBench } from './bench';
import { readFrame, toFrameStats } from './frame';
import { MetricsTracker } from './metrics';
import type { BackendName, FromWorker, ToWorker } from '../contract/protocol';
import { assertNever } from '../contract/protocol';
import { RateMeter } from './rateMeter';
import { epsilonOf, trainParams } from './samplerSetup';
import { SampleMode } from './sampleMode';
import { Session, modelChanged } from './session';
import { yieldMacrotask } from './yieldTask';
import { readWeights, writeWeights } from './weights';

const MAX_IN_FLIGHT = 2;
const CHUNK_TARGET_MS = 45;
const MIN_FRAME_MS = 50;
const STATUS_EVERY_MS = 250;

export type Post = (msg: FromWorker) => void;

export class Engine {
  private session: Session | null = null;
  private settings!: Settings;
  private points: Float32Array = new Float32Array(0);
  private gridSize = 128;
  private rng: Rng = makeRng(1);
  private generation = 0;
  private resets = 0;
  private playing = false;
  private iteration = 0;
  private frameId = 0;
  private inFlight = 0;
  private itersPerChunk = 1;
  private lastStatus = 0;
  private lastFrameAt = 0;
  private readonly iterRate = new RateMeter();
  private readonly frameRate = new RateMeter();
  private lastStats: Float32Array = new Float32Array(STAT_COUNT);
  private readonly metrics = new MetricsTracker();
  /** Sample mode: the frozen model's sampling run, trails and pacing. */
  private readonly sample = new SampleMode();
  /** Sample mode: the frozen model's energy grid, reused until the model can change. */
  private frozenGrid: Float32Array | null = null;

  constructor(private readonly post: Post) {}

  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        this.settings = msg.settings;
        this.points = msg.points;
        this.gridSize = msg.gridSize;
        this.metrics.setPreset(msg.preset);
        this.rebuild();
        return;
      case 'play':
        if (!this.playing) {
          this.playing = true;
          void this.loop(this.generation);
        }
        this.sendStatus();
        return;
      case 'pause':
        this.playing = false;
        this.sendStatus();
        return;
      case 'step':
        this.playing = false;
        this.chunk(1);
        this.emitFrame(true);
        this.sendStatus();
        return;
      case 'reset':
        this.resets++;
        this.rebuild();
        return;
      case 'points':
        this.points = msg.points;
        this.metrics.setPreset(msg.preset);
        if (!this.playing) this.emitFrame(true);
        return;
      case 'settings':
        this.applySettings(msg.settings);
        return;
      case 'ack':
        this.inFlight = Math.max(0, this.inFlight - 1);
        return;
      case 'bench':
        this.playing = false;
        this.post({
          type: 'benchResult',
          backend: tf.getBackend() as BackendName,
          results: runBench(),
        });
        return;
      case 'getWeights':
        if (!this.session)
          return this.post({ type: 'error', message: 'The model is not ready yet.' });
        this.post({
          type: 'weights',
          weights: readWeights(this.session.model.variables),
          settings: this.settings,
        });
        return;
      case 'setWeights': {
        const s = this.session;
        const error = s
          ? writeWeights(s.model.variables, msg.weights)
          : 'the model is not ready yet';
        if (s && error === null) {
          s.trainer.resetOptimizer(); // Adam's moments belonged to the old parameters
          this.frozenGrid = null;
          s.snapshot.take(s.model.variables, s.buffer.chains);
          if (!this.playing) this.emitFrame(true);
        }
        this.post({ type: 'weightsSet', error });
        return;
      }
      case 'probe':
      case 'restartChains':
      case 'trails':
        if (!this.session) return;
        this.sample.command(msg, this.session, this.settings, this.rng);
        if (!this.playing) this.emitFrame(true);
        return;
      default:
        assertNever(msg);
    }
  }

  private applySettings(next: Settings): void {
    this.frozenGrid = null;
    const prev = this.settings;
    this.settings = next;
    if (!this.session || modelChanged(prev, next)) return this.rebuild();
    this.sample.onSettings(this.session, prev, next, this.rng);
    this.session.trainer.setLearningRate(next.learningRate);
    this.session.resizeChains(next.chains, this.rng.seed());
    if (!this.playing) this.emitFrame(true);
  }

  /** Drop every tensor of the old run and start a new generation. */
  private rebuild(): void {
    this.frozenGrid = null;
    this.session?.dispose();
    this.generation++;
    this.iteration = 0;
    this.inFlight = 0;
    this.itersPerChunk = 1;
    this.metrics.reset();
    this.rng = makeRng(this.settings.seed * 31 + this.resets);
    this.session = new Session(this.settings, this.gridSize, this.resets);
    this.sample.start(this.session, this.settings);
    this.emitFrame(true);
    this.sendStatus();
    if (this.playing) void this.loop(this.generation);
  }

  /** The running sampler's instance (Gibbs on the MLP runs Langevin). */
  private sampler(): Sampler {
    return this.session!.sampler(this.settings).sampler;
  }

  /** Run n iterations: CD training steps, or (no points / sample mode) sampling only. */
  private chunk(n: number): void {
    if (this.sample.run)
      return this.sample.chunk(this.session!, this.settings, this.settings.stepsPerFrame, this.rng);
    this.frozenGrid = null; // training changes the model
    const s = this.session!;
    const p = trainParams(this.settings, s.box);
    for (let k = 0; k < n; k++) {
      if (this.settings.mode === 'train' && this.points.length > 0) {
        const data = tf.tensor2d(resamplePoints(this.points, this.rng), [DATA_BATCH, 2]);
        s.trainer.step(data, s.buffer, this.sampler(), p, this.rng);
        data.dispose();
      } else {
        tf.tidy(() => {
          const r = this.sampler().run(
            s.model.energy,
            s.buffer.chains,
            p.steps,
            p.sampler,
            this.rng,
          );
          s.buffer.chains.assign(r.x);
        });
      }
      this.iteration++;
    }
    this.iterRate.add(n);
  }

  private async loop(gen: number): Promise<void> {
    while (this.playing && gen === this.generation) {
      if (this.sample.run) {
        await this.sampleTick();
        continue;
      }
      const t0 = performance.now();
      this.chunk(this.itersPerChunk);
      // The readback in emitFrame (or syncStats) waits for the device, so the chunk's wall
      // time is real even on webgl; adapt iterations per chunk to ~CHUNK_TARGET_MS.
      // Frames at most every MIN_FRAME_MS: each costs a grid evaluation, which is better
      // spent on training than on pictures nobody can tell apart.
      const due = performance.now() - this.lastFrameAt >= MIN_FRAME_MS;
      if (!(due && this.emitFrame(false))) this.syncStats();
      const dt = Math.max(1, performance.now() - t0);
      const scale = Math.min(2, Math.max(0.5, CHUNK_TARGET_MS / dt));
      this.itersPerChunk = Math.max(1, Math.min(64, Math.round(this.itersPerChunk * scale)));
      if (performance.now() - this.lastStatus > STATUS_EVERY_MS) this.sendStatus();
      await yieldMacrotask();
    }
  }

  private syncStats(): void {
    const st = this.session?.trainer.stats;
    if (st) this.lastStats = st.dataSync() as Float32Array;
  }

  /** Read back once, check for blow-ups, post a frame. False if skipped (page busy). */
  private emitFrame(force: boolean): boolean {
    const s = this.session;
    if (!s || (!force && this.inFlight >= MAX_IN_FLIGHT)) return false;
    const withMetrics = this.metrics.due(force);
    const r = readFrame(s, withMetrics, this.sample.run ? this.frozenGrid : null);
    if (r.blowUp) {
      this.frozenGrid = null;
      const restored = s.snapshot.restore(s.model.variables, s.buffer.chains);
      s.trainer.resetOptimizer();
      this.post({
        type: 'rollback',
        iteration: this.iteration,
        reason: `${r.blowUp}${restored ? '' : ' (no good state yet: model reset)'}`,
      });
      if (!restored) this.rebuild();
      return true;
    }
    s.snapshot.take(s.model.variables, s.buffer.chains);
    // A copy: the frame's own grid is transferred (detached) below.
    this.frozenGrid = this.sample.run ? r.grid.slice() : null;
    this.lastFrameAt = performance.now();
    this.lastStats = r.stats;
    const progress = this.sample.progress(r.samples, this.points, this.generation, force);
    if (progress) this.post(progress);
    this.inFlight++;
    this.frameRate.add(1);
    // Before the frame is posted: posting transfers (detaches) its buffers.
    const m = withMetrics ? this.computeMetrics(r, s.grid.size) : null;
    this.post({
      type: 'frame',
      generation: this.generation,
      frameId: ++this.frameId,
      iteration: this.iteration,
      samples: r.samples,
      grid: r.grid,
      gridSize: s.grid.size,
      stats: r.frameStats,
      trails: this.sample.trails(),
    });
    if (m) this.post(m);
    return true;
  }

  private computeMetrics(r: ReturnType<typeof readFrame>, gridSize: number): FromWorker {
    const st = this.settings;
    const payload = this.metrics.compute({
      energy: r.grid,
      gridSize,
      samples: r.samples,
      points: this.points,
      stats: r.stats,
      gradX: r.gradX,
      beta: st.beta,
      stepSize: epsilonOf(st) ?? 0,
      kdeBandwidth: st.kdeBandwidth,
      training: st.mode === 'train' && this.points.length > 0,
    });
    const { generation, iteration } = this;
    return { type: 'metrics', generation, iteration, gridSize, ...payload };
  }

  private sendStatus(): void {
    this.lastStatus = performance.now();
    this.post({
      type: 'status',
      generation: this.generation,
      iteration: this.iteration,
      playing: this.playing,
      itersPerSec: this.iterRate.rate(),
      framesPerSec: this.frameRate.rate(),
      stats: toFrameStats(this.lastStats),
    });
  }

  // ---- Sample mode: the model is frozen; the chosen sampler runs on every chain. ----

  /**
   * One piece of sampling and its frame. Pieces hold at most stepsPerFrame transitions (fewer
   * when that would take longer than ~CHUNK_TARGET_MS), and wait for the page to draw and for
   * the frame pace, so the setting really is the number of transitions between two pictures.
   */
  private async sampleTick(): Promise<void> {
    // Wait for the page (≤ MAX_IN_FLIGHT frames undrawn) and for the frame pace (at most one
    // every MIN_FRAME_MS): a frozen model needs no more pictures than the eye can use.
    const wait = Math.max(MIN_FRAME_MS - (performance.now() - this.lastFrameAt), 0);
    if (this.inFlight >= MAX_IN_FLIGHT || wait > 1) {
      await new Promise((r) => setTimeout(r, Math.max(4, Math.min(wait, MIN_FRAME_MS))));
      if (performance.now() - this.lastStatus > STATUS_EVERY_MS) this.sendStatus();
      return;
    }
    const t0 = performance.now();
    const perFrame = Math.max(1, Math.round(this.settings.stepsPerFrame));
    const n = Math.min(perFrame, this.sample.stepBudget);
    this.sample.chunk(this.session!, this.settings, n, this.rng);
    if (!this.emitFrame(false)) this.syncStats();
    const dt = Math.max(1, performance.now() - t0);
    const scale = Math.min(2, Math.max(0.5, CHUNK_TARGET_MS / dt));
    this.sample.stepBudget = Math.max(1, Math.min(1000, Math.round(n * scale)));
    if (performance.now() - this.lastStatus > STATUS_EVERY_MS) this.sendStatus();
    await yieldMacrotask();
  }
}
