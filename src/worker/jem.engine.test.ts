// JEM through the engine: labelled points in, a frame out with the class logits on the grid,
// the chains' classes and exact scores at the points (accuracy, ECE, AUROC of an outlier).
import { beforeAll, describe, expect, it } from 'vitest';
import { CLASS_COUNT } from '../contract/classes';
import type { Frame, FromWorker } from '../contract/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../contract/settings';
import { makeRng } from '../ebm/rng';
import { useCpu } from '../ebm/testing';
import { Engine } from './engine';

const G = 16;

/** Three clusters (std 0.3) at radius 2.5, 120° apart; labels 0, 1, 2. */
function clusters(perClass: number): { points: Float32Array; labels: Uint8Array } {
  const rng = makeRng(4);
  const xy: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < 3; k++) {
    const a = Math.PI / 2 + (2 * Math.PI * k) / 3;
    for (let i = 0; i < perClass; i++) {
      xy.push(2.5 * Math.cos(a) + 0.3 * rng.normal(), 2.5 * Math.sin(a) + 0.3 * rng.normal());
      ys.push(k);
    }
  }
  return { points: Float32Array.from(xy), labels: Uint8Array.from(ys) };
}

function run(settings: Settings, steps: number, then?: Settings): Frame[] {
  let last: Frame | null = null;
  const sampled: Frame[] = [];
  const engine = new Engine((m: FromWorker) => {
    if (m.type === 'frame') {
      last = m;
      engine.handle({ type: 'ack', frameId: m.frameId });
    }
  });
  const { points, labels } = clusters(20);
  engine.handle({
    type: 'init',
    backend: 'cpu',
    settings,
    points,
    labels,
    outliers: Float32Array.from([3.8, -3.8]),
    gridSize: G,
  });
  for (let i = 0; i < steps; i++) engine.handle({ type: 'step' });
  const trained = last!;
  if (!then) return [trained];
  engine.handle({ type: 'settings', settings: then });
  for (let i = 0; i < 3; i++) {
    engine.handle({ type: 'step' });
    sampled.push(last!);
  }
  return [trained, ...sampled];
}

beforeAll(useCpu);

describe('JEM in the engine', () => {
  const base: Settings = {
    ...DEFAULT_SETTINGS,
    model: 'jem',
    chains: 256,
    jemWidth: 32,
    jemDepth: 2,
    chainSteps: 3,
    learningRate: 0.01,
  };

  it('frames carry grid logits [G²·K], chain classes [M] and exact scores', () => {
    const jem = { ...base, jemLambda: 1 };
    const [f, ...sampling] = run(jem, 60, { ...jem, mode: 'sample', sampleClass: 1 });
    expect(f.classes!.classes).toBe(CLASS_COUNT);
    expect(f.classes!.logits).toHaveLength(G * G * CLASS_COUNT);
    expect(f.classes!.sampleClass).toHaveLength(256);
    const sc = f.scores!;
    expect(sc.dataEnergy).toHaveLength(60);
    expect(sc.outlierEnergy).toHaveLength(1);
    console.log(
      `JEM engine (λ = 1, 60 its): accuracy ${sc.accuracy.toFixed(3)}, confidence ${sc.confidence.toFixed(3)}, ECE ${sc.ece.toFixed(3)}, AUROC −E ${sc.aurocEnergy.toFixed(3)}, AUROC max p ${sc.aurocConfidence.toFixed(3)}`,
    );
    expect(sc.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(sc.ece).toBeLessThan(0.2);
    expect(sc.aurocEnergy).toBeGreaterThanOrEqual(0.95);
    // Sample mode p(x | y = 1): the frozen model's grid logits are reused frame to frame.
    for (const g of sampling) {
      expect(g.classes!.logits).toHaveLength(G * G * CLASS_COUNT);
      expect(g.classes!.logits).toEqual(sampling[0].classes!.logits);
      expect(g.scores!.accuracy).toBe(sc.accuracy);
    }
  });

  it('the MLP gets energies and an AUROC, but no class scores', () => {
    const [f] = run({ ...base, model: 'mlp', width: 16, depth: 1 }, 3);
    expect(f.classes).toBeNull();
    expect(f.scores!.dataEnergy).toHaveLength(60);
    expect(f.scores!.accuracy).toBeNaN();
    expect(Number.isFinite(f.scores!.aurocEnergy)).toBe(true);
  });
});
