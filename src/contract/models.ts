// The energy-model registry's plain rows: each model's name, explanation and own parameters
// (true units). The maths lives in src/ebm (the engine's model registry maps the id to a
// factory). A new model: its maths file, one row here and one factory line (≤ 3 files).
import type { NumberSpec } from './range';

export interface ModelSpec {
  label: string;
  /** A short name for the model switch. */
  short: string;
  explanation: string;
  /** Its own parameters, keyed by setting name; changing one rebuilds the model. */
  params: Readonly<Record<string, NumberSpec>>;
  /**
   * Trains with the energy² regulariser α. The MLP's output bias is a free additive constant
   * that α pins near zero; the RBM's free energy has none (its level is tied to b, c and W), so
   * α fights its shape: measured, α = 0.1 stops an RBM learning two clusters, α = 0 learns them.
   */
  usesAlpha: boolean;
  /** MLP-style models: inputs in the view box are multiplied by this (about unit range). */
  inputScale?: number;
}

export const MODEL_SPECS = {
  mlp: {
    label: 'MLP (SiLU)',
    short: 'MLP',
    inputScale: 0.5,
    explanation: 'A small neural network E_θ(x): 2 inputs, hidden SiLU layers, one energy.',
    usesAlpha: true,
    params: {
      width: {
        label: 'Width',
        hint: 'Hidden units per layer (rebuilds the model)',
        unit: 'units',
        min: 8,
        max: 256,
        step: 8,
        // npm run fidelity, 1500 iterations: 25 gaussians KL 0.68 at width 64 (floor 0.29, a
        // network too small for 25 sharp valleys), 0.18 at 96, 0.24 at depth 3 (which costs
        // as much). Width 96 with K = 10 steps runs as fast as 64 with K = 20 and got 0.29.
        default: 96,
        format: 'int',
      },
      depth: {
        label: 'Depth',
        hint: 'Hidden layers (rebuilds the model)',
        unit: 'layers',
        min: 1,
        max: 4,
        step: 1,
        default: 2,
        format: 'int',
      },
    },
  },
  rbm: {
    label: 'Gaussian–Bernoulli RBM',
    short: 'RBM',
    explanation: 'Visible x, binary hidden units h; E(x) is the free energy −log Σ_h e^(−E(x,h)).',
    usesAlpha: false,
    params: {
      rbmHidden: {
        label: 'Hidden units',
        hint: 'Binary hidden units of the RBM (rebuilds the model)',
        unit: 'units',
        min: 2,
        max: 256,
        step: 1,
        default: 32,
        format: 'int',
      },
    },
  },
  jem: {
    label: 'JEM (classifier as energy)',
    short: 'JEM',
    inputScale: 0.5,
    explanation:
      'An MLP with one logit f(x)[y] per class: E(x, y) = −f(x)[y], E(x) = −logsumexp_y f(x)[y]; trained on cross-entropy plus λ × the contrastive-divergence term for p(x).',
    usesAlpha: true,
    params: {
      jemWidth: {
        label: 'Width',
        hint: 'Hidden units per layer of the classifier (rebuilds the model)',
        unit: 'units',
        min: 8,
        max: 256,
        step: 8,
        default: 64,
        format: 'int',
      },
      jemDepth: {
        label: 'Depth',
        hint: 'Hidden layers of the classifier (rebuilds the model)',
        unit: 'layers',
        min: 1,
        max: 4,
        step: 1,
        default: 2,
        format: 'int',
      },
      jemLambda: {
        label: 'Generative weight λ',
        hint: 'Loss = cross-entropy + λ·CD on E(x); 0 = classifier only (rebuilds the model)',
        unit: '',
        min: 0,
        max: 1,
        step: 0.05,
        default: 1,
        format: 'fixed2',
      },
    },
  },
} as const satisfies Record<string, ModelSpec>;

export type ModelName = keyof typeof MODEL_SPECS;
export const MODELS = Object.keys(MODEL_SPECS) as ModelName[];

type ParamsOf<T> = T extends { params: infer P } ? keyof P : never;
/** Every model parameter's setting name. */
export type ModelParamKey = { [M in ModelName]: ParamsOf<(typeof MODEL_SPECS)[M]> }[ModelName];
