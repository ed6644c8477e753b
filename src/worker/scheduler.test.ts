// The shared pacing rules: work per chunk follows the chunk time, by at most ×2 or ×½ a
// chunk, within [1, max]; sample mode waits for the page and the frame pace.
import { describe, expect, it } from 'vitest';
import { CHUNK_TARGET_MS, ChunkBudget, MIN_FRAME_MS, pieceWait } from './scheduler';

describe('ChunkBudget', () => {
  it('scales the work by target / time, clamped to [½, 2] per chunk and to [1, max]', () => {
    const b = new ChunkBudget(64);
    b.adapt(10, CHUNK_TARGET_MS / 1.5); // fast: ×1.5
    expect(b.value).toBe(15);
    b.adapt(10, 0); // very fast: ×2 at most (and no division by zero)
    expect(b.value).toBe(20);
    b.adapt(10, 100 * CHUNK_TARGET_MS); // very slow: ×½ at most
    expect(b.value).toBe(5);
    b.adapt(50, 1);
    expect(b.value).toBe(64);
    b.adapt(1, 1e6);
    expect(b.value).toBe(1);
    b.adapt(40, 1);
    b.reset();
    expect(b.value).toBe(1);
  });
});

describe('pieceWait', () => {
  it('goes at once when the page keeps up and the pace allows, else waits 4 ms to a frame', () => {
    expect(pieceWait(MIN_FRAME_MS, false)).toBe(0);
    expect(pieceWait(MIN_FRAME_MS - 1, false)).toBe(0);
    expect(pieceWait(MIN_FRAME_MS - 20, false)).toBe(20);
    expect(pieceWait(MIN_FRAME_MS, true)).toBe(4);
    expect(pieceWait(-1000, true)).toBe(MIN_FRAME_MS);
  });
});
