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
        // 3 layers of 64 (depth below): about the cost per chain-step of 2 layers of 96
        // (35,400 against 39,800 FLOP, fused/mlpSpec.ts), and what the rings, spirals and
        // 25 gaussians need. npm run fidelity (1500 iterations, the KL read-out through the
        // data's kernel): rings KL − floor +0.137 at 2×96, −0.040 at 3×64 (held-out NLL gap to
        // the generator, KL(p_true ‖ p_θ), 0.74 → 0.38); 25 gaussians +0.066 → −0.106; spirals
        // +0.059 → −0.095. 2×96 fitted 8 gaussians and 5 unequal ones better held out (0.11
        // and 0.05 against 0.18 and 0.11): the deeper net follows the 400 points more closely.
        default: 64,
        format: 'int',
      },
      depth: {
        label: 'Depth',
        hint: 'Hidden layers (rebuilds the model)',
        unit: 'layers',
        min: 1,
        max: 4,
        step: 1,
        default: 3,
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
