// Which frame a training chunk ends with (issue 13, "smooth frames"). Two kinds, two clocks:
//   - a samples frame (the chain positions, one small readback) after every chunk, at most
//     every SAMPLES_EVERY_MS: with chunks of ~CHUNK_TARGET_MS that is ~30 pictures a second;
//   - a grid frame (the 128² energy evaluation, scores, metrics when due) at most every
//     gridPeriod() = clamp(cost / GRID_SHARE, GRID_EVERY_MS, GRID_MAX_MS), where cost is a
//     running mean of what a loop's grid frame took (a forced one, often the first with its
//     shader compiles, is not counted): the grid takes about GRID_SHARE of the time at most,
//     whatever the device (10 ms on wasm → 5 a second; 70 ms on software WebGL → ~3), but
//     the energy is never older than GRID_MAX_MS on a slow or busy machine.
// A grid frame carries samples too, so it also restarts the samples clock. Nothing is due
// while the page has MAX_IN_FLIGHT frames undrawn (the caller checks the credits).
export const SAMPLES_EVERY_MS = 20;
export const GRID_EVERY_MS = 200;
export const GRID_MAX_MS = 1000;
export const GRID_SHARE = 0.2;
/** Weight of the newest grid frame's cost in the running mean. */
const COST_WEIGHT = 0.3;

export type FrameKind = 'grid' | 'samples' | 'none';

export class FramePace {
  private lastGrid = -Infinity;
  private lastAny = -Infinity;
  /** Running mean of a grid frame's cost (ms); 0 until one was measured. */
  gridCost = 0;

  /** A new run: the next chunk ends with a grid frame. */
  reset(): void {
    this.lastGrid = -Infinity;
    this.lastAny = -Infinity;
  }

  gridPeriod(): number {
    return Math.min(GRID_MAX_MS, Math.max(GRID_EVERY_MS, this.gridCost / GRID_SHARE));
  }

  /** What the chunk that just ended should post. */
  due(now: number): FrameKind {
    if (now - this.lastGrid >= this.gridPeriod()) return 'grid';
    if (now - this.lastAny >= SAMPLES_EVERY_MS) return 'samples';
    return 'none';
  }

  /** A frame of this kind was posted at `now`; a grid frame took `costMs` (not counted if
   * undefined: a forced frame). */
  posted(kind: Exclude<FrameKind, 'none'>, now: number, costMs?: number): void {
    this.lastAny = now;
    if (kind !== 'grid') return;
    this.lastGrid = now;
    if (costMs === undefined) return;
    this.gridCost =
      this.gridCost === 0 ? costMs : this.gridCost + COST_WEIGHT * (costMs - this.gridCost);
  }
}
