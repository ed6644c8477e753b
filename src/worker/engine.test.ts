// The protocol end to end over a real MessageChannel: commands in, frames and status out,
// buffers transferred, generations on reset, rollback on blow-up, no tensor growth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { DEFAULT_SETTINGS } from '../contract/settings';
import { Engine } from './engine';
import { transferables, type Frame, type FromWorker, type ToWorker } from '../contract/protocol';

const settings = {
  ...DEFAULT_SETTINGS,
  chains: 256 as const,
  width: 8,
  depth: 1,
  chainSteps: 2,
};
const G = 16;

let received: FromWorker[] = [];
let lastFrame: Frame | null = null;
let send: (m: ToWorker) => void;
const pagePort = new MessageChannel();
const workerPort = new MessageChannel();

const until = async (pred: () => boolean, ms = 20_000) => {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const framesOf = () => received.filter((m): m is Frame => m.type === 'frame');

beforeAll(async () => {
  await useCpu();
  const engine = new Engine((msg) => {
    if (msg.type === 'frame') lastFrame = msg;
    pagePort.port1.postMessage(msg, transferables(msg));
  });
  pagePort.port2.onmessage = (e: MessageEvent<FromWorker>) => {
    received.push(e.data);
    // The page acknowledges each frame once drawn.
    if (e.data.type === 'frame' || e.data.type === 'samples')
      send({ type: 'ack', frameId: e.data.frameId });
  };
  workerPort.port2.onmessage = (e: MessageEvent<ToWorker>) => engine.handle(e.data);
  send = (m) => workerPort.port1.postMessage(m, transferables(m));
});
afterAll(() => {
  pagePort.port1.close();
  pagePort.port2.close();
  workerPort.port1.close();
  workerPort.port2.close();
});

describe('engine protocol over MessageChannel', () => {
  it('init → a frame with samples [M·2] and the energy grid [G²], buffers transferred', async () => {
    send({
      type: 'init',
      backend: 'cpu',
      settings,
      points: new Float32Array([1, 1, -1, -1]),
      gridSize: G,
    });
    await until(() => framesOf().length > 0);
    const f = framesOf()[0];
    expect(f.samples).toBeInstanceOf(Float32Array);
    expect(f.samples.length).toBe(512);
    expect(f.grid.length).toBe(G * G);
    expect(f.generation).toBe(1);
    // Transferred, not cloned: the engine's copy is detached.
    const posted = lastFrame as unknown as Frame;
    expect(posted.samples.byteLength + posted.grid.byteLength).toBe(0);
  });

  it('step advances one iteration; reset starts a new generation at iteration 0', async () => {
    received = [];
    send({ type: 'step' });
    await until(() => framesOf().some((f) => f.iteration === 1));
    received = [];
    send({ type: 'reset' });
    await until(() => received.some((m) => m.type === 'status' && m.generation === 2));
    const st = received.find((m) => m.type === 'status');
    expect(st && st.type === 'status' && st.iteration).toBe(0);
    expect(framesOf().every((f) => f.generation === 2)).toBe(true);
  });

  it('play streams frames; pause stops them within one chunk', async () => {
    received = [];
    send({ type: 'play' });
    await until(() => framesOf().length >= 5).catch((e) => {
      console.error(JSON.stringify(received.map((m) => m.type)));
      throw e;
    });
    send({ type: 'pause' });
    await until(() => received.some((m) => m.type === 'status' && !m.playing));
    const n = framesOf().length;
    await new Promise((r) => setTimeout(r, 300));
    expect(framesOf().length).toBeLessThanOrEqual(n + 1);
    // Paused, the last full frame is of the iteration the status reports: the landscape and
    // the counter agree (the loop's last chunk often ends with a samples frame only).
    const status = received.filter((m) => m.type === 'status').at(-1);
    expect(status && status.type === 'status' && status.iteration).toBe(
      framesOf().at(-1)!.iteration,
    );
  });

  it('a blow-up is rolled back, never drawn', async () => {
    received = [];
    // Absurd coordinates make E(data) overflow float32 → non-finite loss.
    send({ type: 'points', points: new Float32Array([3e38, 3e38, -3e38, 3e38]) });
    send({ type: 'step' });
    await until(() => received.some((m) => m.type === 'rollback'));
    expect(
      framesOf().every((f) => f.grid.every(Number.isFinite) && f.samples.every(Number.isFinite)),
    ).toBe(true);
    send({ type: 'points', points: new Float32Array([1, 1]) });
    received = [];
    send({ type: 'step' });
    await until(() => framesOf().length > 0);
    expect(framesOf()[0].grid.every(Number.isFinite)).toBe(true);
  });

  it('does not grow tf.memory().numTensors across steps, settings changes and resets', async () => {
    const count = async () => {
      received = [];
      send({ type: 'step' });
      await until(() => framesOf().length > 0);
      return tf.memory().numTensors;
    };
    const base = await count();
    for (let k = 0; k < 3; k++) {
      send({
        type: 'settings',
        settings: { ...settings, learningRate: 1e-3 * (k + 1), chains: k % 2 ? 512 : 256 },
      });
      send({ type: 'reset' });
      for (let j = 0; j < 5; j++) await count();
    }
    send({ type: 'settings', settings });
    expect(await count()).toBe(base);
  });
});
