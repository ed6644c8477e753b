// Pacing of the engine's loop, shared by training and sample mode. Work runs in chunks of
// adaptive size: after each chunk (its readback included, which waits for the device, so
// the wall time is real even on webgl) the work per chunk is scaled by CHUNK_TARGET_MS / dt,
// clamped to [½, 2] per chunk so one slow or fast chunk cannot swing it far. ~30 ms keeps
// 'pause' or a slider within one chunk while the device stays busy, and a samples frame
// after each chunk gives ~30 pictures a second (framePace.ts). Between chunks the loop
// yields a real macrotask (yieldTask.ts) so queued commands run, and a status goes out when
// none has for STATUS_EVERY_MS.
import { yieldMacrotask } from './yieldTask';

export const CHUNK_TARGET_MS = 30;
export const STATUS_EVERY_MS = 250;
/** Full frames at most this often in sample mode (and a JEM's, which has no samples frames):
 * a grid evaluation is better spent on training than on pictures nobody can tell apart, and
 * a frozen model needs no more than the eye can use. Training's pace is framePace.ts's. */
export const MIN_FRAME_MS = 50;

/** Units of work (iterations, transitions) per chunk, adapted to CHUNK_TARGET_MS. */
export class ChunkBudget {
  value = 1;

  constructor(private readonly max: number) {}

  reset(): void {
    this.value = 1;
  }

  /** `done` units took `ms`: the next chunk gets done × clamp(target / ms, ½, 2), in [1, max]. */
  adapt(done: number, ms: number): void {
    const scale = Math.min(2, Math.max(0.5, CHUNK_TARGET_MS / Math.max(1, ms)));
    this.value = Math.max(1, Math.min(this.max, Math.round(done * scale)));
  }
}

/**
 * Sample mode: ms to wait before the next piece (0: go now). A piece holds at most
 * stepsPerFrame transitions and waits for the page to draw (≤ MAX_IN_FLIGHT frames undrawn)
 * and for the frame pace, so the setting really is the number of transitions between two
 * pictures.
 */
export function pieceWait(sinceFrameMs: number, pageBusy: boolean): number {
  const wait = Math.max(MIN_FRAME_MS - sinceFrameMs, 0);
  if (!pageBusy && wait <= 1) return 0;
  return Math.max(4, Math.min(wait, MIN_FRAME_MS));
}

export class Scheduler {
  private lastStatus = 0;

  constructor(private readonly sendStatus: () => void) {}

  /** A status went out (the loop's or a command's): the throttle counts from now. */
  statusSent(now = performance.now()): void {
    this.lastStatus = now;
  }

  /** One chunk of n units: run it, adapt the budget to its time, status when due, yield. */
  async chunk(budget: ChunkBudget, n: number, work: () => void): Promise<void> {
    const t0 = performance.now();
    work();
    budget.adapt(n, performance.now() - t0);
    this.statusIfDue();
    await yieldMacrotask();
  }

  /** Wait ms (the page is busy or the frame pace says not yet), keeping the status alive. */
  async wait(ms: number): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
    this.statusIfDue();
  }

  private statusIfDue(): void {
    if (performance.now() - this.lastStatus > STATUS_EVERY_MS) this.sendStatus();
  }
}
