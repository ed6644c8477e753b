// Reading and replacing a model's parameters for weight export/import. Writing checks every
// shape and value first, so a mismatched or damaged file changes nothing.
import { tf } from '../ebm/tf';
import type { ModelWeights } from '../contract/protocol';

export function readWeights(variables: readonly tf.Variable[]): ModelWeights {
  return {
    shapes: variables.map((v) => [...v.shape]),
    values: variables.map((v) => Array.from(v.dataSync())),
  };
}

const shapeText = (s: readonly number[]) => `[${s.join(', ')}]`;

/** Why `w` cannot replace `variables`' values, or null when it can. */
export function checkWeights(variables: readonly tf.Variable[], w: ModelWeights): string | null {
  if (w.shapes.length !== variables.length || w.values.length !== variables.length) {
    return `the file has ${w.shapes.length} parameter tensors; the current model has ${variables.length}`;
  }
  for (let i = 0; i < variables.length; i++) {
    const want = variables[i].shape;
    const got = w.shapes[i];
    if (got.length !== want.length || got.some((d, k) => d !== want[k])) {
      return `parameter ${i + 1} has shape ${shapeText(got)} in the file; the current model needs ${shapeText(want)}`;
    }
    const size = want.reduce((a, b) => a * b, 1);
    if (w.values[i].length !== size) {
      return `parameter ${i + 1} has ${w.values[i].length} values; its shape needs ${size}`;
    }
    if (!w.values[i].every((v) => typeof v === 'number' && Number.isFinite(v))) {
      return `parameter ${i + 1} holds a value that is not a finite number`;
    }
  }
  return null;
}

/** Assigns `w` to `variables` when it fits; returns the reason when it does not. */
export function writeWeights(variables: readonly tf.Variable[], w: ModelWeights): string | null {
  const error = checkWeights(variables, w);
  if (error !== null) return error;
  tf.tidy(() => {
    variables.forEach((v, i) => v.assign(tf.tensor(w.values[i], v.shape, 'float32')));
  });
  return null;
}
