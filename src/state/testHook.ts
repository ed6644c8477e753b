// Test builds only: `window.__ebmTest`, installed by engine.ts behind `if (__EBM_TEST__)`, so
// a production bundle has neither the hook nor this file (tests/browser/hooks.test.ts checks).
// It reads the counters browser tests assert on and injects faults into the engine.
import { frames } from './frameHolder';
import type { FrameCredits, FromWorker } from '../contract/protocol';
import type { Settings } from '../contract/settings';
import { EngineClient } from './engineClient';
import { useApp } from './store';
import type { Supervisor } from './supervisor';

/** What the page has counted (filled in every build; only tests read it). */
export const pageCounters = {
  framesReceived: 0,
  acksSent: 0,
  rollbacks: 0,
  lastRollbackIteration: -1,
  /** The worker's own count, from its last status: sent, acked, most ever in flight. */
  credits: { sent: 0, acked: 0, maxInFlight: 0 } as FrameCredits,
  /** Smallest spread (the lesser standard deviation of x and y) of any frame's samples since
   * resetSpread(): a frame read from a lost GPU context has every sample at one point. */
  minSpread: Infinity,
  /** Frames that carried a non-finite sample or energy. */
  nonFiniteFrames: 0,
  /** Of framesReceived, the samples frames (chains only; test builds count them). */
  samplesFrames: 0,
};

/** Test builds: what a received frame's samples say (called for every frame). */
export function recordFrame(samples: Float32Array, grid: Float32Array | null): void {
  if (!grid) pageCounters.samplesFrames++;
  const n = samples.length / 2;
  if (n === 0) return;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const x = samples[2 * i];
    const y = samples[2 * i + 1];
    sx += x;
    sy += y;
    sxx += x * x;
    syy += y * y;
  }
  const sd = (s: number, ss: number) => Math.sqrt(Math.max(0, ss / n - (s / n) ** 2));
  const spread = Math.min(sd(sx, sxx), sd(sy, syy));
  if (Number.isFinite(spread)) pageCounters.minSpread = Math.min(pageCounters.minSpread, spread);
  if (!Number.isFinite(sx + sy) || (grid && !grid.every(Number.isFinite)))
    pageCounters.nonFiniteFrames++;
}

type Report = Extract<FromWorker, { type: 'testReport' }>;
type Fused = Extract<FromWorker, { type: 'testFused' }>;
let waiting: ((r: Report) => void)[] = [];
let waitingFused: ((r: Fused) => void)[] = [];

export function receiveTestFused(r: Fused): void {
  const w = waitingFused;
  waitingFused = [];
  w.forEach((resolve) => resolve(r));
}

export function receiveTestReport(r: Report): void {
  const w = waiting;
  waiting = [];
  w.forEach((resolve) => resolve(r));
}

export interface EbmTestHook {
  counters(): typeof pageCounters & {
    restarts: number;
    /** Statuses of the live worker that showed its iteration advancing. */
    advances: number;
    liveWorkers: number;
    stopped: boolean;
  };
  /** tf.memory() in the worker, and its iteration. */
  report(): Promise<Report>;
  /** The fused Langevin step against the ops path in the worker (100 steps, same noise). */
  fusedCheck(): Promise<Fused>;
  injectNaN(): void;
  throwInLoop(): void;
  /** A message the engine does not understand (its handler throws). */
  bogusMessage(): void;
  /** Terminate the worker behind the supervisor's back, as a crash would. */
  killWorker(): void;
  /** The frame on screen: its energy grid, size and iteration (hover read-out checks). */
  frame(): { grid: number[]; gridSize: number; iteration: number } | null;
  /** The density metrics on screen: KL and its floor, per-mode masses, the health verdict. */
  metrics(): {
    iteration: number;
    kl: number | null;
    klFloor: number | null;
    /** The level check's KS distance and its 5 % noise (ebm/density/levelCalibration.ts). */
    levelKs: number | null;
    levelKsNoise: number | null;
    modeErrors: number[];
    healthy: boolean;
    warnings: string[];
  };
  /** Lose the worker's WebGL context (WEBGL_lose_context), as a GPU reset would. */
  loseContext(): void;
  /** The worker's loop spins and never yields again. */
  hang(): void;
  /** Start the minimum-spread count afresh. */
  resetSpread(): void;
  /** Change settings as the controls would (long-run and context-loss tests). */
  setSettings(partial: Partial<Settings>): void;
  /** Move data point 0 by (dx, dy), as a drag would (a 'points' message). */
  nudgePoint(dx: number, dy: number): void;
}

declare global {
  interface Window {
    __ebmTest?: EbmTestHook;
  }
}

export function installTestHook(sup: Supervisor): void {
  window.__ebmTest = {
    counters: () => ({
      ...pageCounters,
      credits: { ...pageCounters.credits },
      restarts: sup.restarts,
      advances: sup.advances,
      liveWorkers: EngineClient.live,
      stopped: sup.stopped,
    }),
    report: () => {
      const r = new Promise<Report>((resolve) => waiting.push(resolve));
      sup.send({ type: 'test', action: 'report' });
      return r;
    },
    fusedCheck: () => {
      // Compiling the fused program holds the worker silent for seconds on SwiftShader.
      sup.quietFor(600_000);
      const r = new Promise<Fused>((resolve) => waitingFused.push(resolve));
      sup.send({ type: 'test', action: 'fusedCheck' });
      return r.finally(() => sup.endQuiet());
    },
    injectNaN: () => sup.send({ type: 'test', action: 'nan' }),
    throwInLoop: () => sup.send({ type: 'test', action: 'throw' }),
    bogusMessage: () => sup.send({ type: 'bogus' } as never),
    killWorker: () => sup.killSilently(),
    metrics: () => {
      const m = useApp.getState().metrics;
      return {
        iteration: m.iteration,
        kl: m.latest?.kl ?? null,
        klFloor: m.latest?.klFloor ?? null,
        levelKs: m.latest?.levelKs ?? null,
        levelKsNoise: m.latest?.levelKsNoise ?? null,
        modeErrors: m.modeMass.map((r) => Math.abs(r.modelMass - r.dataShare)),
        healthy: m.healthy,
        warnings: m.warnings.map((w) => w.id),
      };
    },
    frame: () => {
      const f = frames.latest;
      return f ? { grid: Array.from(f.grid), gridSize: f.gridSize, iteration: f.iteration } : null;
    },
    loseContext: () => sup.send({ type: 'test', action: 'loseContext' }),
    hang: () => sup.send({ type: 'test', action: 'hang' }),
    resetSpread: () => void (pageCounters.minSpread = Infinity),
    setSettings: (partial) => useApp.getState().setSettings(partial),
    nudgePoint: (dx, dy) => {
      const a = useApp.getState();
      const p = a.points[0];
      if (p) a.movePoint(0, { ...p, x: p.x + dx, y: p.y + dy });
    },
  };
}
