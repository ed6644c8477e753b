import { beforeEach, describe, expect, it } from 'vitest';
import type { Frame } from '../../contract/protocol';
import { goLive, recordFrame, ring, scrubTo, shownFrame, useTimeline } from './index';

const frame = (generation: number, iteration: number): Frame => ({
  type: 'frame',
  generation,
  frameId: iteration,
  iteration,
  samples: new Float32Array(8),
  grid: new Float32Array(128 * 128).fill(iteration),
  gridSize: 128,
  stats: { loss: 0.1, eData: 0, eNeg: 0, gradNorm: 0, acceptRate: null },
});

describe('the page-side timeline', () => {
  beforeEach(() => {
    recordFrame(frame(99, 0)); // a fresh generation clears whatever an earlier test left
    goLive();
  });

  it('records the frames it is offered and publishes the span', () => {
    for (let i = 1; i <= 30; i++) recordFrame(frame(99, i));
    expect(useTimeline.getState()).toMatchObject({ count: 31, first: 0, last: 30 });
    expect(ring.at(5)!.gridSize).toBe(64);
  });

  it('a new generation (reset) clears it; a rollback drops what came after', () => {
    for (let i = 1; i <= 30; i++) recordFrame(frame(99, i));
    recordFrame(frame(99, 12)); // rolled back to iteration 12
    expect(useTimeline.getState().last).toBe(12);
    recordFrame(frame(100, 0));
    expect(useTimeline.getState().count).toBe(1);
  });

  it('shows a scrubbed snapshot instead of the live frame, until live again', () => {
    for (let i = 1; i <= 10; i++) recordFrame(frame(99, i));
    scrubTo(3);
    expect(shownFrame()!.iteration).toBe(3);
    expect(shownFrame()!.grid[0]).toBe(3);
    recordFrame(frame(99, 11)); // training goes on: the scrubbed one stays shown
    expect(shownFrame()!.iteration).toBe(3);
    goLive();
    expect(useTimeline.getState().scrubbed).toBeNull();
  });
});
