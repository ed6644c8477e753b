import { beforeAll, describe, expect, it } from 'vitest';
import { createMlp } from '../ebm/mlp';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { checkWeights, readWeights, writeWeights } from './weights';

beforeAll(useCpu);

const mlp = (seed: number, width = 8) => createMlp({ width, depth: 2, inputScale: 0.5, seed });

describe('worker weights', () => {
  it('read from one model, written to another: identical energies, no tensor leak', () => {
    const a = mlp(1);
    const b = mlp(2);
    const x = tf.tensor2d([
      [0.5, -1],
      [2, 3],
    ]);
    const ea = a.energy(x);
    const before = tf.memory().numTensors;
    const w = readWeights(a.variables);
    expect(w.shapes).toEqual([[2, 8], [8], [8, 8], [8], [8, 1], [1]]);
    expect(writeWeights(b.variables, JSON.parse(JSON.stringify(w)))).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    const eb = b.energy(x);
    expect(Array.from(eb.dataSync())).toEqual(Array.from(ea.dataSync()));
    [a, b].forEach((m) => m.dispose());
    [x, ea, eb].forEach((t) => t.dispose());
  });

  it('a mismatched file is refused with the reason and changes nothing', () => {
    const a = mlp(1, 16);
    const b = mlp(2, 8);
    const original = readWeights(b.variables);
    const error = writeWeights(b.variables, readWeights(a.variables));
    expect(error).toMatch(
      /parameter 1 has shape \[2, 16\] in the file; the current model needs \[2, 8\]/,
    );
    expect(readWeights(b.variables)).toEqual(original);
    const broken = {
      ...original,
      values: original.values.map((v, i) => (i === 2 ? [...v.slice(1), NaN] : v)),
    };
    expect(checkWeights(b.variables, broken)).toMatch(
      /parameter 3 holds a value that is not a finite number/,
    );
    expect(checkWeights(b.variables, { shapes: [[2, 8]], values: [[]] })).toMatch(
      /the file has 1 parameter tensors; the current model has 6/,
    );
    [a, b].forEach((m) => m.dispose());
  });
});
