// The engine's run: the session (all tensors, session.ts) and the generation, the loop and
// its ticks, frames, rollback and device recovery. Train mode's iterations are training.ts's,
// sample mode's run and caches sampleMode.ts's, the loop's pacing the scheduler's
// (scheduler.ts), frames, metrics and the blow-up check the publisher's (framePublisher.ts).
// The loop yields a real macrotask between chunks, so control messages (engine.ts, the
// subclass that dispatches them) are honoured within one chunk; a generation id stops stale
// loops and lets the page drop stale frames.
import { makeRng, type Rng } from '../ebm/rng';
import type { Tensor2D } from '../ebm/tf';
import type { Settings } from '../contract/settings';
import { deviceLost } from './backend';
import { CompareRun } from './compare';
import { ComposeCommands } from './composeCommands';
import { DeviceRecovery } from './deviceRecovery';
import { toFrameStats } from './frame';
import { FramePublisher, type Post, type Published } from './framePublisher';
import { halvedSteps, RollbackPolicy } from './rollbackPolicy';
import { SampleMode } from './sampleMode';
import { pieceWait, Scheduler } from './scheduler';
import { Session } from './session';
import { SlowMotion } from './slowMotion';
import { Training } from './training';

export class EngineCore {
  protected session: Session | null = null;
  protected settings!: Settings;
  protected points: Float32Array = new Float32Array(0);
  /** The data points' classes and the outlier points (never trained on). */
  protected labels: Uint8Array | null = null;
  protected outliers: Float32Array = new Float32Array(0);
  protected gridSize = 128;
  protected rng: Rng = makeRng(1);
  protected generation = 0;
  protected resets = 0;
  protected playing = false;
  /** Each loop runs while its token is the latest (a rebuild or a recovery starts another). */
  protected loops = 0;
  /** Test builds: the next loop chunk throws (an injected fault). */
  protected throwNext = false;
  protected readonly train = new Training();
  protected readonly rollbacks = new RollbackPolicy();
  protected readonly sample = new SampleMode();
  /** The exact-ML reference beside the run (the compare view), when switched on. */
  protected readonly compare = new CompareRun();
  protected readonly slow = new SlowMotion();
  /** Experts, mixing and clamp (they outlive a session). */
  protected readonly compose = new ComposeCommands();
  protected readonly frames: FramePublisher;
  protected readonly pace = new Scheduler(() => this.sendStatus());
  /** A lost WebGL context: the rebuild in progress (messages wait for it, worker.ts). */
  readonly recovery = new DeviceRecovery();

  constructor(protected readonly post: Post) {
    this.frames = new FramePublisher(post, this.sample);
  }

  /** Drop every tensor of the old run and start a new generation. */
  protected rebuild(): void {
    this.slow.cancel();
    this.session?.dispose();
    this.generation++;
    this.train.reset();
    this.rollbacks.reset();
    this.frames.newRun();
    this.rng = makeRng(this.settings.seed * 31 + this.resets);
    this.session = new Session(this.settings, this.gridSize, this.resets);
    this.compare.restart(this.settings, this.resets);
    this.compose.attach(this.session);
    this.sample.start(this.session, this.settings);
    this.publish(true);
    this.sendStatus();
    if (this.playing) this.startLoop();
  }

  protected startLoop(): void {
    void this.loop(++this.loops);
  }

  /**
   * The GPU context is gone (its event, or a readback that found it lost): stop the loop, drop
   * every tensor, rebuild the backend, and go on from the CPU snapshot of the weights, Adam
   * state and chains (deviceRecovery.ts). Nothing computed on the lost context is shown.
   */
  deviceLost(): void {
    if (this.recovery.active || !this.session) return;
    this.loops++; // the running loop ends at its next check
    const old = this.session;
    this.session = null;
    this.recovery
      .start(old, this.post, this.train.iteration, () => {
        const s = new Session(this.settings, this.gridSize, this.resets);
        this.session = s;
        return s;
      })
      .then(() => {
        this.sample.start(this.session!, this.settings);
        this.publish(true);
        this.sendStatus();
        if (this.playing) this.startLoop();
      });
  }

  /** Run n iterations: CD training steps, or (no points / sample mode) sampling only. */
  protected chunk(n: number, live = false): void {
    const s = this.session!;
    if (this.sample.run)
      return this.sample.chunk(s, this.settings, this.settings.stepsPerFrame, this.rng);
    // The running loop (`live`): between sampler pieces, a samples frame when one is due
    // (training.ts, framePace.ts). A single 'step' answers with its one full frame only.
    const show = live ? (x: Tensor2D) => void this.frames.publishPiece(this.source(), x) : null;
    const blowUp = this.train.chunk(s, this.settings, this.points, n, this.rng, this.labels, show);
    if (deviceLost()) return this.deviceLost(); // its stats are zeros: nothing to check
    if (blowUp) return this.rolledBack(this.frames.rollBack(this.source(), blowUp));
    const ids = { generation: this.generation, iteration: this.train.iteration };
    this.compare.step(s, this.settings, this.points, n, ids, this.post);
  }

  /** The loop; an exception stops it and is reported as fatal (the page restarts the worker). */
  protected async loop(token: number): Promise<void> {
    try {
      while (this.playing && token === this.loops && this.session) {
        if (__EBM_TEST__ && this.throwNext) {
          this.throwNext = false;
          throw new Error('injected test fault: a throw in the training loop');
        }
        if (this.sample.run) await this.sampleTick();
        else await this.trainTick();
      }
    } catch (err) {
      // A lost context makes shader compiles throw: that is a device loss, not a bug.
      if (deviceLost()) return this.deviceLost();
      this.playing = false;
      this.post({ type: 'fatal', message: `the training loop failed: ${String(err)}` });
    }
  }

  /** One chunk of training; a frame only when the frame pace allows (else the stats alone). */
  protected trainTick(): Promise<void> {
    const n = this.train.budget.value;
    return this.pace.chunk(this.train.budget, n, () => {
      this.chunk(n, true);
      if (!this.session) return; // the device was lost: recovery has it
      // A samples frame after every chunk, the grid a few times a second (framePace.ts).
      const kind = this.frames.due(this.session);
      if (kind === 'grid' && (this.publish(false) || !this.session)) return;
      if (kind === 'samples' && (this.publishSamples() || !this.session)) return;
      // No frame: the chunk's stats are still checked, so a blow-up never outlives its chunk.
      const blowUp = this.frames.checkStats(this.session!);
      if (blowUp) this.rolledBack(this.frames.rollBack(this.source(), blowUp));
    });
  }

  /** Sample mode: one piece of sampling and its frame, once the page and the pace allow. */
  protected sampleTick(): Promise<void> {
    const wait = pieceWait(this.frames.sinceFrame(), this.frames.busy);
    if (wait > 0) return this.pace.wait(wait);
    const n = this.sample.pieceSize(this.settings);
    return this.pace.chunk(this.sample.budget, n, () => {
      this.sample.chunk(this.session!, this.settings, n, this.rng);
      if (!this.publish(false) && this.session) this.frames.syncStats(this.session);
    });
  }

  protected source() {
    const { settings, points, generation, labels, outliers } = this;
    return {
      session: this.session!,
      settings,
      points,
      labels,
      outliers,
      generation,
      iteration: this.train.iteration,
    };
  }

  /** A frame of the current run; false if none was posted (page busy). */
  protected publish(force: boolean): boolean {
    if (!this.session) return false;
    const r = this.frames.publish(this.source(), force);
    if (r === 'deviceLost') this.deviceLost();
    if (r === 'rolledBack' || r === 'lost') this.rolledBack(r);
    return r !== 'skipped' && r !== 'deviceLost';
  }

  /** A samples frame (training, between grid frames); false if none was posted. */
  protected publishSamples(): boolean {
    const r = this.frames.publishSamples(this.source());
    if (r === 'deviceLost') this.deviceLost();
    if (r === 'rolledBack' || r === 'lost') this.rolledBack(r);
    return r !== 'skipped' && r !== 'deviceLost';
  }

  /** After a rollback: halve the steps, pause if it keeps happening, and say so. */
  protected rolledBack(r: Published): void {
    const { iteration } = this.train;
    const reason = this.frames.lastBlowUp;
    if (r === 'lost') {
      const lost = { type: 'rollback', iteration, adjusted: {}, paused: false } as const;
      this.post({ ...lost, reason: `${reason} (no good state yet: model reset)` });
      return this.rebuild();
    }
    const paused = this.rollbacks.record(iteration);
    if (paused) this.playing = false;
    const adjusted = halvedSteps(this.settings);
    const prev = this.settings;
    this.settings = { ...prev, ...adjusted };
    // Not applySettings: its redraw could meet the same blow-up again, inside this one.
    this.session!.trainer.setLearningRate(this.settings.learningRate);
    this.sample.onSettings(this.session!, prev, this.settings, this.rng);
    this.post({ type: 'rollback', iteration, reason, adjusted, paused });
    if (paused) this.sendStatus();
  }

  /** Paused, the page still sees what a command changed. */
  protected redraw(): void {
    if (!this.playing) this.publish(true);
  }

  protected sendStatus(): void {
    this.pace.statusSent();
    this.post({
      type: 'status',
      generation: this.generation,
      iteration: this.train.iteration,
      playing: this.playing,
      itersPerSec: this.train.rate.rate(),
      framesPerSec: this.frames.frameRate.rate(),
      stats: toFrameStats(this.frames.lastStats),
      credits: this.frames.credits(),
    });
  }
}
