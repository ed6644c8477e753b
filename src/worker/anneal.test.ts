// The learning-rate schedule (ebm/anneal.ts) as training runs it: the cosine's values, the
// rate Adam uses at each iteration, its restart when the data change, and Adam's moments kept.
import { beforeAll, describe, expect, it } from 'vitest';
import { ANNEAL_FLOOR, annealFactor } from '../ebm/anneal';
import { makeRng } from '../ebm/rng';
import { useCpu } from '../ebm/testing';
import { DEFAULT_SETTINGS, type Settings } from '../contract/settings';
import { SettingsSchema } from '../state/schema';
import { Session } from './session';
import { Training } from './training';

beforeAll(useCpu);

const rateOf = (s: Session) =>
  (s.trainer.optimizer as unknown as { learningRate: number }).learningRate;

describe('learning-rate annealing', () => {
  it('is a cosine from 1 to the floor over T iterations, then the floor; T = 0 is constant', () => {
    expect(annealFactor(0, 1500)).toBe(1);
    expect(annealFactor(750, 1500)).toBeCloseTo(ANNEAL_FLOOR + (1 - ANNEAL_FLOOR) / 2, 12);
    expect(annealFactor(1500, 1500)).toBe(ANNEAL_FLOOR);
    expect(annealFactor(9999, 1500)).toBe(ANNEAL_FLOOR);
    expect(annealFactor(400, 0)).toBe(1);
    for (let t = 1; t < 1500; t += 37)
      expect(annealFactor(t, 1500)).toBeLessThan(annealFactor(t - 1, 1500));
  });

  it('training sets the scheduled rate each iteration, keeps Adam moments, restarts on new data', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      chains: 256,
      width: 8,
      depth: 1,
      chainSteps: 2,
      annealIters: 10,
    };
    const s = new Session(settings, 16, 0);
    const train = new Training();
    const rng = makeRng(3);
    const points = Float32Array.from({ length: 40 }, (_, i) => Math.sin(i));
    const opt = s.trainer.optimizer;
    train.chunk(s, settings, points, 4, rng);
    // The 4th iteration (t = 3) ran at η·f(3).
    expect(rateOf(s)).toBeCloseTo(settings.learningRate * annealFactor(3, 10), 12);
    expect(s.trainer.optimizer).toBe(opt); // in place: Adam's moments were not reset
    train.chunk(s, settings, points, 10, rng);
    expect(rateOf(s)).toBeCloseTo(settings.learningRate * ANNEAL_FLOOR, 12);
    train.restartAnneal(); // a point moved
    train.chunk(s, settings, points, 1, rng);
    expect(rateOf(s)).toBeCloseTo(settings.learningRate, 12);
    expect(train.iteration).toBe(15);
    s.dispose();
  });

  it('a document saved before the setting existed takes the default', () => {
    const { annealIters, ...old } = DEFAULT_SETTINGS;
    expect(annealIters).toBe(1500);
    expect(SettingsSchema.parse(old).annealIters).toBe(1500);
  });
});
