// Frames out. One publish() reads the device back once (frame.ts), and only a frame that
// passed the blow-up checks (health.ts) is drawn: after one, the snapshot of the weights and
// chains is taken, the density metrics are computed when due (metrics.ts, throttled) and the
// frame, then its metrics, are posted. A blow-up restores the last snapshot instead and says
// so (the engine posts 'rollback'); with no snapshot yet the engine must rebuild ('lost').
// Between frames every chunk's stats are checked too (checkStats: finite, energies in bound).
// Credits: every frame has an id (increasing for the worker's life, across generations), the
// page acks the last frame it drew or dropped, and the frames in flight are last sent − last
// acked, so a lost or merged ack cannot leak a credit. At most MAX_IN_FLIGHT are in flight,
// forced frames (a command's answer) included: a forced frame that finds no credit is owed and
// goes out as soon as an ack frees one (engine.ts), never silently dropped.
// Two kinds of frame (framePace.ts): while training, a cheap samples frame (chains only) after
// every chunk and a full frame (grid, scores, metrics) a few times a second. Both take an id
// and a credit, both are checked for non-finite values, and neither is posted when it was read
// from a lost GPU context.
import { STAT_COUNT } from '../ebm/trainer';
import type { Settings } from '../contract/settings';
import type { FromWorker } from '../contract/protocol';
import { OBJECTIVE_SPECS } from '../contract/objectives';
import { deviceLost } from './backend';
import { isJem } from '../ebm/jem/jemModel';
import type { Tensor2D } from '../ebm/tf';
import { readFrame, readSamples, type FrameRead } from './frame';
import { FramePace, type FrameKind } from './framePace';
import { statsBlowUp } from './health';
import { MetricsTracker } from './metrics';
import { RateMeter } from './rateMeter';
import type { SampleMode } from './sampleMode';
import { MIN_FRAME_MS } from './scheduler';
import { epsilonOf, trainAlpha } from './samplerSetup';
import type { Session } from './session';

/**
 * Frames undrawn at once. Acks are read only between chunks, so within one iteration the
 * credits bound the frames its sampler pieces can show: with 2 the frames test measured
 * 1.1–1.3 frames per iteration (21–29.5 frames/s), with 3 up to 2 per iteration
 * (26–30.4 frames/s) on this 2-core machine. A frame is a few kB of chains, or the 64 kB grid.
 */
export const MAX_IN_FLIGHT = 3;

export type Post = (msg: FromWorker) => void;

/** The run a frame is read from and labelled with. */
export interface FrameSource {
  session: Session;
  settings: Settings;
  points: Float32Array;
  generation: number;
  iteration: number;
  /** The data points' classes and the outliers, for the scores (pointScores.ts). */
  labels?: Uint8Array | null;
  outliers?: Float32Array;
}

/** Skipped (page busy), posted, rolled back, lost (blow-up with nothing to restore), or
 * read from a lost GPU context (nothing is posted: the engine rebuilds the device). */
export type Published = 'skipped' | 'posted' | 'rolledBack' | 'lost' | 'deviceLost';

const live = () => !deviceLost();

export class FramePublisher {
  readonly metrics = new MetricsTracker();
  readonly frameRate = new RateMeter();
  /** When the next samples frame and grid frame are due (training). */
  readonly pace = new FramePace();
  /** The trainer's stats of the last readback, for the status line. */
  lastStats: Float32Array = new Float32Array(STAT_COUNT);
  private lastFrameAt = 0;
  /** Id of the last frame posted and of the last one the page acked (≤ lastSent). */
  private lastSent = 0;
  private lastAcked = 0;
  /** The most frames ever in flight at once (for tests: never above MAX_IN_FLIGHT). */
  maxInFlight = 0;
  /** A forced frame found no credit: it is sent when the next ack frees one. */
  owed = false;
  /** The run and iteration of the last full frame (grid and all) posted. */
  private gridAt = { generation: -1, iteration: -1 };
  /** A JEM's grid logits of the last frame, reused while sample mode freezes the model. */
  private classLogits: Float32Array | null = null;

  constructor(
    private readonly post: Post,
    private readonly sample: SampleMode,
  ) {}

  /** A new generation: its health trends start afresh (credits carry over: ids keep rising). */
  newRun(): void {
    this.metrics.reset();
    this.pace.reset();
  }

  /** The frame a training chunk should end with: none while the page has no credit. */
  due(s: Session, now = performance.now()): FrameKind {
    if (this.busy) return 'none';
    if (this.owed) return 'grid'; // a command's answer found no credit: it goes first
    const kind = this.pace.due(now);
    // A JEM draws its samples in their class colours, which only a full frame carries.
    if (kind === 'samples' && isJem(s.model))
      return this.sinceFrame(now) >= MIN_FRAME_MS ? 'grid' : 'none';
    return kind;
  }

  /** The next frame id (a frame of either kind is about to be posted). */
  private nextId(): number {
    this.lastSent++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.frameRate.add(1);
    return this.lastSent;
  }

  /** A samples frame: the chains alone, checked like a full frame's (less the grid). */
  publishSamples(src: FrameSource): Published {
    if (this.busy) return 'skipped';
    const r = readSamples(src.session);
    if (deviceLost()) return 'deviceLost'; // zeros, not the chains: never drawn
    if (r.blowUp) return this.rollBack(src, r.blowUp);
    this.lastStats = r.stats;
    this.postSamples(src, r.samples);
    return 'posted';
  }

  /** The page drew (or dropped) every frame up to `frameId`. Ids from a previous worker, or
   * beyond what was sent, cannot raise the count above what went out. */
  ack(frameId: number): void {
    this.lastAcked = Math.min(this.lastSent, Math.max(this.lastAcked, frameId));
  }

  get inFlight(): number {
    return this.lastSent - this.lastAcked;
  }

  get busy(): boolean {
    return this.inFlight >= MAX_IN_FLIGHT;
  }

  /** Frames sent and acked so far, and the most ever in flight (status line and tests). */
  credits(): { sent: number; acked: number; maxInFlight: number } {
    return { sent: this.lastSent, acked: this.lastAcked, maxInFlight: this.maxInFlight };
  }

  /** Whether the last full frame shows this run at this iteration (a pause needs one that does). */
  showsGrid(src: FrameSource): boolean {
    return this.gridAt.generation === src.generation && this.gridAt.iteration === src.iteration;
  }

  sinceFrame(now = performance.now()): number {
    return now - this.lastFrameAt;
  }

  /** No frame this chunk: read the stats alone (they wait for the device, timing the chunk). */
  syncStats(s: Session): void {
    const st = s.trainer.stats;
    if (st) this.lastStats = st.dataSync() as Float32Array;
  }

  /** The chunk's stats, read and checked: null when healthy, else what blew up. */
  checkStats(s: Session): string | null {
    this.syncStats(s);
    return statsBlowUp(this.lastStats);
  }

  publish(src: FrameSource, force: boolean): Published {
    const s = src.session;
    if (this.busy) {
      if (force) this.owed = true;
      return 'skipped';
    }
    const t0 = performance.now();
    const withMetrics = this.metrics.due(force);
    const scored = {
      points: src.points,
      labels: src.labels ?? null,
      outliers: src.outliers ?? new Float32Array(0),
    };
    const frozen = this.sample.frozenGrid();
    const r = readFrame(s, withMetrics, frozen, scored, frozen ? this.classLogits : null);
    // A copy: the frame's own logits are transferred to the page.
    if (r.classes && r.classes.logits !== this.classLogits)
      this.classLogits = r.classes.logits.slice();
    if (deviceLost()) return 'deviceLost'; // zeros, not the model: never drawn
    if (r.blowUp) return this.rollBack(src, r.blowUp);
    if (s.snapshot.due()) s.snapshot.take(s.model.variables, s.buffer.chains, s.trainer, live);
    this.sample.keepGrid(r.grid);
    this.lastFrameAt = performance.now();
    this.lastStats = r.stats;
    const progress = this.sample.progress(r.samples, src.points, src.generation, force);
    if (progress) this.post(progress);
    this.owed = false;
    this.gridAt = { generation: src.generation, iteration: src.iteration };
    const frameId = this.nextId();
    // Before the frame is posted: posting transfers (detaches) its buffers.
    const m = withMetrics ? this.metricsMessage(src, r) : null;
    this.post({
      type: 'frame',
      generation: src.generation,
      frameId,
      iteration: src.iteration,
      samples: r.samples,
      grid: r.grid,
      gridSize: s.grid.size,
      stats: r.frameStats,
      trails: this.sample.trails(),
      classes: r.classes,
      scores: r.scores,
      conditional: this.sample.conditional(s, src.settings.beta),
    });
    if (m) this.post(m);
    const now = performance.now();
    this.pace.posted('grid', now, force ? undefined : now - t0);
    return 'posted';
  }

  /**
   * Mid-iteration (training.ts runs the sampler in pieces): the chains as they stand, `batch`
   * the part advanced so far. Half an iteration cannot be rolled back, so a non-finite or
   * lost-context read is simply not posted; the chunk's own check then finds it.
   */
  publishPiece(src: FrameSource, batch: Tensor2D): boolean {
    if (this.due(src.session) !== 'samples') return false;
    const r = readSamples(src.session, batch);
    if (deviceLost() || r.blowUp) return false;
    this.postSamples(src, r.samples);
    return true;
  }

  /** Post the chains as a 'samples' frame (its own id and credit) and tell the pace. */
  private postSamples(src: FrameSource, samples: Float32Array): void {
    this.pace.posted('samples', performance.now());
    const { generation, iteration } = src;
    this.post({ type: 'samples', generation, frameId: this.nextId(), iteration, samples });
  }

  /** What the last rollback was for (the engine says so in its 'rollback' message). */
  lastBlowUp = '';

  /** Back to the last good weights and chains; Adam's moments belonged to the bad ones. */
  rollBack(src: FrameSource, reason: string): Published {
    const s = src.session;
    this.sample.modelChanged();
    s.trainer.resetOptimizer();
    const restored = s.snapshot.restore(s.model.variables, s.buffer.chains, s.trainer);
    s.average.reset();
    // The bad step's stats must not be found again by the next check.
    s.trainer.stats?.dispose();
    s.trainer.stats = null;
    this.lastStats = new Float32Array(STAT_COUNT);
    this.lastBlowUp = reason;
    return restored ? 'rolledBack' : 'lost';
  }

  private metricsMessage(src: FrameSource, r: FrameRead): FromWorker {
    const { settings: st, points, generation, iteration } = src;
    const gridSize = src.session.grid.size;
    const payload = this.metrics.compute({
      energy: r.grid,
      gridSize,
      samples: r.samples,
      points,
      stats: r.stats,
      gradX: r.gradX,
      beta: st.beta,
      stepSize: epsilonOf(st) ?? 0,
      kdeBandwidth: st.kdeBandwidth,
      training: st.mode === 'train' && points.length > 0,
      alpha: OBJECTIVE_SPECS[st.objective].usesAlpha ? trainAlpha(st) : 0,
    });
    return { type: 'metrics', generation, iteration, gridSize, ...payload };
  }
}
