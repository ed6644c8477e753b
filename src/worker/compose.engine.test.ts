// Composition and recovery through the engine (Node, tfjs cpu): a frozen model expert's
// tensors are freed when it leaves; the composed energy is Σ wᵢEᵢ (AND) or −log Σ wᵢe^(−Eᵢ)
// (OR) and a new weight acts without a rebuild; a clamp holds x exactly and sends the exact
// conditional; drop & restore ends on the ring.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../contract/settings';
import type { ExpertDef } from '../contract/experts';
import type { Frame, FromWorker } from '../contract/protocol';
import { BUILTIN_ENERGIES, RING_RADIUS } from '../ebm/builtinExperts';
import { createModel } from '../ebm/models';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { Engine } from './engine';
import { ExpertBank } from './experts';
import { readWeights } from './weights';

const settings = { ...DEFAULT_SETTINGS, chains: 256 as const, width: 8, depth: 1 };
const G = 32;
const ring: ExpertDef = { id: 'r', label: 'Ring', kind: 'builtin', name: 'ring' };
const right: ExpertDef = { id: 'h', label: 'Right', kind: 'builtin', name: 'rightHalf' };

function modelExpert(id: string): ExpertDef {
  const m = createModel(settings, 7);
  const weights = readWeights(m.variables);
  m.dispose();
  return { id, label: 'MLP', kind: 'model', settings, weights };
}

const at = (x: number, y: number) => tf.tensor2d([[x, y]]);
const value = (f: (x: tf.Tensor2D) => tf.Tensor1D, x: number, y: number): number =>
  tf.tidy(() => f(at(x, y)).dataSync()[0]);

beforeAll(useCpu);

describe('expert bank', () => {
  it('holds a frozen model as tensors and frees them on removal and dispose', () => {
    const bank = new ExpertBank();
    const before = tf.memory().numTensors;
    const r = bank.setExperts([modelExpert('a'), ring]);
    expect(r.error).toBeNull();
    expect(r.thumbs.map((t) => t.length)).toEqual([32 * 32, 32 * 32]);
    const held = tf.memory().numTensors;
    expect(held).toBeGreaterThan(before);
    bank.setExperts([ring]);
    expect(tf.memory().numTensors).toBe(before);
    bank.setExperts([modelExpert('b')]);
    bank.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('AND is Σ wᵢEᵢ, OR is −log Σ wᵢe^(−Eᵢ), and a weight acts on the next call', () => {
    const bank = new ExpertBank();
    bank.setExperts([ring, right]);
    const er = value(BUILTIN_ENERGIES.ring, -1, 0.5);
    const eh = value(BUILTIN_ENERGIES.rightHalf, -1, 0.5);
    bank.setMixing({ on: true, mode: 'and', weights: [1, 1] });
    const and = bank.energy()!;
    expect(value(and, -1, 0.5)).toBeCloseTo(er + eh, 4);
    bank.setMixing({ on: true, mode: 'and', weights: [0.5, 2] });
    expect(bank.energy()).toBe(and); // the same function: weights are read at call time
    expect(value(and, -1, 0.5)).toBeCloseTo(0.5 * er + 2 * eh, 4);
    bank.setMixing({ on: true, mode: 'or', weights: [0.5, 2] });
    const or = -Math.log(0.5 * Math.exp(-er) + 2 * Math.exp(-eh));
    expect(value(bank.energy()!, -1, 0.5)).toBeCloseTo(or, 4);
    bank.setMixing({ on: false, mode: 'or', weights: [1, 1] });
    expect(bank.energy()).toBeNull();
    bank.dispose();
  });

  it('refuses weights that do not fit the architecture, keeping the others', () => {
    const bank = new ExpertBank();
    const bad = modelExpert('x');
    if (bad.kind !== 'model') throw new Error('unreachable');
    bad.weights.values[0] = bad.weights.values[0].slice(1);
    const r = bank.setExperts([ring, bad]);
    expect(r.error).toMatch(/MLP/);
    expect(bank.count).toBe(1);
    bank.dispose();
  });
});

describe('composition and recovery through the engine', () => {
  it('clamp: x held exactly, the conditional normalised; restore ends on the half ring', async () => {
    const out: FromWorker[] = [];
    const engine = new Engine((m) => void out.push(m));
    const frames = () => out.filter((m): m is Frame => m.type === 'frame');
    engine.handle({
      type: 'init',
      backend: 'cpu',
      settings: { ...settings, mode: 'sample', sampler: 'mala' },
      points: new Float32Array(0),
      gridSize: G,
    });
    engine.handle({ type: 'setExperts', requestId: 1, experts: [ring, right] });
    engine.handle({ type: 'mixing', mixing: { on: true, mode: 'and', weights: [1, 1] } });
    engine.handle({ type: 'clamp', clamp: { axis: 0, value: 2.5 } });
    const set = out.find((m) => m.type === 'expertsSet');
    expect(set && set.type === 'expertsSet' && set.error).toBeNull();
    for (let k = 0; k < 3; k++) {
      engine.handle({ type: 'step' });
      const f = frames().at(-1)!;
      engine.handle({ type: 'ack', frameId: f.frameId });
    }
    const f = frames().at(-1)!;
    const line = f.conditional!;
    expect(line.axis).toBe(0);
    expect(line.density.length).toBe(G);
    const h = 8 / G;
    expect(line.density.reduce((a, b) => a + b, 0) * h).toBeCloseTo(1, 4);
    for (let i = 0; i < f.samples.length; i += 2) expect(f.samples[i]).toBe(2.5);

    engine.handle({ type: 'clamp', clamp: null });
    engine.handle({ type: 'restore', requestId: 2, x: 3.6, y: 1.2 });
    const r = out.find((m) => m.type === 'restored');
    if (!r || r.type !== 'restored') throw new Error('no restore reply');
    const n = r.path.length / 2;
    expect(r.path[0]).toBeCloseTo(3.6, 5);
    const [x, y] = [r.path[2 * n - 2], r.path[2 * n - 1]];
    console.info(
      `restore (3.6, 1.2) → (${x.toFixed(3)}, ${y.toFixed(3)}), r = ${Math.hypot(x, y).toFixed(3)}`,
    );
    expect(Math.abs(Math.hypot(x, y) - RING_RADIUS)).toBeLessThan(0.3);
    expect(x).toBeGreaterThan(0);
  });
});
