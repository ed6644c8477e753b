// Every objective of the registry through the engine over a real MessageChannel, switched
// live between steps: each trains (the energy grid moves) with a finite loss of its own
// formula, and switching back and forth leaves tf.memory().numTensors where it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECTIVES } from '../contract/objectives';
import { DEFAULT_SETTINGS, type Settings } from '../contract/settings';
import { transferables, type Frame, type FromWorker, type ToWorker } from '../contract/protocol';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { Engine } from './engine';

let settings: Settings = {
  ...DEFAULT_SETTINGS,
  chains: 256,
  width: 8,
  depth: 1,
  chainSteps: 3,
  seed: 5,
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
/** One 'step' and its frame (the last frame before the step's status). */
const step = async (): Promise<Frame> => {
  received = [];
  send({ type: 'step' });
  await until(() => received.some((m) => m.type === 'status'));
  const i = received.findIndex((m) => m.type === 'status');
  const frames = received.slice(0, i).filter((m): m is Frame => m.type === 'frame');
  return frames[frames.length - 1];
};

/** 64 points on two blobs at (−1.5, 0) and (1.5, 0.5). */
function points(): Float32Array {
  const a = new Float32Array(128);
  for (let i = 0; i < 64; i++) {
    const t = (2 * Math.PI * i) / 16;
    const r = 0.15 + 0.05 * (i % 4);
    a[2 * i] = (i < 32 ? -1.5 : 1.5) + r * Math.cos(t);
    a[2 * i + 1] = (i < 32 ? 0 : 0.5) + r * Math.sin(t);
  }
  return a;
}

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
  send({ type: 'init', backend: 'cpu', settings, points: points(), gridSize: G });
  await until(() => received.some((m) => m.type === 'frame'));
});
afterAll(() => {
  [pagePort.port1, pagePort.port2, workerPort.port1, workerPort.port2].forEach((p) => p.close());
});

describe('objectives through the engine', () => {
  it('each objective trains a step with a finite loss of its own formula', async () => {
    for (const objective of OBJECTIVES) {
      settings = { ...settings, objective };
      send({ type: 'settings', settings });
      const a = await step();
      const b = await step();
      const { loss, eData, eNeg } = b.stats;
      expect([loss, eData, eNeg].every(Number.isFinite), objective).toBe(true);
      expect(Array.from(b.grid), objective).not.toEqual(Array.from(a.grid));
      // CD family: L = E(data) − E(neg) + α(mean E(data)² + mean E(neg)²), which by Jensen
      // is at least eData − eNeg + α(eData² + eNeg²) of the means it reports.
      // Exact ML: L − β(eData − eNeg) = log Z + β·E_p[E] = H(p_θ), the entropy on the box,
      // at most log(area) = log 64. Score matching: ½·mean‖z − σβ∇E‖² ≥ 0 (≈ 1 while ∇E is small).
      const cd = eData - eNeg + settings.alpha * (eData ** 2 + eNeg ** 2);
      if (objective === 'exactMl') {
        const entropy = loss - settings.beta * (eData - eNeg);
        expect(entropy, objective).toBeLessThanOrEqual(Math.log(64) + 1e-3);
        expect(entropy, objective).toBeGreaterThan(0);
      } else if (objective === 'dsm') {
        expect(loss).toBeGreaterThan(0);
        expect(loss).toBeLessThan(5);
      } else {
        expect(loss, objective).toBeGreaterThanOrEqual(cd - 1e-4);
      }
    }
  });

  it('switching objectives live does not grow tf.memory().numTensors', async () => {
    const pass = async () => {
      for (const objective of [...OBJECTIVES, 'persistentCd' as const]) {
        settings = { ...settings, objective };
        send({ type: 'settings', settings });
        await step();
        await step();
      }
      return tf.memory().numTensors;
    };
    // The first pass makes what lives for the run (exact ML's grid of cell centres).
    const base = await pass();
    expect(await pass()).toBe(base);
  });
});
