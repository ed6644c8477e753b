// The sample-mode progress curve: one per sampling run, bounded, never fed by a stale run.
import { beforeEach, describe, expect, it } from 'vitest';
import type { SamplingProgress } from '../../contract/protocol';
import { useApp } from '../store';
import { CURVE_CAP } from './sampling';

const recordSampling = (m: SamplingProgress) => useApp.getState().recordSampling(m);
const samplingState = () => useApp.getState().sampling;

const msg = (run: number, steps: number, distance: number | null = 1 / (1 + steps)) =>
  ({
    type: 'sampling',
    generation: 1,
    run,
    steps,
    stepsPerSec: 100,
    sampler: 'mala',
    distance,
  }) satisfies SamplingProgress;

describe('sampling store', () => {
  beforeEach(() =>
    useApp.setState((s) => ({
      sampling: { ...s.sampling, run: 0, steps: 0, curve: { steps: [], distance: [] } },
    })),
  );

  it('collects (steps, distance) for the current run and restarts on a new one', () => {
    [0, 10, 20].forEach((s) => recordSampling(msg(1, s)));
    expect(samplingState().curve.steps).toEqual([0, 10, 20]);
    recordSampling(msg(2, 5));
    expect(samplingState()).toMatchObject({ run: 2, steps: 5, sampler: 'mala' });
    expect(samplingState().curve.steps).toEqual([5]);
    // A late message of run 1 changes nothing; no data (null distance) adds no point.
    recordSampling(msg(1, 30));
    recordSampling(msg(2, 9, null));
    expect(samplingState().curve.steps).toEqual([5]);
    expect(samplingState().steps).toBe(9);
  });

  it('stays within CURVE_CAP points, keeping the first step and the whole span', () => {
    for (let s = 0; s <= 3 * CURVE_CAP; s++) recordSampling(msg(3, s));
    const { steps, distance } = samplingState().curve;
    expect(steps.length).toBeLessThanOrEqual(CURVE_CAP);
    expect(steps.length).toBe(distance.length);
    expect(steps[0]).toBe(0);
    expect(steps[steps.length - 1]).toBe(3 * CURVE_CAP);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });
});
