// The energy network: an MLP 2 → h → … → h → 1 with SiLU activations.
// Smooth activations matter: Langevin needs ∇ₓE, and ReLU makes it piecewise constant.
// buildMlp gives the same network with K outputs (the JEM classifier, jem/jemModel.ts).
import type { EnergyModel } from './energy';
import { silu } from './silu';
import { ownedVariable, tf, type Tensor1D, type Tensor2D } from './tf';

export interface MlpConfig {
  width: number;
  depth: number; // number of hidden layers
  /** Inputs are multiplied by this so the view box maps to about unit range. */
  inputScale: number;
  seed: number;
}

/** An MLP 2 → h → … → h → outputs: its parameters [w₀, b₀, w₁, b₁, …] and its forward. */
export interface MlpNet {
  readonly variables: tf.Variable[];
  readonly layers: readonly { w: tf.Variable; b: tf.Variable }[];
  /** [N, 2] → [N, outputs]. Pure tensor function. */
  forward(x: Tensor2D): Tensor2D;
}

export function buildMlp(cfg: MlpConfig, outputs: number): MlpNet {
  const sizes = [2, ...Array.from({ length: cfg.depth }, () => cfg.width), outputs];
  const variables: tf.Variable[] = [];
  const layers: { w: tf.Variable; b: tf.Variable }[] = [];
  for (let i = 0; i < sizes.length - 1; i++) {
    const fanIn = sizes[i];
    // He-style init for SiLU (≈ ReLU gain); variables stay unnamed (names are global in tfjs).
    const w = ownedVariable(
      tf.tidy(() =>
        tf.randomNormal([fanIn, sizes[i + 1]], 0, Math.sqrt(2 / fanIn), 'float32', cfg.seed + i),
      ),
    );
    const b = ownedVariable(tf.zeros([sizes[i + 1]]));
    layers.push({ w, b });
    variables.push(w, b);
  }
  const forward = (x: Tensor2D): Tensor2D => {
    let h: tf.Tensor = tf.mul(x, cfg.inputScale);
    layers.forEach(({ w, b }, i) => {
      h = tf.add(tf.matMul(h as Tensor2D, w as tf.Variable<tf.Rank.R2>), b);
      if (i < layers.length - 1) h = silu(h);
    });
    return h as Tensor2D;
  };
  return { variables, layers, forward };
}

export function createMlp(cfg: MlpConfig): EnergyModel {
  const { variables, layers, forward } = buildMlp(cfg, 1);
  const mlp = { layers, inputScale: cfg.inputScale, width: cfg.width, depth: cfg.depth };
  const energy = Object.assign(
    (x: Tensor2D): Tensor1D => tf.reshape(forward(x), [-1]) as Tensor1D,
    { mlp },
  );
  return {
    energy,
    variables,
    dispose: () => variables.forEach((v) => v.dispose()),
  };
}
