// The engine: turns page commands into state changes (this file's switch) on top of the run
// that EngineCore (engineCore.ts) keeps: session, loop, frames, rollback, device recovery.
// Requests are answered by requests.ts, composition commands by composeCommands.ts.
import type { Settings } from '../contract/settings';
import type { ToWorker } from '../contract/protocol';
import { assertNever } from '../contract/protocol';
import { type ComposeCommand } from './composeCommands';
import { EngineCore } from './engineCore';
import { answer } from './requests';
import { modelChanged } from './session';
import { cancelsSlowMotion } from './slowMotion';
import { testHook } from './testHooks';

export class Engine extends EngineCore {
  handle(msg: ToWorker): void {
    if (cancelsSlowMotion(msg.type)) this.slow.cancel();
    switch (msg.type) {
      case 'init':
        this.settings = msg.settings;
        this.points = msg.points;
        this.labels = msg.labels ?? null;
        this.outliers = msg.outliers ?? new Float32Array(0);
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
        // The last chunk may have ended with a samples frame (or none): paused, the page shows
        // the model it stopped at, grid and samples of one iteration (owed if no credit).
        if (this.session && !this.frames.showsGrid(this.source())) this.publish(true);
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
        this.train.restartAnneal();
        this.points = msg.points;
        this.labels = msg.labels ?? null;
        this.outliers = msg.outliers ?? new Float32Array(0);
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
      case 'compare':
        return this.compare.set(msg.on, this.settings, this.resets, this.session);
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
      case 'setExperts':
      case 'mixing':
      case 'clamp':
      case 'restore':
        return this.composeCommand(msg);
      case 'probe':
      case 'restartChains':
      case 'trails':
        if (!this.session) return;
        this.sample.command(msg, this.session, this.settings, this.rng);
        return this.redraw();
      case 'slowStep':
        return this.slowStep();
      default:
        assertNever(msg);
    }
  }

  /** Experts, mixing, clamp and restore: the composition's state outlives a session. */
  private composeCommand(msg: ComposeCommand): void {
    const r = this.compose.handle(msg, this.session, this.settings, this.rng);
    if (r.reply) this.post(r.reply);
    if (r.energyChanged || r.clampChanged) this.sample.modelChanged();
    if (r.clampChanged && this.session && this.settings.mode === 'sample')
      this.sample.restart(this.session, this.settings, this.rng);
    if (r.energyChanged || r.clampChanged) this.redraw();
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

  /** The next phase of one iteration in slow motion (slowMotion.ts); paused meanwhile. */
  private slowStep(): void {
    const s = this.session;
    if (!s) return;
    this.playing = false;
    const base = { generation: this.generation, iteration: this.train.iteration };
    const { msg, applied } = this.slow.next(s, this.settings, this.points, this.rng, base);
    if (applied) this.train.count(1);
    this.post(msg);
    this.publish(true);
    this.sendStatus();
  }
}
