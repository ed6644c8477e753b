// Every sampler through the engine over a real MessageChannel: sample mode (frozen model,
// stepsPerFrame transitions per frame, acceptance, trails, leapfrog path, rejected
// proposals, probe, progress messages), the Gibbs-on-MLP coercion, and RBM training with
// Gibbs negatives (PCD through the replay buffer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { DEFAULT_SETTINGS, type Settings } from '../contract/settings';
import { Engine } from './engine';
import {
  PROBE_CHAINS,
  TRACE_CHAINS,
  TRAIL_LENGTH,
  transferables,
  type Frame,
  type FromWorker,
  type SamplingProgress,
  type ToWorker,
} from '../contract/protocol';

let settings: Settings = {
  ...DEFAULT_SETTINGS,
  chains: 256,
  width: 8,
  depth: 1,
  chainSteps: 3,
  stepsPerFrame: 5,
  seed: 3,
};
const G = 16;

let received: FromWorker[] = [];
let send: (m: ToWorker) => void;
const pagePort = new MessageChannel();
const workerPort = new MessageChannel();

const until = async (pred: () => boolean, ms = 60_000) => {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const framesOf = () => received.filter((m): m is Frame => m.type === 'frame');
const progressOf = () => received.filter((m): m is SamplingProgress => m.type === 'sampling');
const lastFrame = () => framesOf()[framesOf().length - 1];
const apply = (over: Partial<Settings>) => {
  settings = { ...settings, ...over };
  send({ type: 'settings', settings });
};
/**
 * One 'step' and the frame it produces: the engine answers a step with a frame, then a
 * status, so the last frame before that status is the step's (a paused settings change
 * sends a frame of its own, without a status, which may still be on its way).
 */
const step = async (): Promise<Frame> => {
  received = [];
  send({ type: 'step' });
  await until(() => received.some((m) => m.type === 'status'));
  const i = received.findIndex((m) => m.type === 'status');
  const before = received.slice(0, i).filter((m): m is Frame => m.type === 'frame');
  return before[before.length - 1];
};

/** Two clusters of 24 points at (−2, −2) and (2, 2). */
function twoClusters(): Float32Array {
  const a = new Float32Array(96);
  for (let i = 0; i < 48; i++) {
    const c = i < 24 ? -2 : 2;
    const t = (2 * Math.PI * i) / 24;
    const r = 0.1 + 0.1 * (i % 3);
    a[2 * i] = c + r * Math.cos(t);
    a[2 * i + 1] = c + r * Math.sin(t);
  }
  return a;
}
const near = (s: Float32Array, cx: number, cy: number, r: number) => {
  let n = 0;
  for (let i = 0; i < s.length; i += 2) if (Math.hypot(s[i] - cx, s[i + 1] - cy) < r) n++;
  return n / (s.length / 2);
};

beforeAll(async () => {
  await useCpu();
  const engine = new Engine((msg) => pagePort.port1.postMessage(msg, transferables(msg)));
  pagePort.port2.onmessage = (e: MessageEvent<FromWorker>) => {
    received.push(e.data);
    if (e.data.type === 'frame' || e.data.type === 'samples')
      send({ type: 'ack', frameId: e.data.frameId });
  };
  workerPort.port2.onmessage = (e: MessageEvent<ToWorker>) => engine.handle(e.data);
  send = (m) => workerPort.port1.postMessage(m, transferables(m));
  send({ type: 'init', backend: 'cpu', settings, points: twoClusters(), gridSize: G });
  await until(() => framesOf().length > 0);
});
afterAll(() => {
  [pagePort.port1, pagePort.port2, workerPort.port1, workerPort.port2].forEach((p) => p.close());
});

describe('sample mode through the engine', () => {
  it('train mode sends no trails; sample mode restarts the chains and freezes the model', async () => {
    const a = await step();
    expect(a.trails ?? null).toBeNull();
    expect(a.iteration).toBe(1);
    apply({ mode: 'sample', sampler: 'langevin' });
    const f = await step();
    expect(f.iteration).toBe(1); // sampling is not training: the iteration count stays
    const g = await step();
    // The model is frozen: the energy grid does not change while the chains move.
    expect(Array.from(g.grid)).toEqual(Array.from(f.grid));
    expect(Array.from(g.samples)).not.toEqual(Array.from(f.samples));
    expect(f.trails).toBeTruthy();
    const t = g.trails!;
    expect([t.chains, t.length]).toEqual([TRACE_CHAINS, TRAIL_LENGTH]);
    expect(t.positions.length).toBe(TRACE_CHAINS * TRAIL_LENGTH * 2);
    // Two steps of stepsPerFrame = 5 transitions: the last 10 ring slots are filled, and the
    // newest one is where chain 0 is now.
    const row0 = Array.from(t.positions.slice(0, TRAIL_LENGTH * 2));
    expect(row0.filter(Number.isFinite).length).toBe(20);
    expect(row0.slice(-2)).toEqual(Array.from(g.samples.slice(0, 2)));
    expect(t.leapfrog.length).toBe(0);
    expect(g.stats.acceptRate).toBeNull();
    const p = progressOf();
    expect(p.length).toBeGreaterThan(0);
    expect(p[p.length - 1].steps).toBe(10);
    expect(p[p.length - 1].sampler).toBe('langevin');
    expect(p[p.length - 1].distance).toBeGreaterThan(0);
  });

  it('MALA, MH and HMC report acceptance; MH shows rejected proposals; HMC its leapfrog path', async () => {
    const rates: Record<string, number> = {};
    for (const sampler of ['mala', 'mh', 'hmc'] as const) {
      apply({
        sampler,
        mhScale: 1.5,
        langevinStep: 0.05,
        malaStep: 0.05,
        hmcStep: 0.05,
        leapfrogSteps: 6,
      });
      let f = await step();
      f = await step();
      expect(f.stats.acceptRate).not.toBeNull();
      rates[sampler] = f.stats.acceptRate!;
      const p = progressOf();
      expect(p[p.length - 1]).toMatchObject({ sampler, steps: 10 });
      const t = f.trails!;
      if (sampler === 'hmc') {
        expect(t.leapfrog.length).toBe(7 * 2);
        expect(t.leapfrog.every(Number.isFinite)).toBe(true);
      } else expect(t.leapfrog.length).toBe(0);
      if (sampler === 'mh') {
        // s = 1.5 on an 8-unit box rejects often: rejected proposals of the traced chains.
        expect(t.rejected.length).toBeGreaterThan(0);
        expect(t.rejected.length % 3).toBe(0);
        for (let i = 2; i < t.rejected.length; i += 3) {
          expect(t.rejected[i]).toBeGreaterThanOrEqual(0);
          expect(t.rejected[i]).toBeLessThan(10);
        }
      }
    }
    console.info('acceptance', JSON.stringify(rates));
    Object.values(rates).forEach((r) => {
      expect(r).toBeGreaterThan(0);
      expect(r).toBeLessThan(1);
    });
  });

  it('a probe puts PROBE_CHAINS chains at the clicked point and restarts the trails there', async () => {
    apply({ sampler: 'langevin' });
    received = [];
    send({ type: 'probe', x: 1.25, y: -0.5 });
    await until(() => framesOf().some((f) => f.trails?.probe));
    const f = framesOf().find((f) => f.trails?.probe) as Frame;
    for (let c = 0; c < PROBE_CHAINS; c++) {
      expect(f.samples[2 * c]).toBeCloseTo(1.25, 6);
      expect(f.samples[2 * c + 1]).toBeCloseTo(-0.5, 6);
    }
    expect(f.samples[2 * PROBE_CHAINS]).not.toBeCloseTo(1.25, 6);
    expect(f.trails!.probe).toEqual([1.25, -0.5]);
    expect(f.trails!.positions.filter(Number.isFinite).length).toBe(0);
    const g = await step();
    const n = g.trails!.positions.filter(Number.isFinite).length;
    expect(n).toBe(TRACE_CHAINS * 5 * 2);
  });

  it('Gibbs on the MLP cannot run: the engine coerces it to Langevin', async () => {
    apply({ sampler: 'gibbs', model: 'mlp' });
    await step();
    const p = progressOf();
    expect(p[p.length - 1].sampler).toBe('langevin');
  });

  it('trails off: frames carry none', async () => {
    send({ type: 'trails', on: false });
    expect((await step()).trails ?? null).toBeNull();
    send({ type: 'trails', on: true });
    expect((await step()).trails).toBeTruthy();
  });

  it('playing in sample mode streams frames with growing step counts', async () => {
    apply({ sampler: 'mala' });
    received = [];
    send({ type: 'play' });
    await until(() => progressOf().some((p) => p.steps >= 40));
    send({ type: 'pause' });
    await until(() => received.some((m) => m.type === 'status' && !m.playing));
    const steps = progressOf().map((p) => p.steps);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(framesOf().length).toBeGreaterThan(3);
  });

  it('train mode: MALA, MH and HMC make the CD negatives and report their acceptance', async () => {
    for (const sampler of ['mala', 'mh', 'hmc'] as const) {
      apply({
        mode: 'train',
        sampler,
        langevinStep: 0.05,
        malaStep: 0.05,
        hmcStep: 0.05,
        mhScale: 0.3,
        leapfrogSteps: 4,
      });
      const a = await step();
      const b = await step();
      expect(b.iteration).toBe(a.iteration + 1);
      expect(b.trails ?? null).toBeNull();
      expect(Number.isFinite(b.stats.loss)).toBe(true);
      expect(b.stats.acceptRate).toBeGreaterThan(0);
      expect(b.stats.acceptRate).toBeLessThanOrEqual(1);
    }
    apply({ sampler: 'langevin', langevinStep: 0.01 });
    expect((await step()).stats.acceptRate).toBeNull();
  });

  it('does not grow tf.memory().numTensors across sampler switches, probes and mode changes', async () => {
    const count = async () => {
      await step();
      return tf.memory().numTensors;
    };
    apply({ mode: 'sample', sampler: 'langevin' });
    const base = await count();
    for (const sampler of ['mala', 'mh', 'hmc', 'langevin'] as const) {
      apply({ sampler });
      send({ type: 'probe', x: 0, y: 0 });
      await count();
      apply({ mode: 'train' });
      await count();
      apply({ mode: 'sample' });
      await count();
    }
    expect(await count()).toBe(base);
  });
});

describe('RBM through the engine', () => {
  it('switching to the RBM rebuilds the session; Gibbs negatives (PCD) learn two clusters', async () => {
    apply({
      mode: 'train',
      model: 'rbm',
      sampler: 'gibbs',
      rbmHidden: 16,
      learningRate: 1e-2,
      chainSteps: 5,
    });
    await until(() => received.some((m) => m.type === 'status' && m.iteration === 0));
    received = [];
    send({ type: 'play' });
    await until(() => received.some((m) => m.type === 'status' && m.iteration >= 250), 120_000);
    send({ type: 'pause' });
    await until(() => received.some((m) => m.type === 'status' && !m.playing));
    const f = lastFrame();
    const a = near(f.samples, -2, -2, 1);
    const b = near(f.samples, 2, 2, 1);
    console.info(`RBM + Gibbs after ${f.iteration} iterations: ${a.toFixed(2)} / ${b.toFixed(2)}`);
    expect(a).toBeGreaterThan(0.25);
    expect(b).toBeGreaterThan(0.25);
    // Then sample mode with Gibbs from scratch: the chains find both clusters again.
    apply({ mode: 'sample', stepsPerFrame: 20 });
    let g = await step();
    for (let k = 0; k < 4; k++) g = await step();
    const p = progressOf();
    expect(p[p.length - 1].sampler).toBe('gibbs');
    expect(near(g.samples, -2, -2, 1)).toBeGreaterThan(0.2);
    expect(near(g.samples, 2, 2, 1)).toBeGreaterThan(0.2);
    expect(g.stats.acceptRate).toBeNull(); // exact conditionals at β = 1
  });
});
