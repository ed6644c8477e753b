// The export's class/OOD metrics: present where they apply, absent (not NaN) where not.
import { describe, expect, it } from 'vitest';
import { scoreMetrics } from './useScores';

const base = {
  dataEnergy: new Float32Array(0),
  outlierEnergy: new Float32Array(0),
  accuracy: 0.96,
  confidence: 0.9,
  ece: 0.04,
  aurocEnergy: 0.97,
  aurocConfidence: 0.6,
};

describe('scoreMetrics', () => {
  it('names accuracy, meanConfidence, ece, oodAuroc, oodAurocConfidence', () => {
    expect(scoreMetrics(base)).toEqual({
      accuracy: 0.96,
      meanConfidence: 0.9,
      ece: 0.04,
      oodAuroc: 0.97,
      oodAurocConfidence: 0.6,
    });
  });
  it('leaves out what does not apply (no classifier, no outliers)', () => {
    const m = scoreMetrics({
      ...base,
      accuracy: NaN,
      confidence: NaN,
      ece: NaN,
      aurocEnergy: NaN,
      aurocConfidence: NaN,
    });
    expect(m).toEqual({});
    expect(scoreMetrics(null)).toEqual({});
  });
});
