// The worker's metrics tracker (caches, histories, throttle, cost per frame) and the metrics
// the engine posts after a frame. The maths itself: src/ebm/density/frameMetrics.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOX } from '../ebm/box';
import { generateDataset } from '../ebm/datasets';
import { energyOnGrid, grid128, mixturePoints } from '../ebm/density/fixtures';
import { presetCentres } from '../ebm/density/modes';
import { useCpu } from '../ebm/testing';
import { DEFAULT_SETTINGS } from '../contract/settings';
import { Engine } from './engine';
import { MetricsTracker, METRICS_EVERY_MS, type FrameInputs } from './metrics';
import { transferables, type FromWorker, type MetricsMessage } from '../contract/protocol';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f32 = (xs: { x: number; y: number }[]) => Float32Array.from(xs.flatMap((p) => [p.x, p.y]));

describe('MetricsTracker', () => {
  const data = f32(generateDataset('8gaussians', 1));
  const energy = energyOnGrid(grid128, () => 0, true) as Float32Array;
  const samples = mixturePoints(2048, presetCentres('8gaussians')!, 0.2, 4).points;
  const frame = (over: Partial<FrameInputs> = {}): FrameInputs => ({
    energy,
    gridSize: 128,
    samples,
    points: data,
    stats: Float32Array.from([0, -1, 1, 0.5, -1]),
    gradX: 2,
    beta: 1,
    stepSize: 0.01,
    kdeBandwidth: undefined,
    training: true,
    ...over,
  });

  it('throttles to METRICS_EVERY_MS unless forced', () => {
    const t = new MetricsTracker();
    t.compute(frame(), 1000);
    expect(t.due(false, 1000 + METRICS_EVERY_MS / 2)).toBe(false);
    expect(t.due(true, 1000 + METRICS_EVERY_MS / 2)).toBe(true);
    expect(t.due(false, 1000 + METRICS_EVERY_MS)).toBe(true);
  });

  it('a flat model on 8 gaussians: NLL = log 64 (uniform on the box), coverage 8/8', () => {
    const t = new MetricsTracker();
    t.setPreset('8gaussians');
    const p = t.compute(frame());
    expect(p.metrics.logZ).toBeCloseTo(Math.log(64), 4);
    expect(p.metrics.nll).toBeCloseTo(Math.log(64), 4);
    expect(p.metrics.kl).toBeGreaterThan(2);
    expect(p.metrics.modesCovered).toBe(8);
    expect(p.metrics.gap).toBe(-2);
    expect(p.metrics.bandwidthAuto).toBe(true);
    expect(p.metrics.densityScale).toBeGreaterThan(0.1);
    expect(p.modes).toHaveLength(8);
    expect(p.dataKde).toHaveLength(128 * 128);
  });

  it('a fixed bandwidth from the settings is used as given; histories feed the warnings', () => {
    const t = new MetricsTracker();
    const p = t.compute(frame({ kdeBandwidth: 0.3 }));
    expect(p.metrics.bandwidth).toBe(0.3);
    expect(p.metrics.bandwidthAuto).toBe(false);
    const bad = t.compute(frame({ stats: Float32Array.from([NaN, NaN, NaN, NaN, -1]) }));
    expect(bad.warnings.map((w) => w.id)).toContain('diverged');
    t.reset();
    expect(t.history.gap).toHaveLength(0);
  });

  it('costs a few ms per computation (median; logged)', () => {
    const t = new MetricsTracker();
    t.setPreset('8gaussians');
    t.compute(frame()); // warm-up, fills the data-KDE cache
    const ms: number[] = [];
    for (let k = 0; k < 9; k++) ms.push(t.compute(frame()).metrics.metricsMs);
    const t0 = performance.now();
    new MetricsTracker().compute(frame());
    const cold = performance.now() - t0;
    console.log(
      `metrics per frame: ${median(ms).toFixed(1)} ms; with a new data KDE + CV bandwidth: ${cold.toFixed(1)} ms`,
    );
    expect(median(ms)).toBeLessThan(60); // generous: CI machines are slow and shared
  });
});

describe('the engine posts metrics', () => {
  it('after the frame of a step: finite numbers, the preset modes, ∇ₓE, three grids transferred', async () => {
    await useCpu();
    const got: FromWorker[] = [];
    const engine = new Engine((m) => got.push(m));
    const settings = { ...DEFAULT_SETTINGS, chains: 256 as const, width: 8, depth: 1 };
    engine.handle({
      type: 'init',
      backend: 'cpu',
      settings: { ...settings, chainSteps: 2 },
      points: f32(generateDataset('8gaussians', 1)),
      gridSize: 32,
      preset: '8gaussians',
    });
    got.length = 0;
    engine.handle({ type: 'step' });
    const kinds = got.map((m) => m.type);
    expect(kinds.indexOf('metrics')).toBeGreaterThan(kinds.indexOf('frame'));
    const msg = got.find((m): m is MetricsMessage => m.type === 'metrics')!;
    expect(msg.iteration).toBe(1);
    for (const k of ['logZ', 'nll', 'kl', 'slicedW', 'gap', 'gradX', 'paramGradNorm'] as const)
      expect(Number.isFinite(msg.metrics[k]), k).toBe(true);
    expect(msg.metrics.gradX).toBeGreaterThan(0);
    expect(msg.metrics.modesTotal).toBe(8);
    expect(msg.modes).toHaveLength(8);
    expect(msg.dataKde).toHaveLength(32 * 32);
    expect(transferables(msg)).toHaveLength(3);
    // Without a preset with known modes, coverage is not defined. The page acks what it drew
    // (without acks no more than MAX_IN_FLIGHT frames go out).
    const drawn = got.filter((m) => m.type === 'frame').map((m) => m.frameId);
    engine.handle({ type: 'ack', frameId: Math.max(...drawn) });
    engine.handle({ type: 'points', points: f32(generateDataset('moons', 1)), preset: 'moons' });
    got.length = 0;
    engine.handle({ type: 'step' });
    const m2 = got.find((m): m is MetricsMessage => m.type === 'metrics')!;
    expect(m2.metrics.modesTotal).toBeNaN();
  });
});

beforeAll(() => {
  expect(grid128.box).toEqual(DEFAULT_BOX);
});
