// What a fused Langevin step needs to know about an MLP energy, and what one step costs.
//
// The network (mlp.ts): h₀ = s·x (s = inputScale), a_l = h_{l−1}·W_{l−1} + b_{l−1},
// h_l = SiLU(a_l) for l = 1…D (D = depth, every hidden layer W wide), E = h_D·W_D + b_D.
// Its input gradient, by hand (no autodiff tape):
//   δ_D = W_D[:,0] ⊙ SiLU′(a_D),  δ_{l−1} = (W_{l−1}·δ_l) ⊙ SiLU′(a_{l−1}),  ∇ₓE = s·W₀·δ₁
// with SiLU′(a) = σ(a)·(1 + a·(1 − σ(a))). The Langevin update is then
//   x ← R_B(x − (ε/2)·β·∇ₓE(x) + ξ),  ξ ~ N(0, ε I)  (langevin.ts; R_B the reflection, box.ts).
import type { tf } from '../tf';

export interface MlpSpec {
  /** [W₀ (2×W), b₀, W₁ (W×W), b₁, …, W_D (W×1), b_D] as the model's own variables. */
  readonly layers: readonly { w: tf.Variable; b: tf.Variable }[];
  readonly inputScale: number;
  readonly width: number;
  readonly depth: number;
}

/**
 * Useful floating-point operations of ONE chain-step (one chain, one Langevin step), counting
 * a multiply-add as 2, an exp as 1 and σ/SiLU/SiLU′ by their arithmetic:
 *   forward  input layer 2·2·W + W (bias) + 2 (scale); hidden layers (D−1)·(2W² + W);
 *            SiLU on every hidden unit: σ = 1 exp + 1 add + 1 div, ×a: 4 per unit → 4·D·W
 *   backward output layer W (W_D ⊙ SiLU′ setup) + SiLU′ per unit (4: 1−σ, ×a, +1, ×σ) → 5·D·W
 *            hidden layers (D−1)·(2W² + W) (matrix-vector, then ⊙ SiLU′); input layer 2·2·W + 2
 *   update   2 coordinates × (mul, sub, add) = 6, reflection 2 × 8 = 16
 * For 2→64→64→1 (W = 64, D = 2, the bench's shape): 18,330 FLOP per chain-step, dominated by
 * the two 64×64 matrix-vector products (4·W² = 16,384); the default 2→64→64→64→1: 35,418. The
 * output energy itself is not needed.
 */
export function langevinFlopsPerChainStep(width: number, depth: number): number {
  const W = width;
  const D = depth;
  const forward = 4 * W + W + 2 + (D - 1) * (2 * W * W + W) + 4 * D * W;
  const backward = W + 5 * D * W + (D - 1) * (2 * W * W + W) + 4 * W + 2;
  const update = 6 + 16;
  return forward + backward + update;
}

/** FLOP of one forward pass per point (energy only): what a grid cell costs. */
export function energyFlopsPerPoint(width: number, depth: number): number {
  const W = width;
  return 4 * W + W + 2 + (depth - 1) * (2 * W * W + W) + 4 * depth * W + 2 * W + 1;
}
