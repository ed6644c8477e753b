// The sampler registry's plain rows: what each MCMC sampler is called, what it does, which
// models it runs on and its own parameters in their true units. Its maths lives in
// src/ebm/samplers/kinds/<id>.ts (found by the engine's registry); the UI, the schema, share
// links, the bench and the health check all read this table. A new sampler: its kinds/ file
// and one row here.
import type { NumberSpec } from './range';

export interface SamplerSpec {
  label: string;
  /** A short name for tight places (the status line, legends). */
  short: string;
  /** One line: what the sampler does, in the playground's notation. */
  explanation: string;
  /** 'any' energy model (needs only E and ∇E), or the models it needs (Gibbs: the RBM). */
  models: 'any' | readonly string[];
  /** It returns an acceptance rate (a Metropolis–Hastings test). */
  reportsAcceptance: boolean;
  /** Its own parameters, keyed by their setting name (unique across the registry). */
  params: Readonly<Record<string, NumberSpec>>;
  /**
   * The parameter that is a Langevin variance ε (the drift per step is (ε/2)β‖∇E‖): the health
   * check turns gradients into distances with it. Absent for samplers without such a step.
   */
  epsilonKey?: string;
  /** Parameters whose change needs a new sampler instance (its own state); default none. */
  rebuildOn?: readonly string[];
}

const epsilon = (label: string): NumberSpec => ({
  label,
  hint: 'Noise variance per step; the drift is (ε/2)∇(βE)',
  unit: 'data units²',
  min: 1e-4,
  max: 0.2,
  step: 1e-4,
  log: true,
  default: 0.01,
  format: 'sci',
});

export const SAMPLER_SPECS = {
  langevin: {
    label: 'Langevin (unadjusted)',
    short: 'Langevin',
    explanation: 'Step downhill along −∇E, plus Gaussian noise. Fast; slightly biased at large ε.',
    models: 'any',
    reportsAcceptance: false,
    params: { langevinStep: epsilon('Step ε') },
    epsilonKey: 'langevinStep',
  },
  mala: {
    label: 'MALA (Metropolis-adjusted Langevin)',
    short: 'MALA',
    explanation: 'A Langevin proposal, kept or rejected by a Metropolis test: unbiased at any ε.',
    models: 'any',
    reportsAcceptance: true,
    params: { malaStep: epsilon('Step ε') },
    epsilonKey: 'malaStep',
  },
  mh: {
    label: 'Random-walk Metropolis–Hastings',
    short: 'Metropolis–Hastings',
    explanation:
      'Jump to x + N(0, s²); keep it with probability min(1, e^(−βΔE)). No gradient needed.',
    models: 'any',
    reportsAcceptance: true,
    params: {
      mhScale: {
        label: 'Proposal scale s',
        hint: 'Standard deviation of the random-walk jump',
        unit: 'data units',
        min: 0.01,
        max: 2,
        step: 0.01,
        log: true,
        default: 0.2,
        format: 'sci',
      },
    },
  },
  hmc: {
    label: 'Hamiltonian Monte Carlo',
    short: 'Hamiltonian MC',
    explanation:
      'Random momentum, L leapfrog steps gliding along the landscape, then one accept test.',
    models: 'any',
    reportsAcceptance: true,
    params: {
      hmcStep: {
        label: 'Leapfrog step ε',
        hint: 'Time step of each leapfrog move (x moves by ε·p)',
        unit: 'time (data units per unit momentum)',
        min: 1e-3,
        max: 0.5,
        step: 1e-3,
        log: true,
        default: 0.05,
        format: 'sci',
      },
      leapfrogSteps: {
        label: 'Leapfrog steps L',
        hint: 'Moves per trajectory; the trajectory length is L·ε',
        unit: 'steps',
        min: 1,
        max: 50,
        step: 1,
        default: 10,
        format: 'int',
      },
    },
  },
  underdamped: {
    label: 'Underdamped Langevin (BAOAB)',
    short: 'Underdamped Langevin',
    explanation:
      'Chains carry momentum: a push along −∇E, friction γ and fresh noise each step h. Low γ glides like HMC; high γ is plain Langevin.',
    models: 'any',
    reportsAcceptance: false,
    params: {
      udStep: {
        label: 'Time step h',
        hint: 'Integration step of the BAOAB splitting (x moves by about h·v)',
        unit: 'time',
        min: 0.005,
        max: 1,
        step: 0.005,
        log: true,
        default: 0.1,
        format: 'sci',
      },
      udFriction: {
        label: 'Friction γ',
        hint: 'How fast momentum is forgotten: c = e^(−γh) of it survives each step',
        unit: '1/time',
        min: 0.05,
        max: 20,
        step: 0.05,
        log: true,
        default: 1,
        format: 'sci',
      },
    },
  },
  replica: {
    label: 'Replica exchange (parallel tempering)',
    short: 'Replica exchange',
    explanation:
      'Hotter copies of the chains (smaller β) cross between valleys; neighbouring temperatures swap states with a Metropolis test, so mass moves between modes.',
    models: 'any',
    reportsAcceptance: true,
    params: {
      replicaStep: epsilon('Step ε (coldest rung)'),
      replicaRungs: {
        label: 'Temperatures R',
        hint: 'Rungs of the ladder, the coldest at β (rebuilds the sampler)',
        unit: 'rungs',
        min: 2,
        max: 8,
        step: 1,
        default: 4,
        format: 'int',
      },
      replicaHottest: {
        label: 'Hottest β factor',
        hint: 'The hottest rung samples exp(−t·βE) with this t (rebuilds the sampler)',
        unit: 'fraction of β',
        min: 0.02,
        max: 1,
        step: 0.01,
        log: true,
        default: 0.1,
        format: 'sci',
      },
    },
    epsilonKey: 'replicaStep',
    rebuildOn: ['replicaRungs', 'replicaHottest'],
  },
  gibbs: {
    label: 'Blocked Gibbs (RBM)',
    short: 'Gibbs (RBM)',
    explanation: 'RBM only: draw every hidden unit given x, then x given the hidden units. Exact.',
    models: ['rbm'],
    reportsAcceptance: false,
    params: {},
  },
} as const satisfies Record<string, SamplerSpec>;

export type SamplerName = keyof typeof SAMPLER_SPECS;
export const SAMPLERS = Object.keys(SAMPLER_SPECS) as SamplerName[];

type ParamsOf<T> = T extends { params: infer P } ? keyof P : never;
/** Every sampler parameter's setting name. */
export type SamplerParamKey = {
  [S in SamplerName]: ParamsOf<(typeof SAMPLER_SPECS)[S]>;
}[SamplerName];
