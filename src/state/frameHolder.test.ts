// A samples frame is drawn over the newest full frame of its run (frameHolder.ts).
import { describe, expect, it } from 'vitest';
import type { Frame, SamplesFrame } from '../contract/protocol';
import { frames, offerFrame } from './frameHolder';

const stats = { loss: 0, eData: 0, eNeg: 0, gradNorm: 0, acceptRate: null };
const full = (generation: number, frameId: number): Frame => ({
  type: 'frame',
  generation,
  frameId,
  iteration: frameId,
  samples: Float32Array.of(0, 0),
  grid: new Float32Array(4),
  gridSize: 2,
  stats,
});
const samples = (generation: number, frameId: number): SamplesFrame => ({
  type: 'samples',
  generation,
  frameId,
  iteration: 10 * frameId,
  samples: Float32Array.of(frameId, -frameId),
});

describe('offerFrame', () => {
  it('merges samples into the last full frame of the same run, keeping its grid object', () => {
    frames.restart();
    expect(offerFrame(samples(1, 1))).toBe(false); // no full frame yet: nothing to draw over
    const f = full(1, 2);
    expect(offerFrame(f)).toBe(true);
    const v = frames.version;
    expect(offerFrame(samples(1, 3))).toBe(true);
    expect(frames.version).toBe(v + 1);
    const l = frames.latest!;
    expect(l.grid).toBe(f.grid);
    expect([l.frameId, l.iteration, ...l.samples]).toEqual([3, 30, 3, -3]);
    expect(l.stats).toBe(stats);
  });

  it('drops samples of another run (stale, or ahead of its first full frame)', () => {
    frames.restart();
    expect(offerFrame(full(2, 5))).toBe(true);
    expect(offerFrame(samples(1, 6))).toBe(false);
    expect(offerFrame(samples(3, 7))).toBe(false);
    expect(frames.latest!.frameId).toBe(5);
  });
});
