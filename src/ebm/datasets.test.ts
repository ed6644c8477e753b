import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, generateDataset, eightGaussianCentres } from './datasets';

const NAMES = DATASET_NAMES.filter((n) => n !== 'empty');

describe('datasets', () => {
  it.each(NAMES)('%s: 400 finite points inside the box, same seed → same points', (name) => {
    const a = generateDataset(name, 7);
    expect(a).toHaveLength(400);
    expect(a.every((p) => Number.isFinite(p.x) && Math.abs(p.x) < 4 && Math.abs(p.y) < 4)).toBe(
      true,
    );
    expect(generateDataset(name, 7)).toEqual(a);
    expect(generateDataset(name, 8)).not.toEqual(a);
  });

  it('8 gaussians puts points near each of the 8 centres in similar shares', () => {
    const pts = generateDataset('8gaussians', 1, 4000);
    const counts = eightGaussianCentres().map(
      (c) => pts.filter((p) => Math.hypot(p.x - c.x, p.y - c.y) < 0.8).length,
    );
    counts.forEach((n) => expect(n).toBeGreaterThan(400));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(3950);
  });

  it('empty is empty', () => expect(generateDataset('empty', 1)).toEqual([]));
});
