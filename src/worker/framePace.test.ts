// The two clocks of the training frames (framePace.ts): samples after every chunk, the grid a
// few times a second and never more than GRID_SHARE of the time.
import { describe, expect, it } from 'vitest';
import {
  FramePace,
  GRID_EVERY_MS,
  GRID_MAX_MS,
  GRID_SHARE,
  SAMPLES_EVERY_MS,
  type FrameKind,
} from './framePace';

/** Chunks of `chunkMs` for `ms`, posting what is due (a grid frame costs `gridMs`). */
function simulate(pace: FramePace, chunkMs: number, gridMs: number, ms: number) {
  const count: Record<FrameKind, number> = { grid: 0, samples: 0, none: 0 };
  for (let now = 0; now < ms;) {
    now += chunkMs;
    const kind = pace.due(now);
    count[kind]++;
    if (kind === 'grid') {
      now += gridMs;
      pace.posted('grid', now, gridMs);
    } else if (kind === 'samples') pace.posted('samples', now);
  }
  return count;
}

describe('FramePace', () => {
  it('starts with a grid frame, then samples until the grid period has passed', () => {
    const pace = new FramePace();
    expect(pace.due(0)).toBe('grid');
    pace.posted('grid', 0, 10);
    expect(pace.due(SAMPLES_EVERY_MS - 1)).toBe('none');
    expect(pace.due(SAMPLES_EVERY_MS)).toBe('samples');
    pace.posted('samples', 30);
    expect(pace.due(30 + SAMPLES_EVERY_MS)).toBe('samples');
    expect(pace.due(GRID_EVERY_MS)).toBe('grid');
    pace.reset();
    expect(pace.due(GRID_EVERY_MS + 1)).toBe('grid');
  });

  it('wasm-like chunks (30 ms, grid 10 ms): every chunk ends with a frame, ≥ 30/s, grid 3–5/s', () => {
    const c = simulate(new FramePace(), 30, 10, 5000);
    const secs = 5;
    expect(c.none).toBe(0);
    expect((c.grid + c.samples) / secs).toBeGreaterThanOrEqual(30);
    expect(c.grid / secs).toBeGreaterThanOrEqual(3);
    expect(c.grid / secs).toBeLessThanOrEqual(1000 / GRID_EVERY_MS);
  });

  it('a dear grid (70 ms, software WebGL) is refreshed less often: ≤ GRID_SHARE of the time', () => {
    const pace = new FramePace();
    const c = simulate(pace, 30, 70, 10_000);
    expect(pace.gridPeriod()).toBeCloseTo(70 / GRID_SHARE, 5);
    const gridTime = c.grid * 70;
    expect(gridTime / 10_000).toBeLessThanOrEqual(GRID_SHARE + 0.02);
    expect(c.samples).toBeGreaterThan(c.grid * 5);
  });

  it('the cost is a running mean: one slow grid frame does not stall the grid for long', () => {
    const pace = new FramePace();
    pace.posted('grid', 0, 10);
    pace.posted('grid', 100, 500);
    expect(pace.gridPeriod()).toBeLessThan(1000);
    expect(pace.gridPeriod()).toBeGreaterThan(GRID_EVERY_MS);
  });

  it('a forced frame is not counted; a very slow grid is still refreshed every GRID_MAX_MS', () => {
    const pace = new FramePace();
    pace.posted('grid', 0); // the first, forced frame (shader compiles)
    expect(pace.gridCost).toBe(0);
    pace.posted('grid', 100, 5000);
    expect(pace.gridPeriod()).toBe(GRID_MAX_MS);
  });
});
