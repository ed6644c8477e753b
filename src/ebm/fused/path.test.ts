import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { BOX } from '../../contract/box';
import { createMlp } from '../mlp';
import { tf } from '../tf';
import { langevinFlopsPerChainStep } from './mlpSpec';
import { fusedStepFor, langevinPath, setLangevinPath } from './path';

describe('fused Langevin path', () => {
  it('the MLP energy carries its layers; the cpu backend falls back to the ops path', () => {
    const m = createMlp({ width: 16, depth: 2, inputScale: 0.5, seed: 1 });
    expect(m.energy.mlp?.layers.length).toBe(3);
    expect(m.energy.mlp?.inputScale).toBe(0.5);
    const before = langevinPath();
    setLangevinPath('fused');
    expect(fusedStepFor(m.energy, { beta: 1, box: BOX, langevinStep: 0.01 })).toBeNull();
    // A composed energy (a new function) has no layers: never fused.
    const wrapped = (x: tf.Tensor2D) => m.energy(x);
    expect(fusedStepFor(wrapped, { beta: 1, box: BOX, langevinStep: 0.01 }, true)).toBeNull();
    setLangevinPath(before);
    m.dispose();
  });

  it('counts 18,330 FLOP per chain-step for 2-64-64-1 (the bench shape)', () => {
    expect(langevinFlopsPerChainStep(64, 2)).toBe(18_330);
    expect(langevinFlopsPerChainStep(96, 2)).toBe(39_770); // the default width
    // dominated by the two W×W matrix-vector products
    expect(langevinFlopsPerChainStep(64, 2)).toBeGreaterThan(4 * 64 * 64);
  });
});
