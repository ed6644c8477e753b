// The one settings table: every setting a user can change, with its type, bounds, default,
// label, hint, true unit, group and when it is shown. The controls are one loop over it, the
// page's validator (state/schema.ts) is built from it, and the engine reads it. Sampler and
// model parameters come from their registry rows (samplers.ts, models.ts), so adding a
// sampler adds its settings here by itself.
import { MODEL_SPECS, MODELS, type ModelName, type ModelParamKey } from './models';
import {
  DEFAULT_OBJECTIVE,
  OBJECTIVE_SPECS,
  OBJECTIVES,
  type ObjectiveName,
  type ObjectiveParamKey,
} from './objectives';
import type { NumberSpec } from './range';
import { DEFAULT_REINIT, type ReinitSource } from './reinit';
import { SAMPLER_SPECS, SAMPLERS, type SamplerName, type SamplerParamKey } from './samplers';

export const MODES = ['train', 'sample'] as const;
export type Mode = (typeof MODES)[number];

/** Chains are powers of two so the replay batch divides them (fixed shapes). */
export const CHAIN_OPTIONS = [256, 512, 1024, 2048, 4096, 8192] as const;
export type ChainCount = (typeof CHAIN_OPTIONS)[number];

/**
 * Fixed trainer constants (not user settings), shared so exports can state them: the data
 * batch of one CD iteration (also the replay batch, so shapes stay fixed) and the global L2
 * norm parameter gradients are clipped to.
 */
export const TRAINER = { batch: 256, maxGradNorm: 10 } as const;

/** Where a setting's control sits. */
export type SettingGroup = 'training' | 'model' | 'chains' | 'sampler' | 'sampling';

/** The number settings every run has (sampler and model parameters are added below). */
export const CORE_SETTINGS = {
  learningRate: {
    label: 'Learning rate',
    hint: 'Adam step size (β1 = 0)',
    unit: '',
    min: 1e-4,
    max: 3e-2,
    step: 1e-4,
    log: true,
    // Tuned on 8 gaussians (2048 chains, batch 256, K = 20, wasm): with lr 1e-2 and α 0.01,
    // 88 % of samples sit within 0.5 of a mode after 400 iterations, 43 % with lr 2e-3, α 0.1.
    default: 1e-2,
    format: 'sci',
  },
  annealIters: {
    label: 'Anneal it over (iterations)',
    hint: 'It falls (cosine) to 5 % over this many iterations, anew when the data change; 0: constant',
    unit: 'iterations',
    min: 0,
    max: 10_000,
    step: 100,
    // Chosen with npm run fidelity (ebm/anneal.ts): at a constant rate the mode masses keep
    // swinging with the negatives' noise; 1500 is the budget the issue's targets are set for.
    default: 1500,
    format: 'int',
    addedLater: true,
  },
  averageIters: {
    label: 'Show the model averaged over (iterations)',
    hint: 'The landscape and the metrics show the weights averaged over about this many recent iterations, more as the rate anneals; 0: the latest',
    unit: 'iterations',
    min: 0,
    max: 1000,
    step: 10,
    // ebm/weightAverage.ts. npm run fidelity (1500 iterations, wasm): the latest weights' mode
    // masses still swing by ±0.1 at the end of the schedule; their recent average does not.
    default: 200,
    format: 'int',
    addedLater: true,
  },
  alpha: {
    label: 'Energy regulariser α',
    hint: 'α·(E(data)² + E(samples)²) keeps the energy near zero',
    unit: '',
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.01,
    format: 'sci',
  },
  chainSteps: {
    label: 'Steps per iteration K',
    hint: 'Sampler transitions each training iteration gives its batch of chains',
    unit: 'steps',
    min: 1,
    max: 200,
    step: 1,
    // 10 since the MLP grew (96 wide, then 3 layers of 64; models.ts): about the cost per
    // iteration of K = 20 with 2 layers of 64. With MALA, restarts from the model's density
    // and the averaged weights shown, npm run fidelity (1500 iterations) had every preset and
    // mixture within 0.05 of its KL floor.
    default: 10,
    format: 'int',
  },
  beta: {
    label: 'Temperature β',
    hint: 'p(x) ∝ exp(−βE(x))',
    unit: '1/energy',
    min: 0.1,
    max: 10,
    step: 0.05,
    log: true,
    default: 1,
    format: 'sci',
  },
  reinitFraction: {
    label: 'Re-init fraction',
    hint: 'Share of replayed chains restarted each iteration (where: see “Restart from”)',
    unit: 'fraction',
    min: 0,
    max: 1,
    step: 0.01,
    // Chosen with npm run fidelity (1500 iterations, wasm), with MALA and restarts from the
    // model's density: ρ = 0.05 gave KL 0.49 / 0.28 / 0.43 on 8 gaussians / 5 unequal
    // gaussians / 3 sharp unequal ones; ρ = 0.5 1.15 / — / 0.47 (Langevin at 0.5: 0.77,
    // 0.175, 5.8). The old default (Langevin, uniform restarts): 0.60 / 4.86 / 14.9.
    default: 0.05,
    format: 'pct',
  },
  stepsPerFrame: {
    label: 'Steps per frame',
    hint: 'Sampler transitions between two pictures',
    unit: 'steps',
    min: 1,
    max: 500,
    step: 1,
    log: true,
    default: 10,
    format: 'int',
  },
} as const satisfies Record<string, NumberSpec>;
export type CoreNumberKey = keyof typeof CORE_SETTINGS;

const CORE_GROUP: Record<CoreNumberKey, SettingGroup> = {
  learningRate: 'training',
  annealIters: 'training',
  averageIters: 'training',
  alpha: 'training',
  chainSteps: 'chains',
  beta: 'chains',
  reinitFraction: 'chains',
  stepsPerFrame: 'sampling',
};

/** Every number setting: core, sampler parameter or model parameter. */
export type NumberKey = CoreNumberKey | SamplerParamKey | ModelParamKey | ObjectiveParamKey;

export interface Settings extends Record<NumberKey, number> {
  chains: ChainCount;
  sampler: SamplerName;
  model: ModelName;
  /** The training objective (src/contract/objectives.ts). */
  objective: ObjectiveName;
  /** Where re-initialised chains restart (src/contract/reinit.ts). */
  reinitFrom: ReinitSource;
  mode: Mode;
  seed: number;
  /** Kernel bandwidth of the density comparisons (data units); absent or 0: automatic. */
  kdeBandwidth?: number;
  /** JEM in sample mode: sample p(x | y) for this class (contract/classes.ts); absent: p(x). */
  sampleClass?: number;
}

/** Largest KDE bandwidth a user may set (data units). */
export const KDE_BANDWIDTH = { min: 0.03, max: 1.5, step: 0.01, log: true } as const;

/** One row of the settings table: a number setting, where it sits and who owns it. */
export interface SettingRow extends NumberSpec {
  key: NumberKey;
  group: SettingGroup;
  /** Shown only while this sampler runs, or this model is chosen. */
  owner?: { sampler: SamplerName } | { model: ModelName } | { objective: ObjectiveName };
  /** Shown only in this mode. */
  mode?: Mode;
}

const rowsOf = <O>(
  specs: Record<string, { params: Readonly<Record<string, NumberSpec>> }>,
  group: SettingGroup,
  owner: (id: string) => O,
) =>
  Object.entries(specs).flatMap(([id, spec]) =>
    Object.entries(spec.params).map(([key, p]) => ({ ...p, key, group, owner: owner(id) })),
  );

export const SETTING_ROWS: readonly SettingRow[] = [
  ...(Object.keys(CORE_SETTINGS) as CoreNumberKey[]).map((key) => ({
    ...CORE_SETTINGS[key],
    key,
    group: CORE_GROUP[key],
    ...(key === 'stepsPerFrame' ? { mode: 'sample' as const } : {}),
  })),
  ...rowsOf(SAMPLER_SPECS, 'sampler', (id) => ({ sampler: id as SamplerName })),
  ...rowsOf(MODEL_SPECS, 'model', (id) => ({ model: id as ModelName })),
  ...rowsOf(OBJECTIVE_SPECS, 'training', (id) => ({ objective: id as ObjectiveName })),
] as SettingRow[];

/** The row of every number setting, by key. */
export const SETTING_BY_KEY = Object.fromEntries(SETTING_ROWS.map((r) => [r.key, r])) as Record<
  NumberKey,
  SettingRow
>;
export const NUMBER_KEYS = SETTING_ROWS.map((r) => r.key);

export const DEFAULT_SETTINGS: Settings = {
  ...(Object.fromEntries(SETTING_ROWS.map((r) => [r.key, r.default])) as Record<NumberKey, number>),
  chains: 2048,
  // MALA: the Metropolis correction keeps chains in narrow wells, where unadjusted Langevin
  // at the same ε throws them out and the energies then diverge (3 sharp gaussians: KL 14.9
  // with Langevin and uniform restarts, 0.43 with MALA and restarts from the model).
  sampler: 'mala',
  model: 'mlp',
  objective: DEFAULT_OBJECTIVE,
  reinitFrom: DEFAULT_REINIT,
  mode: 'train',
  seed: 1,
};

/** Models the sampler can run on. */
export function samplerApplies(name: SamplerName, model: ModelName): boolean {
  const m = SAMPLER_SPECS[name].models;
  return m === 'any' || (m as readonly string[]).includes(model);
}

/** The sampler that actually runs: the chosen one if it applies to the model, else Langevin. */
export function effectiveSampler(s: Pick<Settings, 'sampler' | 'model'>): SamplerName {
  return samplerApplies(s.sampler, s.model) ? s.sampler : 'langevin';
}

/** The sampler names to offer for a model (Gibbs only with the RBM). */
export function samplersFor(model: ModelName): SamplerName[] {
  return SAMPLERS.filter((n) => samplerApplies(n, model));
}

/** Whether a row's control is shown for these settings. */
export function rowShown(row: SettingRow, s: Settings): boolean {
  if (row.mode && row.mode !== s.mode) return false;
  if (!row.owner) return true;
  if ('sampler' in row.owner) return row.owner.sampler === effectiveSampler(s);
  if ('objective' in row.owner) return row.owner.objective === s.objective;
  return row.owner.model === s.model;
}

/** The setting names whose change needs a new model: its own parameters and the seed. */
export function modelKeys(model: ModelName): readonly string[] {
  return [...Object.keys(MODEL_SPECS[model].params), 'seed', 'model'];
}

export { MODELS, OBJECTIVES, SAMPLERS };
export type { ModelName, ObjectiveName, SamplerName };
