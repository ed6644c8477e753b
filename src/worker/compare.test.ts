// The compare view's reference run (compare.ts): it starts from the run's own initial weights,
// trains by exact ML so its KL to the data falls, measures the run's KL the same way, and owns
// its tensors (constant count while it trains, all freed when switched off).
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../contract/settings';
import { makeRng } from '../ebm/rng';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { CompareRun, COMPARE_GRID } from './compare';
import { Session } from './session';

beforeAll(useCpu);

/** 300 points of one gaussian blob at (1, −1), σ = 0.5. */
function blob(): Float32Array {
  const r = makeRng(9);
  const out = new Float32Array(600);
  for (let i = 0; i < 300; i++) {
    out[2 * i] = 1 + 0.5 * r.normal();
    out[2 * i + 1] = -1 + 0.5 * r.normal();
  }
  return out;
}

describe('compare view reference', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, width: 16, depth: 2, learningRate: 1e-2 };
  const points = blob();

  it('starts at the run’s KL (same seed), then exact ML lowers its KL; no leak; off frees all', () => {
    const base = tf.memory().numTensors;
    const run = new Session(settings, 32, 0);
    const cmp = new CompareRun();
    cmp.set(true, settings, 0, run);
    const ids = { generation: 1, iteration: 0 };
    const first = cmp.frame(run, settings, points, ids, 0)!;
    expect(first.gridSize).toBe(COMPARE_GRID);
    expect(first.density.length).toBe(COMPARE_GRID ** 2);
    // Same architecture, same seed: the same initial density, so the same KL.
    expect(Math.abs(first.klReference - first.klRun)).toBeLessThan(1e-6);
    cmp.chunk(settings, points, 1); // warm-up (Adam's slots are made on the first step)
    const during = tf.memory().numTensors;
    cmp.chunk(settings, points, 60);
    expect(tf.memory().numTensors).toBe(during);
    const later = cmp.frame(run, settings, points, { generation: 1, iteration: 61 }, 1000)!;
    expect(later.klReference).toBeLessThan(first.klReference - 0.5);
    expect(later.klRun).toBeCloseTo(first.klRun, 6); // the run itself did not train here
    // Not due again within its interval.
    expect(cmp.frame(run, settings, points, ids, 1100)).toBeNull();
    cmp.set(false, settings, 0, null);
    run.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });
});
