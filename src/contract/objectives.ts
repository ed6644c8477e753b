// The objective registry's plain rows: what each training objective is called, its formula,
// what it teaches and its own parameters in their true units. The maths lives in
// src/ebm/objectives/ (evaluateObjective, NEGATIVES says where each gets its negatives); the
// UI picker, the settings table (its parameters become slider rows), the validator and share
// links all read this table. A new objective: its ebm/objectives file and one row here.
import type { NumberSpec } from './range';

export interface ObjectiveRow {
  label: string;
  /** A short name for tight places (the picker, the status line). */
  short: string;
  /** The loss it minimises, in the playground's notation. */
  formula: string;
  /** One or two sentences: what it does and what it costs. */
  explanation: string;
  /** Whether a sampler makes its negatives (the chains then train the model). */
  usesSampler: boolean;
  /** Whether its loss has the energy² term α(mean E(data)² + mean E(x′)²). */
  usesAlpha: boolean;
  /** Its own parameters, keyed by their setting name (unique across all settings). */
  params: Readonly<Record<string, NumberSpec>>;
}

const CD_FORMULA = 'L = mean E(data) − mean E(x′) + α·(mean E(data)² + mean E(x′)²)';

export const OBJECTIVE_SPECS = {
  persistentCd: {
    label: 'Persistent contrastive divergence',
    short: 'Persistent CD',
    formula: `${CD_FORMULA},  x′ = K sampler steps on the persistent chains`,
    explanation:
      'Push the energy down at the data and up where the persistent chains sit. Cheap; right only if the chains sample p_θ.',
    usesSampler: true,
    usesAlpha: true,
    params: {},
  },
  shortRunCd: {
    label: 'Short-run CD from noise',
    short: 'Short-run CD',
    formula: `${CD_FORMULA},  x′ = K sampler steps from uniform noise`,
    explanation:
      'Fresh chains from noise every iteration: the energy learns to be a good K-step sampler, not a faithful density.',
    usesSampler: true,
    usesAlpha: true,
    params: {},
  },
  cdK: {
    label: 'CD-k from the data',
    short: 'CD-k',
    formula: `${CD_FORMULA},  x′ = K sampler steps from the data batch`,
    explanation:
      'Chains start at the data (Hinton 2002): only nearby mistakes are seen, spurious modes far away are never pushed up.',
    usesSampler: true,
    usesAlpha: true,
    params: {},
  },
  exactMl: {
    label: 'Exact maximum likelihood on the grid',
    short: 'Exact ML (grid)',
    formula: 'L = β·mean E(data) + log Z,  log Z = log Σ_cells e^(−βE(c))·h²',
    explanation:
      'The reference CD approximates: the negative phase is a weighted sum over a 64² grid instead of samples. Exact, no sampler; only possible in 2D.',
    usesSampler: false,
    usesAlpha: false,
    params: {},
  },
  dsm: {
    label: 'Denoising score matching',
    short: 'Score matching',
    formula: 'L = ½·mean ‖z − σβ∇ₓE(x + σz)‖²,  z ∼ N(0, I)',
    explanation:
      'Match the model’s score −β∇E to the score of the data blurred by σ. No sampler, no log Z; blind to the relative weights of far-apart modes.',
    usesSampler: false,
    usesAlpha: false,
    params: {
      dsmSigma: {
        label: 'Noise σ',
        hint: 'Standard deviation of the noise added to the data; p_θ learns the data blurred by σ',
        unit: 'data units',
        min: 0.01,
        max: 1,
        step: 0.01,
        log: true,
        default: 0.1,
        format: 'sci',
      },
    },
  },
} as const satisfies Record<string, ObjectiveRow>;

export type ObjectiveName = keyof typeof OBJECTIVE_SPECS;
export const OBJECTIVES = Object.keys(OBJECTIVE_SPECS) as ObjectiveName[];
/** Documents made before objectives were switchable trained with persistent CD. */
export const DEFAULT_OBJECTIVE: ObjectiveName = 'persistentCd';

type ParamsOf<T> = T extends { params: infer P } ? keyof P : never;
/** Every objective parameter's setting name. */
export type ObjectiveParamKey = {
  [O in ObjectiveName]: ParamsOf<(typeof OBJECTIVE_SPECS)[O]>;
}[ObjectiveName];
