// After a rollback: which steps are halved, and when rollbacks come too often.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_BY_KEY } from '../contract/settings';
import { halvedSteps, RollbackPolicy, stepKey } from './rollbackPolicy';

describe('rollback policy', () => {
  it('more than 3 rollbacks within 100 iterations pauses; spread out they do not', () => {
    const p = new RollbackPolicy();
    expect([10, 40, 70].map((i) => p.record(i))).toEqual([false, false, false]);
    expect(p.record(109)).toBe(true); // 10, 40, 70, 109: four within 100
    const q = new RollbackPolicy();
    expect([0, 60, 120, 180, 240].map((i) => q.record(i))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    q.reset();
    expect(q.record(0)).toBe(false);
  });

  it('halves the learning rate and the running sampler step, not below their minimum', () => {
    const s = { ...DEFAULT_SETTINGS, sampler: 'langevin' as const };
    expect(stepKey(s)).toBe('langevinStep');
    expect(halvedSteps(s)).toEqual({
      learningRate: s.learningRate / 2,
      langevinStep: s.langevinStep / 2,
    });
    const low = { ...s, learningRate: SETTING_BY_KEY.learningRate.min };
    expect(halvedSteps(low).learningRate).toBe(SETTING_BY_KEY.learningRate.min);
    // MALA reads its own step.
    expect(stepKey({ ...s, sampler: 'mala' })).toBe('malaStep');
  });
});
