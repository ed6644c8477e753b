// The engine's supervisor: one live worker at a time, watched, and replaced when it fails.
// Failure is any of: the worker's 'error' or 'messageerror' event, a 'fatal' message (the
// worker forwards its own exceptions and unhandled rejections), the worker's end (its life
// lock is granted to the page: engineClient.ts; a killed worker is known within ms), silence
// (no message for HANG_MS although a 'ping' goes out every PING_MS and is answered by a
// status), or a stall (statuses say "playing" in train mode but the iteration has not moved
// for STALL_MS). Silence and stalls are watched only once the iteration has moved on the
// current device and model: before that the worker compiles shaders, which on a software or
// loaded GPU takes longer than any fixed allowance (a hang there is not told from a compile).
// On failure the worker is terminated and, at most MAX_RESTARTS times per RESTART_WINDOW_MS,
// a new one is started from what the page holds (points, settings with their seed, the last
// good weights: engine.ts builds those messages); beyond that it stays stopped and says so.
import type { FromWorker, ToWorker } from '../contract/protocol';
import { EngineClient } from './engineClient';

export const PING_MS = 250;
/** Silence that means a hung worker: 10 pings unanswered. A healthy, armed worker answers
 * within a chunk (target 45 ms: scheduler.ts); first compiles are not watched (warmUp). A killed
 * worker is not waited for: its life lock tells at once. */
export const HANG_MS = 2_500;
export const STALL_MS = 4_000;
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

export interface SupervisorHooks {
  /** Every message of the live worker ('fatal' excepted). */
  onMessage: (msg: FromWorker) => void;
  /** The messages that bring a new worker to the page's state (init, weights, play). */
  startMessages: () => ToWorker[];
  /** The worker failed: restarted (a new one is starting) or stopped (too many restarts). */
  onFailure: (reason: string, restarted: boolean) => void;
  /** True while the page expects the iteration to advance (playing, train mode). */
  expectsProgress: () => boolean;
}

export class Supervisor {
  private client: EngineClient | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private restartTimes: number[] = [];
  /** Heard from the live worker (ms); armed once its iteration (or sampling) has moved. */
  private lastHeard = 0;
  private armed = false;
  private lastIteration = -1;
  private lastAdvance = 0;
  /** The live worker's generation (-1 until its first status). */
  private generation = -1;
  /** Until this time (ms) silence is expected (a benchmark holds the worker). */
  private quietUntil = 0;
  /** Restarts so far; statuses of the live worker that showed the iteration advancing. */
  restarts = 0;
  advances = 0;
  stopped = false;

  constructor(private readonly hooks: SupervisorHooks) {}

  start(): void {
    this.stopped = false;
    this.spawn();
    this.timer ??= setInterval(() => this.watch(), PING_MS);
  }

  send(msg: ToWorker): void {
    this.client?.send(msg);
  }

  /** Expect no answer for up to ms (the benchmark; a new model compiling its shaders). */
  quietFor(ms: number): void {
    this.quietUntil = Math.max(this.quietUntil, performance.now() + ms);
  }

  /** The long request is answered: watch again from now. */
  endQuiet(): void {
    this.quietUntil = performance.now();
  }

  /** A fresh worker on purpose (re-measure the device): not a failure, not counted. */
  replace(): void {
    this.client?.terminate();
    this.client = null;
    this.spawn();
  }

  /** Test builds: drop the worker without telling anyone, as a crashed process would. */
  killSilently(): void {
    this.client?.crashForTest();
  }

  /** The worker failed: replace it (or stop when it has failed too often). */
  fail(reason: string): void {
    if (!this.client) return;
    this.client.terminate();
    this.client = null;
    const now = performance.now();
    this.restartTimes = this.restartTimes.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restartTimes.length >= MAX_RESTARTS) {
      this.stopped = true;
      this.hooks.onFailure(reason, false);
      return;
    }
    this.restartTimes.push(now);
    this.restarts++;
    this.hooks.onFailure(reason, true);
    this.spawn();
  }

  private spawn(): void {
    this.armed = false;
    this.lastHeard = performance.now();
    this.lastAdvance = this.lastHeard;
    this.lastIteration = -1;
    this.generation = -1;
    this.advances = 0;
    const client: EngineClient = new EngineClient(
      (msg) => this.heard(client, msg),
      (reason) => client === this.client && this.fail(reason),
    );
    this.client = client;
    for (const m of this.hooks.startMessages())
      client.send(m.type === 'init' ? { ...m, lifeLock: client.lockName } : m);
  }

  private heard(client: EngineClient, msg: FromWorker): void {
    if (client !== this.client) return; // a message the old worker posted before it ended
    const now = performance.now();
    this.lastHeard = now;
    if (msg.type === 'fatal') return this.fail(msg.message);
    if (msg.type === 'lifeLock')
      return client.watchLife(
        () => client === this.client && this.fail('the engine worker ended without a word'),
      );
    // A second 'ready' (the backend was rebuilt after a lost context) or a new generation (a
    // new model): the first chunks compile shaders anew, and on a software or loaded GPU that
    // holds the worker silent for longer than any fixed allowance. Watch again once the
    // iteration has moved on the new device or model (in the worker's own message order).
    if (msg.type === 'ready' && this.armed) this.warmUp();
    if (msg.type === 'status' && msg.generation !== this.generation) {
      if (this.generation >= 0) this.warmUp();
      this.generation = msg.generation;
    }
    // Armed once work has really run: the first chunks compile shaders (webgl), which can
    // hold a loaded machine's worker silent for seconds without anything being wrong.
    if (msg.type === 'sampling' && msg.steps > 0) this.armed = true;
    if (msg.type === 'status') {
      if (msg.iteration !== this.lastIteration && this.lastIteration >= 0) {
        this.advances++;
        this.armed = true;
      }
      if (msg.iteration !== this.lastIteration || !msg.playing) this.lastAdvance = now;
      this.lastIteration = msg.iteration;
    }
    this.hooks.onMessage(msg);
  }

  /** Not watched until the iteration moves again (it sets the baseline, then arms). */
  private warmUp(): void {
    this.armed = false;
    this.lastIteration = -1;
  }

  private watch(): void {
    if (!this.client || !this.armed) return;
    const now = performance.now();
    if (now < this.quietUntil) {
      this.lastHeard = this.lastAdvance = now;
      return;
    }
    if (!this.hooks.expectsProgress()) this.lastAdvance = now;
    if (now - this.lastHeard > HANG_MS) return this.fail('the engine stopped answering');
    if (now - this.lastAdvance > STALL_MS)
      return this.fail('training stopped advancing although the engine said it was playing');
    this.client.send({ type: 'ping' });
  }
}
