import { describe, expect, it } from 'vitest';
import {
  CAPACITY,
  RING_BOUND_BYTES,
  SNAPSHOT_GRID,
  SNAPSHOT_SAMPLES,
  snapshotBytes,
  TimelineRing,
  type Snapshot,
} from './ring';
import { downsampleGrid, frameOf, snapshotOf } from './snapshot';

const snap = (iteration: number, G = SNAPSHOT_GRID, S = SNAPSHOT_SAMPLES): Snapshot => ({
  id: iteration + 1,
  generation: 1,
  iteration,
  loss: 0,
  kl: null,
  grid: new Float32Array(G * G),
  gridSize: G,
  samples: new Float32Array(2 * S),
});

/** Offer one snapshot per iteration 0..n-1 (as a run that sends a frame every iteration). */
function run(ring: TimelineRing, n: number): void {
  for (let i = 0; i < n; i++) if (ring.wants(i)) ring.offer(snap(i));
}

describe('TimelineRing', () => {
  it('never holds more than its capacity, over runs of any length', () => {
    for (const n of [1, 150, 199, 200, 201, 1000, 25_000]) {
      const ring = new TimelineRing();
      let most = 0;
      for (let i = 0; i < n; i++) {
        if (ring.wants(i)) ring.offer(snap(i));
        most = Math.max(most, ring.length);
      }
      expect(most).toBeLessThanOrEqual(CAPACITY);
      if (n >= CAPACITY) expect(ring.length).toBeGreaterThan(CAPACITY / 2);
    }
  });

  it('thinning keeps the first and the newest snapshot and spans the whole run', () => {
    const ring = new TimelineRing();
    run(ring, 10_000);
    const its = ring.all().map((s) => s.iteration);
    expect(its[0]).toBe(0);
    // The newest is at most one stride behind the run's last iteration.
    expect(9_999 - its[its.length - 1]).toBeLessThan(ring.stride);
    // Increasing, and (but for the thinning's kept tail) evenly spaced by the stride / 2 or more.
    for (let i = 1; i < its.length; i++) expect(its[i]).toBeGreaterThan(its[i - 1]);
    const gaps = its.slice(1).map((v, i) => v - its[i]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(ring.stride);
  });

  it('keeps the first and the newest when it thins', () => {
    const ring = new TimelineRing(8);
    run(ring, 8); // the 8th fills it: thinned to 0, 2, 4, 6, 7
    expect(ring.all().map((s) => s.iteration)).toEqual([0, 2, 4, 6, 7]);
    expect(ring.stride).toBe(2);
    expect(ring.wants(8)).toBe(false);
    expect(ring.wants(9)).toBe(true);
  });

  it('a rollback drops what came after; clear starts afresh', () => {
    const ring = new TimelineRing();
    run(ring, 50);
    ring.truncateAfter(20);
    expect(ring.last?.iteration).toBe(20);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.stride).toBe(1);
  });

  it('states its memory bound: 200 × (64·64 + 256·2)·4 B + 64 B each ≈ 3.7 MB', () => {
    expect(snapshotBytes(64, 256)).toBe((64 * 64 + 512) * 4 + 64);
    expect(RING_BOUND_BYTES).toBe(3_699_200);
    const ring = new TimelineRing();
    run(ring, 5000);
    expect(ring.bytes()).toBe(ring.length * snapshotBytes(64, 256));
    expect(ring.bytes()).toBeLessThanOrEqual(RING_BOUND_BYTES);
  });
});

describe('snapshots', () => {
  it('average a 128² grid down to 64² by 2×2 blocks', () => {
    const G = 128;
    const grid = new Float32Array(G * G).map((_, k) => (k % G) + 1000 * Math.floor(k / G));
    const d = downsampleGrid(grid, G);
    expect(d.gridSize).toBe(64);
    // Cell (i, j) = mean of columns 2i, 2i+1 and rows 2j, 2j+1.
    expect(d.grid[3 * 64 + 5]).toBeCloseTo(10.5 + 1000 * 6.5, 3);
    expect(downsampleGrid(new Float32Array(64 * 64), 64).gridSize).toBe(64);
    expect(downsampleGrid(new Float32Array(96 * 96), 96).gridSize).toBe(48);
  });

  it('copy the first 256 chains and round-trip to a drawable frame', () => {
    const samples = new Float32Array(2 * 1000).map((_, k) => k);
    const frame = frameOf(snapshotOf(liveFrame(samples), 0.4));
    expect(frame.samples.length).toBe(512);
    expect(frame.samples[511]).toBe(511);
    expect(frame.gridSize).toBe(64);
    expect(frame.iteration).toBe(42);
    expect(frame.frameId).toBeLessThan(0);
  });
});

function liveFrame(samples: Float32Array) {
  return {
    type: 'frame' as const,
    generation: 1,
    frameId: 7,
    iteration: 42,
    samples,
    grid: new Float32Array(128 * 128),
    gridSize: 128,
    stats: { loss: 0.5, eData: 0, eNeg: 0, gradNorm: 0, acceptRate: null },
  };
}
