import { describe, expect, it } from 'vitest';
import { makeRng } from '../rng';
import { gaussianPoints } from './fixtures';
import { checkHealth, pointSpread, type HealthInput } from './health';

// 200 iterations of synthetic history: level + slope·t + noise, seeded.
const series = (level: number, slope: number, noise: number, seed: number, n = 200) => {
  const rng = makeRng(seed);
  return Array.from({ length: n }, (_, t) => level + slope * t + noise * rng.normal());
};

// A healthy run: gap jitters around 0, energy level steady, gradients steady, spreads match.
const good = () =>
  ({
    gap: series(0, 0, 0.3, 1),
    meanEnergy: series(2, 0, 0.2, 2),
    gradX: series(3, 0, 0.3, 3),
    paramGradNorm: series(1, 0, 0.1, 4).map(Math.abs),
    energyRange: { min: -3, max: 12 },
    beta: 1,
    borderMass: 1e-4,
    sampleSpread: 1.9,
    dataSpread: 2,
    stepSize: 0.01,
  }) satisfies HealthInput;
const ids = (h: HealthInput) => checkHealth(h).map((w) => `${w.id}:${w.level}`);

describe('health warnings', () => {
  it('stay quiet on healthy histories (20 seeds), and on short ones', () => {
    for (let s = 0; s < 20; s++) {
      const h = good();
      h.gap = series(0, 0, 0.3, 100 + s);
      h.meanEnergy = series(2, 0, 0.2, 200 + s);
      h.gradX = series(3, 0, 0.3, 300 + s);
      expect(ids(h)).toEqual([]);
    }
    expect(ids({ gap: [], meanEnergy: [], gradX: [], paramGradNorm: [] })).toEqual([]);
    // A gap or an energy level that is large but steady is not a trend.
    expect(
      ids({ ...good(), gap: series(-3, 0, 0.3, 10), meanEnergy: series(50, 0, 1, 11) }),
    ).toEqual([]);
  });

  it('energy drifting: steady growth of |mean E|, and a huge level', () => {
    expect(ids({ ...good(), meanEnergy: series(0, 0.3, 0.5, 5) })).toEqual(['drift:warn']);
    expect(ids({ ...good(), meanEnergy: series(-2e4, 0, 1, 5) })).toEqual(['drift:error']);
    // Learning-sized changes below DRIFT_MIN are not drift.
    expect(ids({ ...good(), meanEnergy: series(0, 0.02, 0.05, 5) })).toEqual([]);
  });

  it('gap diverging', () => {
    expect(ids({ ...good(), gap: series(0, -0.05, 0.1, 6) })).toEqual(['gap:warn']);
    expect(ids({ ...good(), gap: [...series(0, 0, 0.3, 6), -500] })).toEqual(['gap:error']);
  });

  it('samples collapsing or over-spread, from real point sets', () => {
    const data = gaussianPoints(2000, 0, 0, 1, 7);
    expect(pointSpread(data)).toBeCloseTo(Math.SQRT2, 1); // √(E‖x−μ‖²) = σ√2
    const spreadOf = (s: number) => pointSpread(gaussianPoints(1000, 0.5, 0, s, 8));
    const h = (s: number): HealthInput => ({
      ...good(),
      sampleSpread: spreadOf(s),
      dataSpread: pointSpread(data),
    });
    expect(ids(h(0.2))).toEqual(['collapse:warn']);
    expect(ids(h(0.05))).toEqual(['collapse:error']);
    expect(ids(h(3))).toEqual(['overspread:warn']);
    expect(ids(h(1.2))).toEqual([]);
  });

  it('step too large, gradients exploding, parameter-gradient spike', () => {
    expect(ids({ ...good(), stepSize: 0.5 })).toEqual(['step:warn']); // ½·0.5·3 = 0.75 > 0.5
    const exploding = series(0, 0, 0.1, 9).map((v, t) => (1 + Math.abs(v)) * 1.06 ** t);
    expect(ids({ ...good(), gradX: exploding, stepSize: 1e-6 })).toEqual(['step:warn']);
    expect(ids({ ...good(), paramGradNorm: [...good().paramGradNorm, 80] })).toEqual(['grad:warn']);
  });

  it('NaN, steep energy and border mass; most severe first', () => {
    const w = checkHealth({
      ...good(),
      gradX: [...good().gradX, NaN],
      energyRange: { min: 0, max: 50 },
      beta: 2,
      borderMass: 0.05,
    });
    expect(w.map((x) => `${x.id}:${x.level}`)).toEqual([
      'diverged:error',
      'steep:info',
      'border:info',
    ]);
    for (const x of w) expect(x.message.length && x.fix.length).toBeGreaterThan(10);
    console.log('health sample', w);
  });
});
