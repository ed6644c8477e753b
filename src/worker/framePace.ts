// Which frame a training chunk ends with (issue 13, "smooth frames"). Two kinds, two clocks:
//   - a samples frame (the chain positions, one small readback) after every chunk, at most
//     every SAMPLES_EVERY_MS: with chunks of ~CHUNK_TARGET_MS that is ~30 pictures a second;
//   - a grid frame (the 128² energy evaluation, scores, metrics when due) at most every
//     gridPeriod() = max(GRID_EVERY_MS, cost / GRID_SHARE), where cost is a running mean of
//     what a grid frame took: the grid never takes more than about GRID_SHARE of the time,
//     whatever the device (10 ms on wasm → 5 a second; 70 ms on software WebGL → ~3).
// A grid frame carries samples too, so it also restarts the samples clock. Nothing is due
// while the page has MAX_IN_FLIGHT frames undrawn (the caller checks the credits).
export const SAMPLES_EVERY_MS = 20;
export const GRID_EVERY_MS = 200;
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
    return Math.max(GRID_EVERY_MS, this.gridCost / GRID_SHARE);
  }

  /** What the chunk that just ended should post. */
  due(now: number): FrameKind {
    if (now - this.lastGrid >= this.gridPeriod()) return 'grid';
    if (now - this.lastAny >= SAMPLES_EVERY_MS) return 'samples';
    return 'none';
  }

  /** A frame of this kind was posted at `now`; a grid frame took `costMs`. */
  posted(kind: Exclude<FrameKind, 'none'>, now: number, costMs = 0): void {
    this.lastAny = now;
    if (kind !== 'grid') return;
    this.lastGrid = now;
    this.gridCost = this.gridCost === 0 ? costMs : this.gridCost + COST_WEIGHT * (costMs - this.gridCost);
  }
}
