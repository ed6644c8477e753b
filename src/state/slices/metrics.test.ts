// The page side of the metrics: histories per generation, stale messages dropped, and the
// export's flat record of finite numbers.
import { describe, expect, it } from 'vitest';
import type { DensityMetrics, MetricsMessage } from '../../contract/protocol';
import { densityGrids } from '../frameHolder';
import { latestMetrics, useApp } from '../store';

const recordMetrics = (m: MetricsMessage) => useApp.getState().recordMetrics(m);
const metricsState = () => useApp.getState().metrics;

const metrics = (nll: number): DensityMetrics => ({
  logZ: 2,
  nll,
  kl: 0.5,
  klFloor: 0.1,
  klFloorStd: 0.01,
  logZGap: 1e-4,
  levelKs: 0.03,
  levelKsNoise: 0.068,
  levelExcess: -0.01,
  slicedW: 0.1,
  modesCovered: 8,
  modesTotal: 8,
  offModeShare: 0.02,
  bandwidth: 0.12,
  bandwidthAuto: true,
  borderMass: 0,
  energyMin: -3,
  energyMax: 9,
  gap: -0.1,
  gradX: NaN,
  paramGradNorm: 1,
  sampleSpread: 2,
  dataSpread: 2,
  densityScale: 0.8,
  metricsMs: 5,
});
const msg = (generation: number, iteration: number, nll: number): MetricsMessage => ({
  type: 'metrics',
  generation,
  iteration,
  gridSize: 4,
  metrics: metrics(nll),
  modes: [],
  modeMass: [],
  warnings: [],
  healthy: true,
  dataKde: new Float32Array(16),
  modelDensity: new Float32Array(16),
  sampleKde: new Float32Array(16),
});

describe('metricsStore', () => {
  it('appends per iteration, resets on a new generation, drops stale ones', () => {
    expect(latestMetrics()).toEqual({});
    recordMetrics(msg(1, 10, 3));
    recordMetrics(msg(1, 20, 2.5));
    recordMetrics(msg(1, 20, 2.5)); // same iteration (paused): no new point
    expect(metricsState().history.nll).toEqual([3, 2.5]);
    recordMetrics(msg(2, 1, 4));
    expect(metricsState().history.iteration).toEqual([1]);
    recordMetrics(msg(1, 30, 1)); // an old generation's late message
    expect(metricsState().latest?.nll).toBe(4);
    expect(densityGrids.latest?.gridSize).toBe(4);
  });

  it('latestMetrics: finite numbers only, booleans as 1/0, with the iteration', () => {
    const m = latestMetrics();
    expect(m.iteration).toBe(1);
    expect(m.nll).toBe(4);
    expect(m.bandwidthAuto).toBe(1);
    expect('gradX' in m).toBe(false); // NaN is left out
    expect(Object.values(m).every(Number.isFinite)).toBe(true);
  });
});
