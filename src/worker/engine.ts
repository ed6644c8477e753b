// The engine: turns page commands into state changes and wires the parts together. It owns
// the session (all tensors, session.ts) and the generation; train mode's iterations are
// training.ts's, sample mode's run and caches sampleMode.ts's, the loop's pacing the
// scheduler's (scheduler.ts), and frames, metrics and rollback the publisher's
// (framePublisher.ts); requests are answered by requests.ts. Control messages are honoured
// within one chunk because the loop yields a real macrotask between chunks; a generation id
// stops stale loops and lets the page drop stale frames.
import { makeRng, type Rng } from '../ebm/rng';
import type { Settings } from '../contract/settings';
import type { ToWorker } from '../contract/protocol';
import { assertNever } from '../contract/protocol';
import { deviceLost } from './backend';
import { DeviceRecovery } from './deviceRecovery';
import { toFrameStats } from './frame';
import { FramePublisher, type Post, type Published } from './framePublisher';
import { answer } from './requests';
import { halvedSteps, RollbackPolicy } from './rollbackPolicy';
import { SampleMode } from './sampleMode';
import { MIN_FRAME_MS, pieceWait, Scheduler } from './scheduler';
import { Session, modelChanged } from './session';
import { testHook } from './testHooks';
import { Training } from './training';

export class Engine {
  private session: Session | null = null;
  private settings!: Settings;
  private points: Float32Array = new Float32Array(0);
  private gridSize = 128;
  private rng: Rng = makeRng(1);
  private generation = 0;
  private resets = 0;
  private playing = false;
  /** Each loop runs while its token is the latest (a rebuild or a recovery starts another). */
  private loops = 0;
  /** Test builds: the next loop chunk throws (an injected fault). */
  private throwNext = false;
  private readonly train = new Training();
  private readonly rollbacks = new RollbackPolicy();
  private readonly sample = new SampleMode();
  private readonly frames: FramePublisher;
  private readonly pace = new Scheduler(() => this.sendStatus());
  /** A lost WebGL context: the rebuild in progress (messages wait for it, worker.ts). */
  readonly recovery = new DeviceRecovery();

  constructor(private readonly post: Post) {
    this.frames = new FramePublisher(post, this.sample);
  }

  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        this.settings = msg.settings;
        this.points = msg.points;
        this.gridSize = msg.gridSize;
        this.frames.metrics.setPreset(msg.preset);
        return this.rebuild();
      case 'play':
        if (!this.playing) {
          this.playing = true;
          this.startLoop();
        }
        return this.sendStatus();
      case 'pause':
        this.playing = false;
        return this.sendStatus();
      case 'step':
        this.playing = false;
        this.chunk(1);
        this.publish(true);
        return this.sendStatus();
      case 'reset':
        this.resets++;
        return this.rebuild();
      case 'points':
        this.points = msg.points;
        this.frames.metrics.setPreset(msg.preset);
        return this.redraw();
      case 'settings':
        return this.applySettings(msg.settings);
      case 'ack':
        this.frames.ack(msg.frameId);
        // Paused, a forced frame that found no credit goes now (playing, the loop sends one).
        if (this.frames.owed && !this.playing) this.publish(true);
        return;
      case 'ping':
        return this.sendStatus();
      case 'test':
        if (__EBM_TEST__) {
          const { session, post } = this;
          const armThrow = () => void (this.throwNext = true);
          const { iteration } = this.train;
          const recoveries = this.recovery.count;
          testHook(msg.action, { session, iteration, recoveries, post, armThrow });
        }
        return;
      case 'bench':
      case 'getWeights':
      case 'setWeights': {
        if (msg.type === 'bench') this.playing = false; // the benchmark needs the device
        const { reply, loaded } = answer(msg, this.session, this.settings);
        if (loaded) {
          this.sample.modelChanged();
          this.redraw();
        }
        return this.post(reply);
      }
      case 'probe':
      case 'restartChains':
      case 'trails':
        if (!this.session) return;
        this.sample.command(msg, this.session, this.settings, this.rng);
        return this.redraw();
      default:
        assertNever(msg);
    }
  }

  private applySettings(next: Settings): void {
    const prev = this.settings;
    this.settings = next;
    if (!this.session || modelChanged(prev, next)) return this.rebuild();
    this.sample.onSettings(this.session, prev, next, this.rng);
    this.session.trainer.setLearningRate(next.learningRate);
    this.session.resizeChains(next.chains, this.rng.seed());
    this.redraw();
  }

  /** Drop every tensor of the old run and start a new generation. */
  private rebuild(): void {
    this.session?.dispose();
    this.generation++;
    this.train.reset();
    this.rollbacks.reset();
    this.frames.newRun();
    this.rng = makeRng(this.settings.seed * 31 + this.resets);
    this.session = new Session(this.settings, this.gridSize, this.resets);
    this.sample.start(this.session, this.settings);
    this.publish(true);
    this.sendStatus();
    if (this.playing) this.startLoop();
  }

  private startLoop(): void {
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
  private chunk(n: number): void {
    const s = this.session!;
    if (this.sample.run)
      return this.sample.chunk(s, this.settings, this.settings.stepsPerFrame, this.rng);
    const blowUp = this.train.chunk(s, this.settings, this.points, n, this.rng);
    if (deviceLost()) return this.deviceLost(); // its stats are zeros: nothing to check
    if (blowUp) this.rolledBack(this.frames.rollBack(this.source(), blowUp));
  }

  /** The loop; an exception stops it and is reported as fatal (the page restarts the worker). */
  private async loop(token: number): Promise<void> {
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
  private trainTick(): Promise<void> {
    const n = this.train.budget.value;
    return this.pace.chunk(this.train.budget, n, () => {
      this.chunk(n);
      if (!this.session) return; // the device was lost: recovery has it
      const due = this.frames.sinceFrame() >= MIN_FRAME_MS;
      if ((due && this.publish(false)) || !this.session) return;
      // No frame: the chunk's stats are still checked, so a blow-up never outlives its chunk.
      const blowUp = this.frames.checkStats(this.session!);
      if (blowUp) this.rolledBack(this.frames.rollBack(this.source(), blowUp));
    });
  }

  /** Sample mode: one piece of sampling and its frame, once the page and the pace allow. */
  private sampleTick(): Promise<void> {
    const wait = pieceWait(this.frames.sinceFrame(), this.frames.busy);
    if (wait > 0) return this.pace.wait(wait);
    const n = this.sample.pieceSize(this.settings);
    return this.pace.chunk(this.sample.budget, n, () => {
      this.sample.chunk(this.session!, this.settings, n, this.rng);
      if (!this.publish(false) && this.session) this.frames.syncStats(this.session);
    });
  }

  private source() {
    const { settings, points, generation } = this;
    return {
      session: this.session!,
      settings,
      points,
      generation,
      iteration: this.train.iteration,
    };
  }

  /** A frame of the current run; false if none was posted (page busy). */
  private publish(force: boolean): boolean {
    if (!this.session) return false;
    const r = this.frames.publish(this.source(), force);
    if (r === 'deviceLost') this.deviceLost();
    if (r === 'rolledBack' || r === 'lost') this.rolledBack(r);
    return r !== 'skipped' && r !== 'deviceLost';
  }

  /** After a rollback: halve the steps, pause if it keeps happening, and say so. */
  private rolledBack(r: Published): void {
    const { iteration } = this.train;
    const reason = this.frames.lastBlowUp;
    if (r === 'lost') {
      const adjusted = {};
      this.post({
        type: 'rollback',
        iteration,
        reason: `${reason} (no good state yet: model reset)`,
        adjusted,
        paused: false,
      });
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
  private redraw(): void {
    if (!this.playing) this.publish(true);
  }

  private sendStatus(): void {
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
